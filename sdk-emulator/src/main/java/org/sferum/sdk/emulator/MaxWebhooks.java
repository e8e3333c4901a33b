package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sferum.sdk.emulator.ControlRequest.Refused;
import org.sferum.sdk.users.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MAX face's webhooks ({@code docs/wire/max.md}): {@code GET}, {@code POST} and {@code DELETE /subscriptions},
 * and the delivery of each subscribed bot's updates, one update per {@code POST} to its URL, in order, with the
 * subscription's secret in {@code X-Max-Bot-Api-Secret}. An update counts as delivered on a 200 answer only; any
 * other answer or a connection failure is retried with backoff (1 s doubling, at most 10 min apart) on the
 * emulator's clock, for up to 8 hours after its first failure, then dropped, as MAX documents. The next update waits
 * for the one before it, so nothing is delivered twice or out of order. Plain-HTTP loopback URLs are accepted (tests
 * have no public HTTPS endpoint) and only loopback URLs are: the emulator calls nothing outside the machine.
 */
final class MaxWebhooks implements AutoCloseable {
    /** How long MAX keeps retrying one update. */
    static final Duration GIVE_UP = Duration.ofHours(8);
    /** The longest wait between two attempts. */
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{5,256}");
    private static final Logger LOG = LoggerFactory.getLogger(MaxWebhooks.class);

    private final MaxUpdates updates;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<UserId, Subscription> subscriptions = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    MaxWebhooks(MaxUpdates updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
        this.thread = new Thread(this::run, "sferum-emulator-max-webhooks");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a bot has a subscription (then it may not poll {@code /updates}). */
    synchronized boolean active(UserId bot) {
        return subscriptions.containsKey(bot);
    }

    /** {@code GetSubscriptionsResult}. */
    synchronized ObjectNode list(UserId bot) {
        ObjectNode answer = JsonNodes.object();
        ArrayNode list = answer.putArray("subscriptions");
        Subscription subscription = subscriptions.get(bot);
        if (subscription != null) {
            ObjectNode json = list.addObject();
            json.put("url", subscription.url.toString());
            json.put("time", subscription.time);
            ArrayNode types = json.putArray("update_types");
            subscription.types.forEach(types::add);
        }
        return answer;
    }

    /** {@code POST /subscriptions}: one subscription per bot; a new one replaces the old one. */
    ObjectNode subscribe(UserId bot, JsonNode body) {
        URI url = url(body.path("url").asText(""));
        String secret = null;
        if (body.has("secret") && !body.path("secret").isNull()) {
            secret = body.path("secret").asText("");
            if (!SECRET.matcher(secret).matches()) {
                throw new Refused(400, "proto.payload", "secret must be 5 to 256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }
        Set<String> types = new LinkedHashSet<>();
        body.path("update_types").forEach(t -> types.add(t.asText()));
        updates.watch(bot);
        synchronized (this) {
            subscriptions.put(bot, new Subscription(url, secret, Set.copyOf(types), clock.millis()));
        }
        return MaxJson.success();
    }

    /** {@code DELETE /subscriptions?url=}. */
    ObjectNode unsubscribe(UserId bot, String url) {
        synchronized (this) {
            Subscription subscription = subscriptions.get(bot);
            if (subscription != null && subscription.url.toString().equals(url)) {
                subscriptions.remove(bot);
            }
        }
        return MaxJson.success();
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new Refused(400, "proto.payload", "url is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost();
        if (!(scheme.equals("http") || scheme.equals("https"))) {
            throw new Refused(400, "proto.payload", "url must be an http(s) URL");
        }
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
            throw new Refused(400, "proto.payload", "the emulator delivers webhooks to loopback URLs only"
                    + " (127.0.0.1 or localhost)");
        }
        return url;
    }

    private void run() {
        while (!closed) {
            try {
                deliverDue();
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("webhook delivery failed", e);
            }
        }
    }

    private void deliverDue() throws InterruptedException {
        List<Map.Entry<UserId, Subscription>> now;
        synchronized (this) {
            now = List.copyOf(subscriptions.entrySet());
        }
        for (Map.Entry<UserId, Subscription> entry : now) {
            Subscription subscription = entry.getValue();
            Instant at = clock.instant();
            if (subscription.nextAttempt != null && at.isBefore(subscription.nextAttempt)) {
                continue;
            }
            Optional<MaxUpdates.Pending> pending = updates.next(entry.getKey(), subscription.types);
            if (pending.isEmpty()) {
                continue;
            }
            if (post(subscription, pending.get().update())) {
                updates.commit(entry.getKey(), pending.get().seq() + 1);
                subscription.failures = 0;
                subscription.firstFailure = null;
                subscription.nextAttempt = null;
            } else if (subscription.firstFailure != null
                    && !at.isBefore(subscription.firstFailure.plus(GIVE_UP))) {
                LOG.debug("webhook {} failed for {}: update {} dropped", subscription.url, GIVE_UP,
                        pending.get().seq());
                updates.commit(entry.getKey(), pending.get().seq() + 1);
                subscription.failures = 0;
                subscription.firstFailure = null;
                subscription.nextAttempt = null;
            } else {
                if (subscription.firstFailure == null) {
                    subscription.firstFailure = at;
                }
                Duration backoff = Duration.ofSeconds(1L << Math.min(subscription.failures, 20));
                subscription.failures++;
                subscription.nextAttempt = at.plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff);
            }
        }
    }

    private boolean post(Subscription subscription, ObjectNode update) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(subscription.url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update.toString()));
        if (subscription.secret != null) {
            request.header("X-Max-Bot-Api-Secret", subscription.secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** A bot's subscription and the retry state of its next update (touched by the delivery thread only). */
    private static final class Subscription {
        private final URI url;
        private final String secret;
        private final Set<String> types;
        private final long time;
        private int failures;
        private Instant firstFailure;
        private Instant nextAttempt;

        Subscription(URI url, String secret, Set<String> types, long time) {
            this.url = url;
            this.secret = secret;
            this.types = types;
            this.time = time;
        }
    }
}
