package org.sferum.sdk.messages;

/** Why a message is reported («пожаловаться», F-MSG-05). */
public enum ReportReason {
    /** Spam. */
    SPAM,
    /** Insults or harassment. */
    INSULT,
    /** Content that must not be shown to children. */
    ADULT_CONTENT,
    /** Anything else. */
    OTHER
}
