package org.sferum.sdk.core.events;

import org.sferum.sdk.core.wire.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.spi.SferumEventListener;

/**
 * One subscription's long poll loop, without a thread of its own: each poll is sent with
 * {@link VkApi#longPollAsync} (no thread waits for the answer), and its answer is processed, its events delivered
 * and the next poll sent by a task on the client's shared {@link VkApi#eventLoop() events executor}; a wait before
 * reconnecting is scheduled there too. One poll at a time per subscription, so its events arrive in order; many
 * subscriptions share the executor's few threads. The key and the server's answers are never logged; only outcome
 * codes are.
 */
final class LongPollSubscription implements Subscription {
    /** How long the server may hold a request, in seconds (VK recommends 25: proxies cut at 30). */
    static final int WAIT_SECONDS = 25;
    /** How much longer than {@link #WAIT_SECONDS} the client waits for an answer. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);
    /** [choice] The shortest wait before reconnecting after a failure, whatever the retry policy says. */
    static final Duration SHORTEST_RECONNECT = Duration.ofMillis(100);
    /** The long poll version asked for ({@code lp_version} and {@code version}). */
    static final int VERSION = 3;
    /** The {@code mode} sent: 2, attachments (unused by call events; VK's usual value). */
    static final int MODE = 2;

    private static final Log LOG = Log.get(LongPollSubscription.class);
    private static final AtomicInteger NUMBER = new AtomicInteger(1);

    private final VkApi api;
    private final TokenSource tokens;
    private final SferumEventListener listener;
    private final ChatEventDecoder.Lookup lookup;
    /** Held while an event is delivered and while closing, so that nothing is delivered once close returns. */
    private final Object delivering = new Object();
    private final String name;
    private volatile boolean stopped;
    private volatile Runnable forgetOnClientClose = () -> { };
    /** The poll under way or the wait before the next step; cancelled on close. */
    private volatile Future<?> pending;
    private ScheduledExecutorService loop;
    // Touched by one task at a time: each step starts the next (through a future or the executor).
    private String server;
    private String key;
    private long ts;
    private int failures;
    private boolean connected = true;

    LongPollSubscription(VkApi api, TokenSource tokens, SferumEventListener listener,
                         java.util.function.Supplier<org.sferum.sdk.users.UserId> self) {
        this.api = api;
        this.tokens = tokens;
        this.listener = listener;
        this.lookup = new Lookup(self);
        this.name = "events-" + NUMBER.getAndIncrement();
    }

    /** Asks for a server and key, and, unless keeping the current one, a {@code ts}. */
    void connect(boolean keepTs) {
        VkResult result = api.call(tokens, VkRequest.idempotent("messages.getLongPollServer")
                .param("lp_version", VERSION));
        JsonNode answer = result.response();
        String newServer = Json.text(answer, "server", "");
        String newKey = Json.text(answer, "key", "");
        long newTs = Json.longOr(answer, "ts", -1);
        if (newServer.isEmpty() || newKey.isEmpty() || newTs < 0) {
            throw result.malformed("a long poll server without server, key or ts");
        }
        server = newServer;
        key = newKey;
        if (!keepTs) {
            ts = newTs;
        }
    }

    /** Sends the first poll; the rest follow on the events executor. */
    void start() {
        loop = api.eventLoop();
        forgetOnClientClose = api.whenClosed(this::close);
        try {
            pending = loop.submit(this::poll);
        } catch (RejectedExecutionException closedClient) {
            stopped = true;
        }
    }

    /** Reconnects when needed and sends the next poll; its answer is read by {@link #answered} on the executor. */
    private void poll() {
        if (stopped) {
            return;
        }
        try {
            if (!connected) {
                connect(true);
                connected = true;
            }
            CompletableFuture<JsonNode> poll = api.longPollAsync(server, params(),
                    Duration.ofSeconds(WAIT_SECONDS).plus(ANSWER_MARGIN));
            pending = poll;
            if (stopped) {
                poll.cancel(true);
                return;
            }
            poll.whenCompleteAsync(this::answered, loop);
        } catch (SferumException e) {
            lost(e);
        } catch (IllegalStateException | RejectedExecutionException closedClient) {
            stopped = true;
        }
    }

    private void answered(JsonNode answer, Throwable thrown) {
        if (stopped) {
            return;
        }
        try {
            if (thrown != null) {
                Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null
                        ? thrown.getCause() : thrown;
                if (cause instanceof SferumException e) {
                    lost(e);
                } else {
                    stopped = true; // the client was closed, or the poll cancelled
                }
                return;
            }
            if (answer.has("failed")) {
                int failed = answer.path("failed").asInt(0);
                LOG.debug("long poll failed {}: reconnecting", failed);
                api.metrics().longPollReconnected(Optional.empty());
                switch (failed) {
                    case 1 -> {
                        if (answer.path("ts").canConvertToLong()) {
                            ts = answer.path("ts").asLong();
                        } else {
                            connect(false);
                        }
                    }
                    case 2 -> connect(true);
                    case 3 -> connect(false);
                    default -> {
                        connected = false;
                        pauseThenPoll();
                        return;
                    }
                }
                failures = 0;
                poll();
                return;
            }
            long next = Json.longOr(answer, "ts", -1);
            JsonNode updates = answer.path("updates");
            if (next < 0 || !updates.isArray()) {
                LOG.debug("long poll answered without ts or updates: reconnecting");
                api.metrics().longPollReconnected(Optional.of(ErrorCode.MALFORMED_RESPONSE));
                connected = false;
                pauseThenPoll();
                return;
            }
            failures = 0;
            ts = next;
            for (JsonNode update : updates) {
                Optional<SferumEvent> event = CallEventDecoder.decode(update);
                if (event.isEmpty()) {
                    event = ChatEventDecoder.decode(update, lookup);
                }
                if (event.isPresent()) {
                    deliver(event.get());
                }
            }
            poll();
        } catch (SferumException e) {
            lost(e);
        } catch (IllegalStateException closedClient) {
            stopped = true;
        }
    }

    /** A poll or a reconnection failed: reconnect after the backoff. */
    private void lost(SferumException e) {
        if (stopped) {
            return;
        }
        if (failures == 0) {
            LOG.warn("the events' long poll lost its connection ({}); reconnecting with backoff", e.code());
        } else {
            LOG.debug("long poll reconnection failed ({})", e.code());
        }
        api.metrics().longPollReconnected(Optional.of(e.code()));
        connected = false;
        pauseThenPoll();
    }

    /** Waits the retry policy's backoff for the failures in a row so far (on the executor), then polls. */
    private void pauseThenPoll() {
        failures++;
        if (stopped) {
            return;
        }
        RetryPolicy policy = api.retryPolicy();
        Duration wait = policy.backoff(Math.min(failures, 30), ThreadLocalRandom.current().nextDouble());
        if (wait.compareTo(SHORTEST_RECONNECT) < 0) {
            wait = SHORTEST_RECONNECT;
        }
        try {
            pending = api.sleeper().after(wait, loop, this::poll);
        } catch (RejectedExecutionException closedClient) {
            stopped = true;
        }
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("act", "a_check");
        params.put("key", key);
        params.put("ts", Long.toString(ts));
        params.put("wait", Integer.toString(WAIT_SECONDS));
        params.put("mode", Integer.toString(MODE));
        params.put("version", Integer.toString(VERSION));
        return params;
    }

    private void deliver(SferumEvent event) {
        synchronized (delivering) {
            if (stopped) {
                return;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener ({}) threw {}; the next events are still delivered",
                        listener.getClass().getName(), e.getClass().getName());
            }
        }
    }

    /**
     * Stops the deliveries: none starts after this returns; a long poll under way is cancelled (its request
     * aborted), a wait before reconnecting dropped. Idempotent.
     */
    @Override
    public void close() {
        synchronized (delivering) {
            stopped = true;
        }
        Future<?> under = pending;
        if (under != null) {
            under.cancel(true);
        }
        forgetOnClientClose.run();
    }

    /**
     * Reads what a chat update does not carry: the message with {@code messages.getById} (a read, so retried on
     * transient errors), the user once. A failure skips that one event (logged with its code only): the
     * subscription goes on.
     */
    private final class Lookup implements ChatEventDecoder.Lookup {
        private final java.util.function.Supplier<org.sferum.sdk.users.UserId> self;

        Lookup(java.util.function.Supplier<org.sferum.sdk.users.UserId> self) {
            this.self = self;
        }

        @Override
        public Optional<org.sferum.sdk.messages.Message> message(org.sferum.sdk.messages.MessageId id) {
            try {
                VkResult read = api.call(tokens, VkRequest.idempotent("messages.getById")
                        .param("message_ids", id.value()));
                JsonNode items = read.response().path("items");
                for (JsonNode item : items) {
                    if (Json.longOr(item, "id", 0) == id.value()) {
                        return org.sferum.sdk.core.messages.MessageDecoder.decode(item, read);
                    }
                }
                return Optional.empty();
            } catch (SferumException e) {
                LOG.debug("a message of a chat event could not be read ({}); the event is skipped", e.code());
                return Optional.empty();
            }
        }

        @Override
        public Optional<org.sferum.sdk.users.UserId> self() {
            try {
                return Optional.of(self.get());
            } catch (SferumException e) {
                LOG.debug("the user of a read event could not be read ({}); the event is skipped", e.code());
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "LongPollSubscription[" + name + (stopped ? ", closed]" : "]");
    }
}
