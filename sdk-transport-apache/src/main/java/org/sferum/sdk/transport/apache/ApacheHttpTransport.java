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
import java.util.concurrent.Future;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
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
 * <p>{@link #executeAsync} (the events' long polls) goes through HttpClient 5's asynchronous client instead, started
 * on first use: a waiting poll holds a connection but no thread, as with the JDK default.
 */
public final class ApacheHttpTransport implements Transport {
    /** [choice] The most connections the pool keeps open, in all and to one host. */
    static final int MAX_CONNECTIONS = 256;

    /** [choice] The most connections the asynchronous client keeps open: one per waiting long poll. */
    static final int MAX_ASYNC_CONNECTIONS = 100_000;

    private final CloseableHttpClient client;
    private final Duration connectTimeout;
    private volatile CloseableHttpAsyncClient async;
    private volatile boolean closed;

    /**
     * Creates a transport with its own pooled client.
     *
     * @param connectTimeout how long opening a connection may take
     */
    public ApacheHttpTransport(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
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
     * Sends with Apache HttpClient 5's asynchronous client (started on first use, HTTP/1.1, its own small pool of
     * I/O threads, one per processor), so a waiting long poll holds no thread; cancelling the future cancels the
     * exchange and closes its connection.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        CloseableHttpAsyncClient client;
        try {
            client = asyncClient();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        SimpleHttpRequest built = SimpleHttpRequest.create(request.method(), request.uri());
        built.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.timeout().toMillis(), TimeUnit.MILLISECONDS))
                .setRedirectsEnabled(false)
                .build());
        String contentType = null;
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                if (header.getKey().equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                } else {
                    built.addHeader(header.getKey(), value);
                }
            }
        }
        if (request.body().length > 0) {
            built.setBody(request.body(), contentType == null ? ContentType.APPLICATION_OCTET_STREAM
                    : ContentType.parse(contentType));
        }
        CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
        Future<SimpleHttpResponse> exchange = client.execute(SimpleRequestProducer.create(built),
                SimpleResponseConsumer.create(), new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        Map<String, List<String>> headers = new LinkedHashMap<>();
                        for (Header header : response.getHeaders()) {
                            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1))
                                    .add(header.getValue());
                        }
                        answer.complete(new TransportResponse(response.getCode(), headers,
                                response.getBodyBytes()));
                    }

                    @Override
                    public void failed(Exception e) {
                        answer.completeExceptionally(e instanceof IOException io ? failure(io, request)
                                : new IOException(e.getClass().getSimpleName() + " talking to "
                                        + request.uri().getHost(), e));
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /** The asynchronous client, started on first use. */
    private CloseableHttpAsyncClient asyncClient() throws IOException {
        CloseableHttpAsyncClient client = async;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (closed) {
                throw new IOException("the transport is closed");
            }
            if (async == null) {
                CloseableHttpAsyncClient made = HttpAsyncClients.custom()
                        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(MAX_ASYNC_CONNECTIONS)
                                .setMaxConnPerRoute(MAX_ASYNC_CONNECTIONS)
                                .setDefaultConnectionConfig(ConnectionConfig.custom()
                                        .setConnectTimeout(Timeout.of(connectTimeout))
                                        .build())
                                .build())
                        .disableRedirectHandling()
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .build();
                made.start();
                async = made;
            }
            return async;
        }
    }

    /** A connection not opened within the timeout certainly sent nothing: a {@link ConnectException}. */
    private static IOException failure(IOException e, TransportRequest request) {
        if (e instanceof ConnectTimeoutException) {
            ConnectException notConnected = new ConnectException("no connection to " + request.uri().getHost()
                    + " within the connect timeout");
            notConnected.initCause(e);
            return notConnected;
        }
        return e;
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
        } catch (IOException e) {
            throw failure(e, request);
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
        synchronized (this) {
            closed = true;
        }
        client.close(CloseMode.IMMEDIATE);
        CloseableHttpAsyncClient started = async;
        if (started != null) {
            started.close(CloseMode.IMMEDIATE);
        }
    }
}
