package org.sferum.sdk.core.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link Transport}: the JDK's {@link HttpClient}, one shared by every request of this transport
 * (connections are pooled by it). Redirects are not followed, so credentials never travel to another address.
 * {@link #executeAsync} uses {@link HttpClient#sendAsync}, so a long poll holds no thread while it waits; the client
 * this transport builds runs its own work on a small bounded pool of daemon threads (the JDK's default pool grows
 * with the number of answers arriving at once), so many subscriptions' answers never multiply threads.
 */
public final class JdkHttpTransport implements Transport {
    /** The most threads the client this transport builds uses for its own work. */
    static final int POOL_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final HttpClient client;
    private final boolean owned;
    private final ThreadPoolExecutor pool;
    private volatile boolean closed;

    /**
     * Creates a transport with its own HTTP client.
     *
     * @param connectTimeout how long to wait for a connection
     */
    public JdkHttpTransport(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.pool = boundedPool();
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(pool)
                .build();
        this.owned = true;
    }

    /**
     * Creates a transport over an HTTP client the embedder configured (proxy, TLS, executor). The client is not
     * closed by {@link #close()}; its owner closes it.
     *
     * @param client the client to send with
     */
    public JdkHttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.owned = false;
        this.pool = null;
    }

    /**
     * The executor of the client this transport builds: {@link #POOL_THREADS} daemon threads at most, each ending
     * after a while idle, and a queue in front. The client's tasks (reading answers, completing futures) never
     * block, so a queue is safe; the callers' blocking {@link #execute} waits on the caller's own thread.
     */
    private static ThreadPoolExecutor boundedPool() {
        AtomicInteger number = new AtomicInteger(1);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "sferum-http-" + number.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        HttpRequest built = build(request);
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new TransportResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.uri().getHost());
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /**
     * Sends with {@link HttpClient#sendAsync}: no thread waits for the answer. Cancelling the returned future
     * cancels the exchange (the JDK aborts it and closes its connection).
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        HttpRequest built;
        try {
            built = build(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(built,
                HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<TransportResponse> answer = exchange.thenApply(response ->
                new TransportResponse(response.statusCode(), response.headers().map(), response.body()));
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    private HttpRequest build(TransportRequest request) throws IOException {
        if (closed) {
            throw new IOException("the transport is closed");
        }
        HttpRequest.BodyPublisher body = request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .method(request.method(), body);
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // Plain HTTP: no h2c upgrade offer (an Upgrade header and a second protocol on every new connection).
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }

    /** Marks the transport closed and, on a JDK whose HTTP client can be closed (21+), closes its own client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owned && client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // Closing only releases idle connections; nothing to report.
            }
        }
        if (pool != null) {
            pool.shutdown();
        }
    }
}
