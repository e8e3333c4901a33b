package org.sferum.sdk.account;

/** What feedback is about. */
public enum FeedbackTopic {
    /** Something does not work («Сообщить о проблеме»). */
    PROBLEM,
    /** An idea or a wish («Предложить идею»). */
    IDEA,
    /** A question to support. */
    QUESTION
}
