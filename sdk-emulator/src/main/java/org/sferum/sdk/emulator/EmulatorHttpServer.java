package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP server: embedded Jetty 12 (core handlers, no servlets) on 127.0.0.1, HTTP/1.1, and over TLS
 * HTTP/2 and HTTP/1.1 chosen by ALPN. Requests are routed by the longest matching path prefix to an
 * {@link EmulatorHandler}.
 *
 * <p>What keeps a bad client from hurting the others: Jetty parses requests without a thread (a client that sends
 * half a request line costs a socket, not a worker); workers come from a bounded {@link QueuedThreadPool} on Java 17
 * and from virtual threads on Java 21+; idle connections close after {@link #IDLE_TIMEOUT_MS}; a request body
 * slower than {@link #MIN_REQUEST_DATA_RATE} bytes a second is cut; headers are capped at
 * {@link #MAX_HEADER_BYTES}; a request whose declared body is larger than its route allows is refused with 413
 * before a byte of it is read. Every answer carries {@code X-Content-Type-Options: nosniff}, a strict
 * {@code Content-Security-Policy} and {@code Referrer-Policy: no-referrer}. The control API ({@code /_emulator/})
 * answers only to a loopback {@code Host} and, when a token is set, to requests that carry it.
 */
final class EmulatorHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpServer.class);
    /** How long a connection may stay silent by default, in milliseconds (a held long poll is not cut by it). */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** The slowest request body accepted, in bytes a second. */
    static final long MIN_REQUEST_DATA_RATE = 1024;
    /** The largest request line plus headers. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The most worker threads on Java 17 (a pool of this size also schedules the virtual threads on 21+). */
    static final int MAX_THREADS = 256;
    /** The content security policy of every answer: the emulator's pages load nothing but their own images. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
    /** Routes that accept at most this many body bytes get their body read without a thread first. */
    static final long MAX_BUFFERED_BODY = 2L << 20;
    /** The address the emulator listens on unless told otherwise. */
    static final String LOOPBACK = "127.0.0.1";
    /** The header that carries the control token when one is set. */
    static final String CONTROL_TOKEN_HEADER = "X-Emulator-Token";

    private final Server server;
    private final ServerConnector connector;
    private final List<Route> routes = new ArrayList<>();
    private final Optional<String> controlToken;

    private EmulatorHttpServer(Server server, ServerConnector connector, Optional<String> controlToken) {
        this.server = server;
        this.connector = connector;
        this.controlToken = controlToken;
    }

    /**
     * Binds 127.0.0.1 (so that the port is known before the handlers are made); {@link #start()} then serves.
     *
     * @param port the port, 0 for a free one
     * @param tls the server's TLS context, or empty for plain HTTP
     * @param controlToken the token the control API requires, or empty
     * @param idleTimeoutMs how long a connection may stay silent ({@link #IDLE_TIMEOUT_MS} by default)
     * @return the bound server
     * @throws UncheckedIOException if it cannot listen
     */
    static EmulatorHttpServer open(int port, Optional<SSLContext> tls, Optional<String> controlToken,
            long idleTimeoutMs) {
        return open(LOOPBACK, port, tls, controlToken, idleTimeoutMs);
    }

    /**
     * Binds an address ({@link #LOOPBACK} unless the emulator runs in a container); {@link #start()} then serves.
     *
     * @param host the IP address to listen on
     * @param port the port, 0 for a free one
     * @param tls the server's TLS context, or empty for plain HTTP
     * @param controlToken the token the control API requires, or empty
     * @param idleTimeoutMs how long a connection may stay silent
     * @return the bound server
     * @throws UncheckedIOException if it cannot listen
     */
    static EmulatorHttpServer open(String host, int port, Optional<SSLContext> tls, Optional<String> controlToken,
            long idleTimeoutMs) {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
        pool.setName("sferum-emulator");
        pool.setDaemon(true);
        virtualThreads().ifPresent(pool::setVirtualThreadsExecutor);
        Server server = new Server(pool);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setMinRequestDataRate(MIN_REQUEST_DATA_RATE);
        http.setIdleTimeout(idleTimeoutMs);
        ServerConnector connector = tls.isPresent() ? tlsConnector(server, http, tls.get())
                : new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeoutMs);
        connector.setAcceptQueueSize(4096);
        connector.setReuseAddress(true);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            stopQuietly(server);
            throw new UncheckedIOException("the emulator cannot listen on " + host + ":" + port
                    + "; choose another port or 0 for a free one", e);
        }
        return new EmulatorHttpServer(server, connector, controlToken);
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    int port() {
        return connector.getLocalPort();
    }

    /**
     * Routes a path prefix; call before {@link #start()}.
     *
     * @param prefix the prefix, such as {@code /method/}
     * @param handler what answers it
     * @param maxBodyBytes the largest declared body accepted
     */
    void route(String prefix, EmulatorHandler handler, long maxBodyBytes) {
        routes.add(new Route(prefix, handler, maxBodyBytes, false));
    }

    /**
     * Routes a path prefix whose requests may be held past the idle timeout (the long poll).
     *
     * @param prefix the prefix
     * @param handler what answers it
     * @param maxBodyBytes the largest declared body accepted
     */
    void holdingRoute(String prefix, EmulatorHandler handler, long maxBodyBytes) {
        routes.add(new Route(prefix, handler, maxBodyBytes, true));
    }

    /**
     * Starts serving the routes.
     *
     * @throws IllegalStateException if Jetty does not start
     */
    void start() {
        server.setHandler(new Router(routes, controlToken));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("the emulator's HTTP server did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the server; held requests are failed. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the emulator's server failed", e);
        }
    }

    /** One path prefix and what answers it. */
    record Route(String prefix, EmulatorHandler handler, long maxBodyBytes, boolean holds) {
    }

    private static ServerConnector tlsConnector(Server server, HttpConfiguration http, SSLContext context) {
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach 127.0.0.1 under names mapped to it (--tls-names)
        secure.setStsMaxAge(-1);
        https.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(context);
        HttpConnectionFactory http11 = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        h2.setMaxConcurrentStreams(256);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol(http11.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(ssl, alpn.getProtocol());
        return new ServerConnector(server, 1, 1, new ConnectionFactory[] {tls, alpn, h2, http11});
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** Virtual threads where the JDK has them (21+), found reflectively so that the code compiles for 17. */
    private static Optional<Executor> virtualThreads() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method name = builder.getClass().getMethod("name", String.class, long.class);
            name.setAccessible(true);
            builder = name.invoke(builder, "sferum-emulator-v", 0L);
            Method factory = builder.getClass().getMethod("factory");
            factory.setAccessible(true);
            java.util.concurrent.ThreadFactory threads = (java.util.concurrent.ThreadFactory) factory.invoke(builder);
            return Optional.of(command -> threads.newThread(command).start());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // Java 17: the bounded pool does the work
        }
    }

    /** Routes requests by path prefix and applies the rules every answer shares. */
    private static final class Router extends Handler.Abstract {
        private final List<Route> routes;
        private final Optional<String> controlToken;

        Router(List<Route> routes, Optional<String> controlToken) {
            super(InvocationType.BLOCKING);
            List<Route> sorted = new ArrayList<>(routes);
            sorted.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
            this.routes = List.copyOf(sorted);
            this.controlToken = controlToken;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            var headers = response.getHeaders();
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put("Referrer-Policy", "no-referrer");
            headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            String path = request.getHttpURI().getPath();
            Route route = route(path == null ? "/" : path);
            EmulatorExchange exchange = new EmulatorExchange(request, response, callback);
            try {
                if (path != null && path.startsWith(ControlApiHandler.PREFIX) && !controlAllowed(request, exchange)) {
                    return true;
                }
                if (request.getLength() > route.maxBodyBytes()) {
                    tooLarge(exchange, path, route.maxBodyBytes());
                    return true;
                }
                if (route.holds()) {
                    request.addIdleTimeoutListener(timeout -> false); // the handler answers by its own timer
                }
                if (request.getLength() != 0 && route.maxBodyBytes() > 0
                        && route.maxBodyBytes() <= MAX_BUFFERED_BODY) {
                    // Read a small body without a thread: a client that trickles it holds a socket, not a worker
                    // (the bounded pool of Java 17 would otherwise be exhausted by a few hundred such clients).
                    Content.Source.asByteArrayAsync(request, (int) route.maxBodyBytes() + 1)
                            .whenCompleteAsync((body, failure) -> {
                                if (failure != null) {
                                    answerUnread(request, exchange, route, path, failure);
                                } else {
                                    exchange.bufferedBody(body);
                                    dispatch(request, exchange, route, path);
                                }
                            }, request.getComponents().getExecutor());
                    return true;
                }
                dispatch(request, exchange, route, path);
            } catch (IOException e) {
                LOG.debug("{} {}: the client went away: {}", request.getMethod(), path, e.toString());
                exchange.abort(e);
            }
            return true;
        }

        /** Calls the handler on a worker once the body is buffered, with the same failure handling as handle(). */
        private void dispatch(Request request, EmulatorExchange exchange, Route route, String path) {
            try {
                route.handler().handle(exchange);
            } catch (IOException e) {
                LOG.debug("{} {}: the client went away: {}", request.getMethod(), path, e.toString());
                exchange.abort(e);
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", request.getMethod(), path, e);
                if (!exchange.headersSent()) {
                    try {
                        HttpJson.send(exchange, 500, HttpJson.controlError("internal_error",
                                "the emulator failed on this request; see its log"));
                        return;
                    } catch (IOException | RuntimeException again) {
                        exchange.abort(again);
                        return;
                    }
                }
                exchange.abort(e);
            }
        }

        /** A body that could not be buffered: larger than the route allows (413), or the client went away. */
        private void answerUnread(Request request, EmulatorExchange exchange, Route route, String path,
                Throwable failure) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof IOException) {
                LOG.debug("{} {}: the client went away: {}", request.getMethod(), path, cause.toString());
                exchange.abort(cause);
                return;
            }
            try {
                tooLarge(exchange, path, route.maxBodyBytes());
            } catch (IOException | RuntimeException e) {
                exchange.abort(e);
            }
        }

        private Route route(String path) {
            for (Route route : routes) {
                if (path.startsWith(route.prefix())) {
                    return route;
                }
            }
            return routes.get(routes.size() - 1);
        }

        private boolean controlAllowed(Request request, EmulatorExchange exchange) throws IOException {
            String host = request.getHeaders().get("Host"); // HTTP/1.1; HTTP/2 carries it as :authority
            if (host == null && request.getHttpURI().hasAuthority()) {
                host = request.getHttpURI().getAuthority();
            }
            if (!LoopbackHost.matches(host)) {
                HttpJson.send(exchange, 403, HttpJson.controlError("forbidden_host",
                        "the control API answers only to Host 127.0.0.1, localhost or [::1] (with any port)"));
                return false;
            }
            if (controlToken.isPresent()) {
                String given = request.getHeaders().get(CONTROL_TOKEN_HEADER);
                if (given == null || !java.security.MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        controlToken.get().getBytes(StandardCharsets.UTF_8))) {
                    HttpJson.send(exchange, 401, HttpJson.controlError("unauthorized",
                            "the control API needs the header " + CONTROL_TOKEN_HEADER
                                    + " with the token given to --control-token"));
                    return false;
                }
            }
            return true;
        }

        private static void tooLarge(EmulatorExchange exchange, String path, long limit) throws IOException {
            exchange.getResponseHeaders().set("Connection", "close");
            ObjectNode body;
            if (path != null && path.startsWith(VkCallReader.PREFIX)) {
                body = VkEnvelope.error(VkErrorTable.INVALID_REQUEST, "the request body is larger than " + limit
                        + " bytes", VkMethodDispatcher.printable(path.substring(VkCallReader.PREFIX.length())),
                        Optional.empty());
            } else {
                body = HttpJson.controlError("too_large", "the request body is larger than " + limit + " bytes");
            }
            HttpJson.send(exchange, 413, body);
        }
    }
}
