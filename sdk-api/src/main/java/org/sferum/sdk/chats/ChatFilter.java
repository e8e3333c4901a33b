package org.sferum.sdk.chats;

/** Which chats the chat list shows. */
public enum ChatFilter {
    /** Every chat the user is a member of, except archived ones. */
    ALL,
    /** Chats with unread messages or marked unread. */
    UNREAD,
    /** Archived chats only. */
    ARCHIVED
}
