package org.sferum.sdk.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.sql.SQLFeatureNotSupportedException;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/**
 * Where {@code roster apply} checkpoints its work ({@code --jdbc URL --run ID}): the plan is stored as the work
 * items of a run in the database ({@code JdbcRosterWork} of sdk-store-jdbc), each marked done in the transaction
 * that applied it, so that {@code --resume} finishes the run without planning again and without repeating an item
 * done before. The user comes from {@code --jdbc-user}, the password from the environment variable
 * {@value #PASSWORD_ENV} (never from the command line). The PostgreSQL driver is in the jar; other drivers on the
 * class path work too.
 */
final class JdbcOptions {
    /** The environment variable with the database password. */
    static final String PASSWORD_ENV = "SFERUM_JDBC_PASSWORD";

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "Checkpoint the apply as work items in this database (jdbc:postgresql://…); with --run.")
    String url;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user (password in $"
            + PASSWORD_ENV + ").")
    String user;

    @Option(names = "--run", paramLabel = "ID",
            description = "With --jdbc: the run's name, such as the sync's date; --resume finishes this run.")
    String run;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = "sferum_",
            description = "With --jdbc: the prefix of the work tables (default: ${DEFAULT-VALUE}).")
    String tablePrefix;

    /** Creates the options; picocli fills them. */
    JdbcOptions() {
    }

    /**
     * Tells whether a database was named.
     *
     * @return whether --jdbc is given
     */
    boolean on() {
        return url != null;
    }

    /**
     * A data source opening a new connection for each use ({@link DriverManager}, no pool), from the URL, the user
     * and the password. Only {@code getConnection} is needed by the work items; the rest is refused.
     *
     * @return the data source
     */
    DataSource dataSource() {
        String password = System.getenv(PASSWORD_ENV);
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getConnection" -> args == null || args.length == 0
                    ? (user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password))
                    : DriverManager.getConnection(url, (String) args[0], (String) args[1]);
            case "toString" -> "DataSource[" + url + "]"; // never the password
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new SQLFeatureNotSupportedException(method.getName() + " is not supported here");
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                handler);
    }
}
