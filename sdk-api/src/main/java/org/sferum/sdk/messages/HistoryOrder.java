package org.sferum.sdk.messages;

/** The direction in which history is paged (F-MSG-11). */
public enum HistoryOrder {
    /** Newest message first, paging back in time (how a chat window loads). */
    NEWEST_FIRST,
    /** Oldest message first, paging forward in time (how an export or a sync reads). */
    OLDEST_FIRST
}
