package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.users.UserId;

/**
 * A call or videoconference as one user sees it (F-SECT-02).
 *
 * @param id the call id
 * @param kind how it came to be: in a chat, by link, or for a lesson
 * @param title the title
 * @param organiser who started or created it: the call's administrator (F-CALL-03)
 * @param state its state on the platform's clock
 * @param startsAt when it starts (a lesson call created for later starts at the lesson's time)
 * @param endedAt when it was ended for everyone
 * @param video whether it is a video call ({@code false}: audio only)
 * @param chat the chat it belongs to: the chat it was started in, or the lesson's class chat; empty for a call by
 *     link
 * @param callChat the call's own chat (F-CALL-11), created when the call starts; its recordings land there
 * @param lessonKey the journal's key of the lesson, for a lesson call
 * @param settings who gets in by the link (F-CALL-07)
 * @param links the ways in: present only while the call runs (F-SECT-02)
 * @param broadcast the running broadcast of a lesson call (F-CALL-06)
 */
public record Call(CallId id, CallKind kind, String title, UserId organiser, CallState state, Instant startsAt,
                   Optional<Instant> endedAt, boolean video, Optional<ChatId> chat, Optional<ChatId> callChat,
                   Optional<String> lessonKey, CallSettings settings, Optional<CallLinks> links,
                   Optional<Broadcast> broadcast) {
    /**
     * Validates the fields.
     *
     * @param id the call id
     * @param kind how it came to be
     * @param title the title
     * @param organiser who started or created it
     * @param state its state
     * @param startsAt when it starts
     * @param endedAt when it was ended for everyone
     * @param video whether it is a video call
     * @param chat the chat it belongs to
     * @param callChat the call's own chat
     * @param lessonKey the journal's key of the lesson
     * @param settings who gets in by the link
     * @param links the ways in, only while running
     * @param broadcast the running broadcast
     */
    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organiser, "organiser");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(callChat, "callChat");
        Objects.requireNonNull(lessonKey, "lessonKey");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(broadcast, "broadcast");
    }

    /**
     * Returns the browser join link while the call runs: the «Перейти» / «Подключиться» button's target.
     *
     * @return the browser join link, or empty when the call is not running
     */
    public Optional<String> joinLink() {
        return links.map(CallLinks::browser);
    }
}
