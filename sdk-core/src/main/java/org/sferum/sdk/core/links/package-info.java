/**
 * Linking school accounts to VK ID educational profiles (not exported): the client side of
 * {@code docs/wire/vk-id.md}. OAuth 2.1 authorization code with PKCE (S256), state and nonce; the ID token checked
 * with Nimbus JOSE+JWT or through {@code /oauth2/public_info}; tokens refreshed single-flight per account; unlinking
 * that leaves the chats and revokes the tokens. Nothing secret is logged or put into an exception message.
 */
package org.sferum.sdk.core.links;
