package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot's events over {@code GET /updates} long polling ({@code EVENTS}): {@code subscribe} first asks with
 * {@code timeout=0} to learn the current {@code marker} (updates from before the subscription are passed over,
 * as on the VK backend), then a daemon thread polls with the marker, which commits what was delivered. Decoded:
 * {@code message_created}, {@code message_removed}, {@code user_added}/{@code bot_added},
 * {@code user_removed}/{@code bot_removed}; other update types have no {@link SferumEvent} and are skipped.
 */
final class MaxEvents implements Events {
    /** How long one poll waits on the server, in seconds (the Bot API allows up to 90). */
    static final int POLL_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(MaxEvents.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger(1);

    private final MaxApi api;
    private final AccessToken token;
    private final MaxDecoder decoder;
    private final Supplier<UserId> self;

    MaxEvents(MaxApi api, AccessToken token, MaxDecoder decoder, Supplier<UserId> self) {
        this.api = api;
        this.token = token;
        this.decoder = decoder;
        this.self = self;
    }

    @Override
    public Subscription subscribe(SferumEventListener listener) {
        Checks.notNull(listener, "listener");
        UserId bot = self.get();
        Map<String, String> query = MaxApi.query();
        query.put("timeout", "0");
        query.put("limit", "1000");
        JsonNode first = api.call(token, "GET", "/updates", query, null, Duration.ZERO);
        Poller poller = new Poller(listener, bot, first.path("marker").canConvertToLong()
                ? first.path("marker").asLong() : null);
        poller.thread.start();
        return poller;
    }

    private final class Poller implements Subscription, Runnable {
        private final SferumEventListener listener;
        private final UserId bot;
        private final Thread thread;
        private volatile boolean stopped;
        private Long marker;

        Poller(SferumEventListener listener, UserId bot, Long marker) {
            this.listener = listener;
            this.bot = bot;
            this.marker = marker;
            this.thread = new Thread(this, "sferum-max-updates-" + THREAD_NUMBER.getAndIncrement());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            int failures = 0;
            while (!stopped) {
                try {
                    Map<String, String> query = MaxApi.query();
                    query.put("timeout", Integer.toString(POLL_SECONDS));
                    if (marker != null) {
                        query.put("marker", Long.toString(marker));
                    }
                    JsonNode answer = api.call(token, "GET", "/updates", query, null,
                            Duration.ofSeconds(POLL_SECONDS));
                    failures = 0;
                    for (JsonNode update : answer.path("updates")) {
                        deliver(update);
                    }
                    if (answer.path("marker").canConvertToLong()) {
                        marker = answer.path("marker").asLong();
                    }
                } catch (SferumException e) {
                    if (stopped) {
                        break;
                    }
                    failures++;
                    LOG.debug("MAX updates failed ({}); retrying", e.code());
                    try {
                        Thread.sleep(Math.min(30_000L, 500L << Math.min(failures, 6)));
                    } catch (InterruptedException interrupted) {
                        break;
                    }
                }
            }
        }

        private void deliver(JsonNode update) {
            Optional<SferumEvent> event;
            try {
                event = decoder.event(update, bot);
            } catch (SferumException e) {
                LOG.debug("skipped an update the SDK cannot read ({})", e.code());
                return;
            }
            if (event.isPresent() && !stopped) {
                try {
                    listener.onEvent(event.get());
                } catch (RuntimeException e) {
                    LOG.warn("an event listener failed", e);
                }
            }
        }

        @Override
        public void close() {
            stopped = true;
            thread.interrupt();
        }

        @Override
        public String toString() {
            return "MaxUpdates[" + thread.getName() + (stopped ? ", closed" : "") + "]";
        }
    }
}
