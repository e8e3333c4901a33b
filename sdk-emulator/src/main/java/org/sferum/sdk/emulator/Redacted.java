package org.sferum.sdk.emulator;

/**
 * A copy of an unexpected exception for the log: its class names and stack frames, without its messages, which
 * might hold a parameter (a message text, a token) of the failed call.
 */
final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 8;

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message redacted)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /**
     * Copies an exception and its causes without their messages.
     *
     * @param original the exception
     * @return the copy
     */
    static Redacted of(Throwable original) {
        return of(original, 0);
    }

    private static Redacted of(Throwable original, int depth) {
        Throwable cause = original.getCause();
        boolean copyCause = cause != null && cause != original && depth < MAX_CAUSES;
        return new Redacted(original, copyCause ? of(cause, depth + 1) : null);
    }
}
