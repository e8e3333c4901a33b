package org.sferum.sdk.samples.journal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.users.SchoolAccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's live pages (F-EMB-02): each open page holds a Server-Sent Events stream ({@code GET /events});
 * behind it the journal subscribes to the user's Sferum events through the SDK and, on each event (a message, a
 * call that starts, someone who joins, a recording that is ready…) tells the page "something changed", and the
 * page's few lines of script fetch the page again and swap its live parts. The journal's own actions (a call
 * created, the demo clock moved) are told to every open page. Without JavaScript the pages work on reload.
 */
final class LiveUpdates implements AutoCloseable {
    /** The path of the stream. */
    static final String PATH = "/events";
    /** How often a silent stream sends a comment, so that a closed browser is noticed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

    private final SferumClient sferum;
    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LiveUpdates(SferumClient sferum) {
        this.sferum = sferum;
    }

    /**
     * Serves one page's stream until the browser goes away: the user's Sferum events (when linked) and the
     * journal's own news.
     *
     * @param exchange the request
     * @param account the user's school account
     * @param linked whether the account is linked (only then are there Sferum events to follow)
     * @throws IOException if the stream cannot be started
     */
    void stream(HttpExchange exchange, SchoolAccountId account, boolean linked) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Optional<Subscription> subscription = Optional.empty();
        if (linked) {
            try {
                subscription = Optional.of(sferum.session(account).events().subscribe(event ->
                        queue.offer(kind(event))));
            } catch (SferumException e) {
                LOG.info("live updates without Sferum events: {}", e.code());
            }
        }
        streams.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                String what = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                String frame = what == null ? ": ping\n\n" : "event: change\ndata: " + what + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException gone) {
            LOG.debug("a live page went away");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(queue);
            subscription.ifPresent(Subscription::close);
        }
    }

    /**
     * Tells every open page that something changed that the journal itself did.
     *
     * @param what a short name of the change (for the page's script; not shown)
     */
    void broadcast(String what) {
        streams.forEach(q -> q.offer(what));
    }

    @Override
    public void close() {
        closed = true;
        broadcast("closing");
    }

    private static String kind(SferumEvent event) {
        return event instanceof SferumEvent.ChatEvent ? "chat" : "call";
    }
}
