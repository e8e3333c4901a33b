package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.users.UserId;

/**
 * A lesson call as the engine keeps it (F-CALL-02): the lesson key it was created for, the class chat whose members
 * take part, its organiser and start, the join link and short credentials it has while running, and when it ended.
 * Guarded by the engine's lock.
 */
public final class LessonCall {
    private final CallId id;
    private final String lessonKey;
    private final String title;
    private final UserId organiser;
    private final long chatPeerId;
    private final Instant startsAt;
    private final String joinLink;
    private final String shortId;
    private final String password;
    /** When the organiser ended it; {@code null} while not ended. */
    Instant endedAt;

    LessonCall(CallId id, String lessonKey, String title, UserId organiser, long chatPeerId, Instant startsAt,
               String joinLink, String shortId, String password) {
        this.id = Objects.requireNonNull(id);
        this.lessonKey = Objects.requireNonNull(lessonKey);
        this.title = Objects.requireNonNull(title);
        this.organiser = Objects.requireNonNull(organiser);
        this.chatPeerId = chatPeerId;
        this.startsAt = Objects.requireNonNull(startsAt);
        this.joinLink = Objects.requireNonNull(joinLink);
        this.shortId = Objects.requireNonNull(shortId);
        this.password = Objects.requireNonNull(password);
    }

    /**
     * Returns the call id.
     *
     * @return the call id
     */
    public CallId id() {
        return id;
    }

    /**
     * Returns the journal's key of the lesson.
     *
     * @return the journal's key of the lesson
     */
    public String lessonKey() {
        return lessonKey;
    }

    /**
     * Returns the title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * Returns the organiser.
     *
     * @return the organiser
     */
    public UserId organiser() {
        return organiser;
    }

    /**
     * Returns the class chat's peer id.
     *
     * @return the class chat's peer id
     */
    public long chatPeerId() {
        return chatPeerId;
    }

    /**
     * Returns when it starts.
     *
     * @return when it starts
     */
    public Instant startsAt() {
        return startsAt;
    }

    /**
     * Returns the browser join link, to be shown only while the call runs.
     *
     * @return the browser join link, to be shown only while the call runs
     */
    public String joinLink() {
        return joinLink;
    }

    /**
     * Returns the short numeric id for joining without the link.
     *
     * @return the short numeric id for joining without the link
     */
    public String shortId() {
        return shortId;
    }

    /**
     * Returns the password that goes with {@link #shortId()}.
     *
     * @return the password that goes with {@link #shortId()}
     */
    public String password() {
        return password;
    }
}
