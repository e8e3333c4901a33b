/**
 * Roster sync over the wire (F-EMB-01, F-CHAT-01): {@link org.sferum.sdk.core.roster.WireRoster} reads the
 * platform's automatic chats and links, plans with sdk-roster's planner and applies the plan as the schools'
 * service accounts ({@code docs/wire/roster.md}).
 */
package org.sferum.sdk.core.roster;
