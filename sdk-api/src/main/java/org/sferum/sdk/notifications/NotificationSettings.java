package org.sferum.sdk.notifications;

/**
 * The user's notification settings for group chats and private chats (F-ACC-02).
 *
 * @param groupChats whether group chats notify
 * @param privateChats whether one-to-one chats notify
 * @param sound whether notifications play a sound
 */
public record NotificationSettings(boolean groupChats, boolean privateChats, boolean sound) {
}
