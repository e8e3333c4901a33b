package org.sferum.sdk.account;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * Feedback to send to support.
 *
 * @param topic what it is about
 * @param text what the user wrote: not blank, at most {@link #MAX_LENGTH} characters, trimmed
 */
public record Feedback(FeedbackTopic topic, String text) {
    /** The longest text accepted. */
    public static final int MAX_LENGTH = 4000;

    /**
     * Validates and trims the text.
     *
     * @param topic the topic
     * @param text the text
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} for a blank or too long text
     */
    public Feedback {
        Checks.notNull(topic, "feedback topic");
        Checks.notNull(text, "feedback text");
        text = text.strip();
        Checks.require(!text.isEmpty(), ErrorCode.INVALID_ARGUMENT, "feedback text must not be blank; say what"
                + " happened or what you would like");
        Checks.require(text.codePointCount(0, text.length()) <= MAX_LENGTH, ErrorCode.INVALID_ARGUMENT,
                "feedback text must be at most " + MAX_LENGTH + " characters; shorten it");
    }

    /**
     * A problem report.
     *
     * @param text what does not work
     * @return the feedback
     */
    public static Feedback problem(String text) {
        return new Feedback(FeedbackTopic.PROBLEM, text);
    }
}
