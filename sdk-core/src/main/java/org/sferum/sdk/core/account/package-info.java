/**
 * The user's account over the VK API: contacts ({@code friends.get}) and notification settings
 * ({@code account.getPushSettings}, {@code account.setPushSettings}), as {@code docs/wire/chats-direct.md} says;
 * not exported.
 */
package org.sferum.sdk.core.account;
