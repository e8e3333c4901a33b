package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VK's user long poll, as {@code docs/wire/events.md} says: {@code messages.getLongPollServer} hands out a
 * {@code server}, a {@code key} and a {@code ts}; {@code {server}?act=a_check&key=&ts=&wait=} answers the user's
 * updates from {@code ts} on, holding the request up to {@code wait} seconds while there are none.
 *
 * <p>Each user has one queue of updates, fed by {@link PlatformEngine#subscribe} from the first
 * {@code getLongPollServer} of that user on, and numbered 1, 2, 3…; {@code ts} is the number of the next update.
 * A held request does not keep one of the emulator's threads: the handler parks the exchange and returns, and the
 * exchange is answered from this class's own timer thread when an update arrives, when {@code wait} runs out, or
 * when the emulator stops. Keys and updates are never logged.
 */
final class LongPollServer implements EmulatorHandler {
    /** The path of the long poll server on the emulator's host. */
    static final String PATH = "/lp/im";
    /** The hold of a request without {@code wait}, in seconds. */
    static final int DEFAULT_WAIT = 25;
    /** [choice] The longest hold, in seconds (VK documents 90). */
    static final int MAX_WAIT = 90;
    /** [choice] How long a key stays valid after {@code getLongPollServer}, on the emulator's clock. */
    static final Duration KEY_LIFETIME = Duration.ofHours(1);
    /** [choice] How many of a user's latest updates are kept for a {@code ts} that lags behind. */
    static final int KEPT_UPDATES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(LongPollServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformEngine engine;
    private final Clock clock;
    private final String server;
    private final ScheduledExecutorService timer;
    /** Held while a user's queue is created and subscribed; never held by the engine's sink. */
    private final Object subscribing = new Object();
    /** Guards the queues, the keys and the waiting requests; the engine's sink takes it under the engine's lock. */
    private final Object lock = new Object();
    private final Map<UserId, UserQueue> queues = new HashMap<>();
    private final Map<String, IssuedKey> keys = new HashMap<>();
    private final List<Runnable> unsubscribes = new ArrayList<>();
    private boolean closed;

    /**
     * Creates the server.
     *
     * @param engine whose events it serves
     * @param clock the emulator's clock, for key expiry
     * @param baseUri where the emulator listens; {@code server} is its host and port with {@link #PATH}
     */
    LongPollServer(PlatformEngine engine, Clock clock, URI baseUri) {
        this.engine = engine;
        this.clock = clock;
        this.server = baseUri.getAuthority() + PATH;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sferum-emulator-long-poll");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Adds {@code messages.getLongPollServer} to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.getLongPollServer", this::getLongPollServer);
    }

    /**
     * {@code messages.getLongPollServer(need_pts, lp_version, group_id)}: {@code {server, key, ts}} as the schema's
     * {@code messages_longpoll_params}; {@code need_pts} and {@code lp_version} are accepted and not used.
     */
    private JsonNode getLongPollServer(UserId caller, VkParams params) {
        if (params.string("group_id").isPresent()) {
            throw VkParams.invalid("group_id", "community messages are not served");
        }
        UserQueue queue = queueOf(caller);
        String key = HexFormat.of().formatHex(randomBytes());
        long ts;
        synchronized (lock) {
            keys.put(key, new IssuedKey(caller, clock.instant().plus(KEY_LIFETIME)));
            ts = queue.next();
        }
        ObjectNode out = JsonNodes.object();
        out.put("server", server);
        out.put("key", key);
        out.put("ts", ts);
        return out;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private UserQueue queueOf(UserId user) {
        synchronized (subscribing) {
            synchronized (lock) {
                UserQueue queue = queues.get(user);
                if (queue != null) {
                    return queue;
                }
            }
            UserQueue queue = new UserQueue();
            synchronized (lock) {
                queues.put(user, queue);
            }
            Runnable unsubscribe = engine.subscribe(user, event -> offer(queue, user, event));
            synchronized (lock) {
                unsubscribes.add(unsubscribe);
            }
            return queue;
        }
    }

    /**
     * The engine's sink: runs under the engine's lock, so it only encodes (a message's random id is read from the
     * engine, whose lock this thread holds), queues and hands the answers to the timer.
     */
    private void offer(UserQueue queue, UserId user, SferumEvent event) {
        Optional<ArrayNode> update = event instanceof SferumEvent.MessageSent sent
                ? ChatEventJson.update(event, user, engine.messages().randomIdSeenBy(user, sent.message().id()))
                : event instanceof SferumEvent.ChatEvent ? ChatEventJson.update(event, user, 0)
                : CallEventJson.update(event);
        if (update.isEmpty()) {
            return;
        }
        List<Waiting> woken;
        synchronized (lock) {
            queue.add(update.get());
            woken = new ArrayList<>(queue.waiting);
            queue.waiting.clear();
        }
        for (Waiting waiting : woken) {
            answerLater(waiting);
        }
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        Map<String, String> params;
        try {
            params = params(exchange);
        } catch (VkFailure e) {
            HttpJson.send(exchange, 400, HttpJson.controlError("invalid_request", e.getMessage()));
            return;
        }
        if (!"a_check".equals(params.get("act"))) {
            HttpJson.send(exchange, 400, HttpJson.controlError("invalid_request", "act must be a_check"));
            return;
        }
        int wait = Math.max(0, Math.min(MAX_WAIT, number(params.get("wait"), DEFAULT_WAIT)));
        int mode = number(params.get("mode"), 0);
        long ts = number(params.get("ts"), -1);
        Waiting waiting;
        synchronized (lock) {
            IssuedKey key = keys.get(params.getOrDefault("key", ""));
            if (key != null && !clock.instant().isBefore(key.expiresAt())) {
                keys.remove(params.get("key"));
                key = null;
            }
            if (key == null || closed) {
                waiting = null;
            } else {
                UserQueue queue = queues.get(key.user());
                if (ts < queue.first || ts > queue.next()) {
                    ObjectNode failed = JsonNodes.object();
                    failed.put("failed", 1);
                    failed.put("ts", ts < queue.first ? queue.first : queue.next());
                    waiting = new Waiting(exchange, queue, queue.next(), mode, failed);
                } else if (ts < queue.next() || wait == 0) {
                    waiting = new Waiting(exchange, queue, ts, mode, null);
                } else {
                    Waiting held = new Waiting(exchange, queue, ts, mode, null);
                    queue.waiting.add(held);
                    try {
                        held.timeout = timer.schedule(() -> answer(held), wait, TimeUnit.SECONDS);
                        return;
                    } catch (RejectedExecutionException stopped) {
                        queue.waiting.remove(held);
                        waiting = held;
                    }
                }
            }
        }
        if (waiting == null) {
            ObjectNode failed = JsonNodes.object();
            failed.put("failed", 2);
            HttpJson.send(exchange, 200, failed);
            return;
        }
        answer(waiting);
    }

    private void answerLater(Waiting waiting) {
        try {
            timer.execute(() -> answer(waiting));
        } catch (RejectedExecutionException stopped) {
            answer(waiting);
        }
    }

    /** Answers a request once: the updates from its {@code ts} on, or its failure. Never under a lock. */
    private void answer(Waiting waiting) {
        JsonNode body;
        synchronized (lock) {
            if (waiting.answered) {
                return;
            }
            waiting.answered = true;
            waiting.waitingIn.waiting.remove(waiting);
            if (waiting.timeout != null) {
                waiting.timeout.cancel(false);
            }
            body = waiting.failure != null ? waiting.failure : waiting.waitingIn.from(waiting.ts, waiting.mode);
        }
        try {
            HttpJson.send(waiting.exchange, 200, body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("a long poll client went away before its answer ({})", e.getClass().getSimpleName());
            waiting.exchange.close();
        }
    }

    private static Map<String, String> params(EmulatorExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        UrlForm.decodeInto(exchange.getRequestURI().getRawQuery(), params);
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            byte[] body = exchange.getRequestBody().readNBytes(VkCallReader.MAX_BODY_BYTES);
            UrlForm.decodeInto(new String(body, java.nio.charset.StandardCharsets.UTF_8), params);
        }
        return params;
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : AsciiNumbers.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long number(String text, long fallback) {
        try {
            return text == null ? fallback : AsciiNumbers.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** How many requests are held now, for tests. */
    int held() {
        synchronized (lock) {
            return queues.values().stream().mapToInt(queue -> queue.waiting.size()).sum();
        }
    }

    /** Answers every held request (with what it has, usually nothing), stops the timer and the subscriptions. */
    void close() {
        List<Waiting> held = new ArrayList<>();
        List<Runnable> subscriptions;
        synchronized (lock) {
            closed = true;
            for (UserQueue queue : queues.values()) {
                held.addAll(queue.waiting);
            }
            subscriptions = List.copyOf(unsubscribes);
            unsubscribes.clear();
        }
        for (Runnable unsubscribe : subscriptions) {
            unsubscribe.run();
        }
        for (Waiting waiting : held) {
            answer(waiting);
        }
        timer.shutdownNow();
    }

    /** A key and whose it is. */
    private record IssuedKey(UserId user, Instant expiresAt) {
    }

    /** One user's updates: {@code first} is the number of the oldest kept; guarded by the server's lock. */
    private static final class UserQueue {
        final ArrayDeque<ArrayNode> updates = new ArrayDeque<>();
        final List<Waiting> waiting = new ArrayList<>();
        long first = 1;

        long next() {
            return first + updates.size();
        }

        void add(ArrayNode update) {
            updates.addLast(update);
            if (updates.size() > KEPT_UPDATES) {
                updates.removeFirst();
                first++;
            }
        }

        ObjectNode from(long ts, int mode) {
            ObjectNode out = JsonNodes.object();
            out.put("ts", next());
            ArrayNode list = out.putArray("updates");
            long number = first;
            for (ArrayNode update : updates) {
                if (number >= ts) {
                    list.add(ChatEventJson.forMode(update, mode));
                }
                number++;
            }
            return out;
        }
    }

    /** A request to answer, held or not. */
    private static final class Waiting {
        final EmulatorExchange exchange;
        final UserQueue waitingIn;
        final long ts;
        final int mode;
        final ObjectNode failure;
        ScheduledFuture<?> timeout;
        boolean answered;

        Waiting(EmulatorExchange exchange, UserQueue waitingIn, long ts, int mode, ObjectNode failure) {
            this.exchange = exchange;
            this.waitingIn = waitingIn;
            this.ts = ts;
            this.mode = mode;
            this.failure = failure;
        }
    }
}
