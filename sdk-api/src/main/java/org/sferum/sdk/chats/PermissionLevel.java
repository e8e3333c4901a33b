package org.sferum.sdk.chats;

/** Who may perform a chat action, as the VK API's {@code messages_chat_settings_permissions} levels. */
public enum PermissionLevel {
    /** Only the chat's owner (the manual's «Только создатель»). */
    OWNER,
    /** The owner and the chat's administrators. */
    OWNER_AND_ADMINS,
    /** Every member. */
    ALL
}
