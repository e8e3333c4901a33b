package org.sferum.sdk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;

/**
 * The stores' access to the database: table names, one transaction per operation, and the translation of
 * {@link SQLException}s into {@link ServiceException}s that carry the SQLState but never the driver's message
 * (which may quote stored values).
 */
final class Db {
    /** SQLState of a unique or primary key violation, in H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String prefix;

    Db(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.prefix = prefix;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /**
     * Inserts one row in a transaction of its own, unless a unique key refuses it or a concurrent transaction wins
     * the race (reported as a serialization failure at a strict isolation level); then the transaction is rolled
     * back and nothing is changed. The caller finds out which row was in the way.
     *
     * @param what what the store was doing, for the message of a failure
     * @param sql the {@code INSERT} statement
     * @param parameters sets its parameters
     * @return true when the row was inserted, false when it was refused
     */
    boolean insertIfAbsent(String what, String sql, Parameters parameters) {
        return inTransaction(what, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                parameters.set(insert);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e) || isLostRace(e)) {
                    connection.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    String table(String name) {
        return prefix + name;
    }

    String prefix() {
        return prefix;
    }

    /**
     * Runs work in one transaction on a connection of its own: committed when it returns, rolled back when it
     * throws. The connection's auto-commit mode is restored before it goes back to the pool.
     *
     * @param what what the store was doing, for the message of a failure
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs work with auto-commit on (each statement its own transaction), as schema changes need on H2.
     *
     * @param what what the store was doing, for the message of a failure
     * @param work the work
     * @throws SQLException as the work throws it, untranslated (the caller decides what is worth a retry)
     */
    void autoCommitted(String what, Work<Void> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        }
    }

    static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(sanitized(e));
        }
    }

    /**
     * Tells whether a statement lost a race with a concurrent transaction and the operation is worth running
     * again: a serialization failure (under REPEATABLE READ or SERIALIZABLE) or a deadlock.
     *
     * @param e the failure
     * @return whether to run the operation again
     */
    static boolean isLostRace(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /**
     * Waits a little before running again an operation that lost a race, longer after each attempt.
     *
     * @param attempt the attempt that failed, from 1
     */
    static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Translates a database failure. The driver's message is left out, since it may quote values (an account id in
     * a constraint violation, say); the SQLState, the vendor code and the exception class are kept.
     *
     * @param what what the store was doing
     * @param e the failure
     * @return the exception to throw
     */
    static ServiceException failure(String what, SQLException e) {
        return new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "the JDBC store's database failed while " + what
                + " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ", "
                + e.getClass().getSimpleName() + "); check that the database is reachable and the DataSource works",
                null, null, sanitized(e));
    }

    /**
     * A copy of a driver exception without its message.
     *
     * @param e the driver's exception
     * @return the copy, with the same SQLState, vendor code and stack
     */
    static SQLException sanitized(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getName() + ": SQLState " + e.getSQLState()
                + ", vendor code " + e.getErrorCode() + " (the driver's message is withheld: it may quote stored values)",
                e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    static Instant instant(long seconds, int nanos) {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
