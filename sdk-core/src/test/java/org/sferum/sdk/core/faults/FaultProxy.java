package org.sferum.sdk.core.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy in front of the emulator (issue 12) that injects the {@link FaultPlan}'s faults on the wire:
 * drops the connection before or after forwarding, answers 500/502/503/429 and VK errors 6, 9 and 10, answers
 * later than the client's timeout, truncates bodies and cuts JSON. Bound to 127.0.0.1 only, on a free port; bounded:
 * four handler threads, request bodies up to 1 MiB, one upstream HTTP client with a 10 s timeout.
 */
final class FaultProxy implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;
    private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "te", "trailer");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final FaultPlan plan;
    private final Duration delay;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Starts the proxy.
     *
     * @param target the emulator's base address
     * @param plan the faults
     * @param delay how long a delayed request or answer is held: longer than the client's timeout
     * @throws IOException if the port cannot be bound
     */
    FaultProxy(URI target, FaultPlan plan, Duration delay) throws IOException {
        this.target = target;
        this.plan = plan;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Returns the proxy's address.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Waits until no request is being handled (a delayed request may still be on its way to the emulator).
     *
     * @param atMost how long to wait
     * @throws InterruptedException if interrupted
     */
    void awaitIdle(Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        if (inFlight.get() > 0) {
            throw new IllegalStateException("the fault proxy still handles " + inFlight.get() + " requests");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Fault fault = plan.next();
            switch (fault) {
                case DROP_BEFORE:
                    throw new IOException("injected: connection dropped before forwarding");
                case HTTP_502_BEFORE:
                    answer(exchange, 502, "text/html", "<html>502</html>".getBytes());
                    return;
                case HTTP_429:
                    exchange.getResponseHeaders().add("Retry-After", "0");
                    answer(exchange, 429, "text/html", "<html>429</html>".getBytes());
                    return;
                case VK_6:
                    answer(exchange, 200, "application/json", FaultPlan.vkError(6));
                    return;
                case VK_9:
                    answer(exchange, 200, "application/json", FaultPlan.vkError(9));
                    return;
                case DELAY_BEFORE:
                    sleep();
                    break;
                default:
                    break;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            switch (fault) {
                case DROP_AFTER:
                    throw new IOException("injected: connection dropped after forwarding");
                case HTTP_500_AFTER:
                    answer(exchange, 500, "text/html", "<html>500</html>".getBytes());
                    return;
                case HTTP_503_AFTER:
                    answer(exchange, 503, "text/html", "<html>503</html>".getBytes());
                    return;
                case VK_10_AFTER:
                    answer(exchange, 200, "application/json", FaultPlan.vkError(10));
                    return;
                case DELAY_AFTER:
                    sleep();
                    break;
                case TRUNCATE:
                    answer(exchange, response.statusCode(), "application/json", FaultPlan.truncate(response.body()));
                    return;
                case CUT_JSON:
                    answer(exchange, response.statusCode(), "application/json", FaultPlan.cutJson(response.body()));
                    return;
                default:
                    break;
            }
            answer(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } finally {
            // An exception thrown from here makes the server close the connection without an answer: a drop.
            inFlight.decrementAndGet();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
        }
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private void sleep() throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("request body over " + MAX_BODY + " bytes");
        }
        return body;
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
