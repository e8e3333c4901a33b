package org.sferum.sdk.core.wire;

import java.util.Objects;

/**
 * sdk-core's logger (issue 15, fewer jars): SLF4J when {@code org.slf4j:slf4j-api} is on the class path (an optional
 * dependency; the embedder's binding decides where lines go, as before), otherwise the JDK's
 * {@link System.Logger} (java.util.logging by default), so messaging needs no logging jar. The messages use SLF4J's
 * {@code {}} placeholders either way. What may be logged is unchanged: codes, methods, counts, never a secret.
 */
public final class Log {
    private static final boolean SLF4J = slf4jPresent();

    private final Object slf4j;
    private final System.Logger jdk;

    private Log(Class<?> type) {
        this.slf4j = SLF4J ? Slf4j.logger(type) : null;
        this.jdk = SLF4J ? null : System.getLogger(type.getName());
    }

    /**
     * Returns the logger of a class.
     *
     * @param type the class that logs
     * @return its logger
     */
    public static Log get(Class<?> type) {
        return new Log(Objects.requireNonNull(type, "type"));
    }

    private static boolean slf4jPresent() {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, Log.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Tells whether DEBUG lines are written.
     *
     * @return whether {@link #debug} writes
     */
    public boolean isDebugEnabled() {
        return slf4j != null ? Slf4j.debugEnabled(slf4j) : jdk.isLoggable(System.Logger.Level.DEBUG);
    }

    /**
     * Writes a DEBUG line.
     *
     * @param format the text, with a {@code {}} per argument
     * @param args the arguments
     */
    public void debug(String format, Object... args) {
        if (slf4j != null) {
            Slf4j.debug(slf4j, format, args);
        } else if (jdk.isLoggable(System.Logger.Level.DEBUG)) {
            jdk.log(System.Logger.Level.DEBUG, format(format, args));
        }
    }

    /**
     * Writes a WARN line.
     *
     * @param format the text, with a {@code {}} per argument
     * @param args the arguments
     */
    public void warn(String format, Object... args) {
        if (slf4j != null) {
            Slf4j.warn(slf4j, format, args);
        } else if (jdk.isLoggable(System.Logger.Level.WARNING)) {
            jdk.log(System.Logger.Level.WARNING, format(format, args));
        }
    }

    /** Fills SLF4J's {@code {}} placeholders in order; arguments left over are ignored, as SLF4J does. */
    static String format(String format, Object... args) {
        StringBuilder out = new StringBuilder(format.length() + 16 * args.length);
        int from = 0;
        for (Object arg : args) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            out.append(format, from, at).append(arg);
            from = at + 2;
        }
        return out.append(format, from, format.length()).toString();
    }

    /** The only code that names SLF4J's types, reached only when SLF4J is there. */
    private static final class Slf4j {
        private Slf4j() {
        }

        static Object logger(Class<?> type) {
            return org.slf4j.LoggerFactory.getLogger(type);
        }

        static boolean debugEnabled(Object logger) {
            return ((org.slf4j.Logger) logger).isDebugEnabled();
        }

        static void debug(Object logger, String format, Object[] args) {
            ((org.slf4j.Logger) logger).debug(format, args);
        }

        static void warn(Object logger, String format, Object[] args) {
            ((org.slf4j.Logger) logger).warn(format, args);
        }
    }
}
