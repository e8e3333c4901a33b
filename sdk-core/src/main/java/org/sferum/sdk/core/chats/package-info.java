/** Chats over the VK API: create and list; not exported. */
package org.sferum.sdk.core.chats;
