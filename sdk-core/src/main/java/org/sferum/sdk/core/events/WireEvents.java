package org.sferum.sdk.core.events;

import java.util.Objects;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.spi.SferumEventListener;

/**
 * {@link Events} over VK's user long poll ({@code docs/wire/events.md}). Each subscription asks
 * {@code messages.getLongPollServer} before {@link #subscribe} returns (so every event from then on is delivered,
 * and a refused token is thrown at once), then long-polls on its own daemon thread, delivering the call events in
 * the order the server numbered them. It reconnects by itself: on {@code failed} (1: the new {@code ts}; 2: a new
 * key, keeping {@code ts}; 3: a new key and {@code ts}) and, after the client's retry backoff, on transport errors.
 * It stops when the subscription or the client is closed. Chat events are not carried yet (F-EMB-02).
 */
public final class WireEvents implements Events {
    private final VkApi api;
    private final TokenSource tokens;

    /**
     * Creates the events of one session.
     *
     * @param api the caller
     * @param tokens where the session's token comes from
     */
    public WireEvents(VkApi api, TokenSource tokens) {
        this.api = Objects.requireNonNull(api, "api");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Subscribes a listener, which is called on the subscription's own thread, one event at a time, in order.
     *
     * @param listener the listener
     * @return the subscription; closing it waits for a delivery under way and stops the rest
     * @throws org.sferum.sdk.error.SferumException when {@code messages.getLongPollServer} is refused
     * @throws IllegalStateException if the client is closed
     */
    @Override
    public Subscription subscribe(SferumEventListener listener) {
        Checks.notNull(listener, "listener");
        LongPollSubscription subscription = new LongPollSubscription(api, tokens, listener);
        subscription.connect(false);
        subscription.start();
        return subscription;
    }

    @Override
    public String toString() {
        return "WireEvents[token redacted]";
    }
}
