package org.sferum.sdk.testkit.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.users.UserId;

/**
 * Who is online, as VK's {@code online} field of a user means it: the user made a call to the platform within
 * {@link #ONLINE_WINDOW} [choice: VK shows a user online for about five minutes after their last activity]. The faces
 * report activity ({@link #seen}); reading it is {@link #online}. Thread-safe without the engine's lock.
 */
public final class Presence {
    /** How long after their last call a user counts as online. */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<UserId, Instant> lastSeen = new ConcurrentHashMap<>();

    Presence(Clock clock) {
        this.clock = clock;
    }

    /**
     * Notes that a user is active now (an authenticated call).
     *
     * @param user the user
     */
    public void seen(UserId user) {
        lastSeen.put(Objects.requireNonNull(user, "user"), clock.instant());
    }

    /**
     * Tells whether a user is online: active within {@link #ONLINE_WINDOW}.
     *
     * @param user the user
     * @return whether they are online
     */
    public boolean online(UserId user) {
        Instant seen = lastSeen.get(Objects.requireNonNull(user, "user"));
        return seen != null && clock.instant().isBefore(seen.plus(ONLINE_WINDOW));
    }
}
