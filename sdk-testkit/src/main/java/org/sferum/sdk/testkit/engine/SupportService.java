package org.sferum.sdk.testkit.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.account.Feedback;
import org.sferum.sdk.account.FeedbackTicket;
import org.sferum.sdk.account.SupportContacts;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.users.UserId;

/**
 * Help and feedback (F-ACC-03), reached as {@link PlatformEngine#support()}. The rules: the support contacts are the
 * platform's own (the same for everyone); feedback comes from a known user, as a {@link Feedback} (not blank, at
 * most 4000 characters); each user sends at most {@value #PER_HOUR} in an hour ({@code RATE_LIMITED} after, with
 * the time to wait); each gets a ticket numbered in order.
 */
public final class SupportService {
    /** Feedback one user may send in an hour. */
    public static final int PER_HOUR = 5;
    /**
     * [choice] The contacts the fake and the emulator give: Sferum publishes its help centre and support address
     * on its site; these are the SDK's stand-ins, not a promise about the real ones.
     */
    public static final SupportContacts DEFAULT_CONTACTS = new SupportContacts(
            URI.create("https://sferum.ru/?p=help"), "support@sferum.ru", "8 800 000-00-00");

    private final PlatformState state;
    private final List<Received> received = new ArrayList<>();
    private final Map<UserId, Deque<Instant>> recent = new HashMap<>();

    /**
     * Feedback as support received it.
     *
     * @param ticket the ticket
     * @param from who sent it
     * @param feedback what they sent
     */
    public record Received(FeedbackTicket ticket, UserId from, Feedback feedback) {
    }

    SupportService(PlatformState state) {
        this.state = state;
    }

    /**
     * Returns the support contacts.
     *
     * @param actor who asks (any known user)
     * @return the contacts
     */
    public SupportContacts contacts(UserId actor) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return DEFAULT_CONTACTS;
        }
    }

    /**
     * Receives feedback from a user.
     *
     * @param actor who sends it
     * @param feedback what they send
     * @return the ticket
     * @throws RateLimitException with {@code RATE_LIMITED} when the user sent {@value #PER_HOUR} in the last hour
     */
    public FeedbackTicket submit(UserId actor, Feedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        try (Held held = state.exclusive()) {
            state.account(actor);
            Instant now = state.now();
            Deque<Instant> times = recent.computeIfAbsent(actor, a -> new ArrayDeque<>());
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
                times.removeFirst();
            }
            if (times.size() >= PER_HOUR) {
                Duration wait = Duration.between(now, times.peekFirst().plus(Duration.ofHours(1)));
                throw new RateLimitException("at most " + PER_HOUR + " feedback messages an hour; try again in "
                        + Math.max(1, wait.toMinutes()) + " minutes", wait, null, null, null);
            }
            times.addLast(now);
            FeedbackTicket ticket = new FeedbackTicket(String.format("SF-%06d", received.size() + 1), now);
            received.add(new Received(ticket, actor, feedback));
            return ticket;
        }
    }

    /**
     * Returns the feedback support received, in order: what support sees, for tests.
     *
     * @return a copy
     */
    public List<Received> received() {
        try (Held held = state.exclusive()) {
            return List.copyOf(received);
        }
    }
}
