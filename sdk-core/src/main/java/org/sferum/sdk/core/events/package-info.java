/**
 * Real-time events over VK's user long poll ({@code messages.getLongPollServer}, then {@code a_check}), as
 * {@code docs/wire/events.md} says: chat events as VK's own updates, call events as update 900 (F-EMB-02); not
 * exported.
 */
package org.sferum.sdk.core.events;
