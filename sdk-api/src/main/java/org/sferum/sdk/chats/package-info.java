/** Chats: the «Чаты» tab, chat creation, information, members, settings and per-user chat actions. */
package org.sferum.sdk.chats;
