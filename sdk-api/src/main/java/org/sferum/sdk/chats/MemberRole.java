package org.sferum.sdk.chats;

/** A member's role in a chat. */
public enum MemberRole {
    /** The creator of the chat. */
    OWNER,
    /** An administrator appointed by the owner or allowed admins. */
    ADMIN,
    /** An ordinary member. */
    MEMBER
}
