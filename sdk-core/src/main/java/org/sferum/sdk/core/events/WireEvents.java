package org.sferum.sdk.core.events;

import java.util.Objects;
import java.util.function.Supplier;
import org.sferum.sdk.core.users.WireUsers;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * {@link Events} over VK's user long poll ({@code docs/wire/events.md}). Each subscription asks
 * {@code messages.getLongPollServer} before {@link #subscribe} returns (so every event from then on is delivered,
 * and a refused token is thrown at once), then long-polls without a thread of its own (the poll is sent with the
 * transport's {@code executeAsync}; answers are processed on the client's shared events executor, a handful of
 * threads for any number of subscriptions), delivering the events in the order the server numbered them: call events (update 900) and chat events (VK's updates 2, 4, 5, 6, 7 and
 * 52, {@link ChatEventDecoder}). It reconnects by itself: on {@code failed} (1: the new {@code ts}; 2: a new
 * key, keeping {@code ts}; 3: a new key and {@code ts}) and, after the client's retry backoff, on transport errors.
 * It stops when the subscription or the client is closed.
 */
public final class WireEvents implements Events {
    private final VkApi api;
    private final TokenSource tokens;
    private final Supplier<UserId> self;

    /**
     * Creates the events of one session; the session's user is read with {@code users.get} when a read receipt
     * of their own first needs it.
     *
     * @param api the caller
     * @param tokens where the session's token comes from
     */
    public WireEvents(VkApi api, TokenSource tokens) {
        this(api, tokens, new WireUsers(api, tokens)::me);
    }

    /**
     * Creates the events of one session.
     *
     * @param api the caller
     * @param tokens where the session's token comes from
     * @param me the session's user (kept by its reader), for the read receipts of their own
     */
    public WireEvents(VkApi api, TokenSource tokens, Supplier<Person> me) {
        this.api = Objects.requireNonNull(api, "api");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(me, "me");
        this.self = () -> me.get().id();
    }

    /**
     * Subscribes a listener, which is called on a thread of the client's shared events executor, one event at a
     * time, in order. Return quickly: a slow listener delays its subscription's next events and holds one of the
     * few threads every subscription of the client shares.
     *
     * @param listener the listener
     * @return the subscription; closing it waits for a delivery under way and stops the rest
     * @throws org.sferum.sdk.error.SferumException when {@code messages.getLongPollServer} is refused
     * @throws IllegalStateException if the client is closed
     */
    @Override
    public Subscription subscribe(SferumEventListener listener) {
        Checks.notNull(listener, "listener");
        LongPollSubscription subscription = new LongPollSubscription(api, tokens, listener, self);
        subscription.connect(false);
        subscription.start();
        return subscription;
    }

    @Override
    public String toString() {
        return "WireEvents[token redacted]";
    }
}
