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

/**
 * The default {@link Transport}: the JDK's {@link HttpClient}, one shared by every request of this transport
 * (connections are pooled by it). Redirects are not followed, so credentials never travel to another address.
 */
public final class JdkHttpTransport implements Transport {
    private final HttpClient client;
    private final boolean owned;
    private volatile boolean closed;

    /**
     * Creates a transport with its own HTTP client.
     *
     * @param connectTimeout how long to wait for a connection
     */
    public JdkHttpTransport(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
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
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
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
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TransportResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                    + request.uri().getHost());
            interrupted.initCause(e);
            throw interrupted;
        }
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
    }
}
