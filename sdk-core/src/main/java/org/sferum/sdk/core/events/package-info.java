/**
 * Real-time events over VK's user long poll ({@code messages.getLongPollServer}, then {@code a_check}), as
 * {@code docs/wire/events.md} says: call events now, chat events later (F-EMB-02); not exported.
 */
package org.sferum.sdk.core.events;
