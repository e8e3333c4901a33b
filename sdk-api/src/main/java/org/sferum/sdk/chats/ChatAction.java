package org.sferum.sdk.chats;

/** An action whose permission level the chat settings decide (F-CHAT-03). */
public enum ChatAction {
    /** Invite members. */
    INVITE,
    /** Change the title and avatar. */
    CHANGE_INFO,
    /** Pin and unpin messages. */
    CHANGE_PIN,
    /** Mention everyone at once. */
    USE_MASS_MENTIONS,
    /** See the invite link. */
    SEE_INVITE_LINK,
    /** Start a call in the chat. */
    CALL,
    /** Appoint and dismiss administrators; only {@link PermissionLevel#OWNER} or
     * {@link PermissionLevel#OWNER_AND_ADMINS}. */
    CHANGE_ADMINS
}
