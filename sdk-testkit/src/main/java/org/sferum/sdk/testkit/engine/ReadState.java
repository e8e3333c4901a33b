package org.sferum.sdk.testkit.engine;

/**
 * A member's read positions in a chat, as message ids (0 for none).
 *
 * @param inRead the latest message the member has read
 * @param outRead the latest message any other member has read ([choice] how VK computes this for group chats is
 *     not published)
 */
public record ReadState(long inRead, long outRead) {
}
