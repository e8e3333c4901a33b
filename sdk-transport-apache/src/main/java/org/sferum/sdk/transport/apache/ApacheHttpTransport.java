package org.sferum.sdk.transport.apache;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;

/**
 * A {@link Transport} on Apache HttpClient 5's classic (blocking) API: one pooled client per transport, HTTP/1.1,
 * no redirects followed (credentials never travel to another address), no retries of its own (the SDK retries by
 * what a failure proves), no cookies. It spends less CPU per small request than the JDK's {@code HttpClient}
 * (issue 15, {@code docs/performance.md}).
 *
 * <p>Failures follow {@link Transport}'s rules: a connection that could not be made (refused, or not opened within
 * the connect timeout) is a {@link ConnectException}, so every call may be retried; a timeout or reset after
 * sending is any other {@link IOException}. The request's timeout is the longest wait for the answer's next bytes
 * (HttpClient's response timeout), which for the SDK's small answers is the wait for the answer.
 *
 * <p>{@link #executeAsync} cannot avoid a thread with a blocking client: each request waits on a daemon thread of
 * its own, and cancelling the future aborts the request. The events' long polls therefore hold one thread each with
 * this transport; the JDK default holds none ({@code docs/performance.md}).
 */
public final class ApacheHttpTransport implements Transport {
    /** [choice] The most connections the pool keeps open, in all and to one host. */
    static final int MAX_CONNECTIONS = 256;

    private static final AtomicInteger WAITING_THREAD = new AtomicInteger(1);

    private final CloseableHttpClient client;
    private volatile boolean closed;

    /**
     * Creates a transport with its own pooled client.
     *
     * @param connectTimeout how long opening a connection may take
     */
    public ApacheHttpTransport(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        return send(build(request), request);
    }

    /**
     * Sends on a daemon thread of its own (the client blocks); cancelling the future aborts the request.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        HttpUriRequestBase built;
        try {
            built = build(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                answer.complete(send(built, request));
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "sferum-apache-wait-" + WAITING_THREAD.getAndIncrement());
        waiting.setDaemon(true);
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                built.cancel();
            }
        });
        waiting.start();
        return answer;
    }

    private HttpUriRequestBase build(TransportRequest request) throws IOException {
        if (closed) {
            throw new IOException("the transport is closed");
        }
        HttpUriRequestBase built = new HttpUriRequestBase(request.method(), request.uri());
        built.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.timeout().toMillis(), TimeUnit.MILLISECONDS))
                .setRedirectsEnabled(false)
                .build());
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                built.addHeader(header.getKey(), value);
            }
        }
        if (request.body().length > 0) {
            // The content type travels as the request's own header.
            built.setEntity(new ByteArrayEntity(request.body(), null));
        }
        return built;
    }

    private TransportResponse send(HttpUriRequestBase built, TransportRequest request) throws IOException {
        try {
            return client.execute(built, ApacheHttpTransport::read);
        } catch (ConnectTimeoutException e) {
            // Not connected within the timeout: the request certainly did not reach the server.
            ConnectException notConnected = new ConnectException("no connection to " + request.uri().getHost()
                    + " within the connect timeout");
            notConnected.initCause(e);
            throw notConnected;
        }
    }

    private static TransportResponse read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new TransportResponse(response.getCode(), headers, body);
    }

    /** Closes the pooled connections at once. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close(CloseMode.IMMEDIATE);
    }
}
