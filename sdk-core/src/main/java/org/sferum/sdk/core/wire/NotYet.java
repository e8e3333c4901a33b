package org.sferum.sdk.core.wire;

/**
 * The failure of an operation that a later issue delivers. Each one is listed in {@code docs/status.md}; the
 * message names the operation, its feature and the issue.
 */
public final class NotYet {
    private NotYet() {
    }

    /**
     * Builds the exception for an operation not delivered yet.
     *
     * @param operation the operation, such as {@code "Chats.rename (F-CHAT-04)"}
     * @param issue the issue that delivers it, such as {@code "the chats issue"}
     * @return the exception, to throw
     */
    public static UnsupportedOperationException available(String operation, String issue) {
        return new UnsupportedOperationException(operation + " is not implemented yet: it arrives with " + issue
                + "; see docs/status.md");
    }
}
