package org.sferum.sdk.testkit.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform engine behind the VK API and VK ID wire formats ({@code docs/wire/vk-api.md},
 * {@code docs/wire/vk-id.md}) on a loopback HTTP server: the VK API under {@code /method/{name}}; VK ID's login
 * pages at {@code /authorize}, its endpoints under {@code /oauth2/} and its keys at
 * {@code /.well-known/jwks.json}; Sferum's call page under {@code /call/} (where the engine's join links point);
 * VK's user long poll at {@code /lp/im} ({@code docs/wire/events.md}); the control API under {@code /_emulator/}.
 * It listens on 127.0.0.1 only, over
 * HTTPS with a self-signed certificate when asked ({@link Builder#tls(boolean)}).
 *
 * <pre>{@code
 * try (SferumEmulator emulator = SferumEmulator.start()) {
 *     URI api = emulator.baseUri();               // http://127.0.0.1:PORT
 *     DemoSchool school = emulator.demoSchool().orElseThrow();
 *     VkIdUsers vkId = emulator.vkIdUsers();      // walks the login pages over HTTP
 *     ...
 * }
 * }</pre>
 */
public final class SferumEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SferumEmulator.class);
    /** How many requests are served at once. */
    static final int THREADS = 8;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger(1);
    /**
     * The JDK server writes a response's headers and body as two TCP segments; with Nagle's algorithm the body then
     * waits for the client's delayed ACK (about 40 ms per call on a kept-alive connection). The server reads this
     * property once, when its first instance in the JVM is created; the emulator sets it unless it is set already.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final EmulatorClock clock;
    private final PlatformEngine engine;
    private final Optional<DemoSchool> demoSchool;
    private final Optional<SelfSignedTls> tls;
    private final HttpServer server;
    private final ExecutorService executor;
    private final LongPollServer longPoll;
    private final ChatPhotoMethods chatPhotos;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile EmulatorVkIdUsers vkIdUsers;
    private volatile EmulatorCallGuests guests;

    private SferumEmulator(Builder builder) {
        this.clock = new EmulatorClock(builder.clock == null ? new AdjustableClock(Clock.systemUTC()) : builder.clock);
        this.engine = new PlatformEngine(clock.clock());
        this.demoSchool = builder.seedDemo ? Optional.of(DemoSchool.seed(engine)) : Optional.empty();
        this.tls = builder.tls ? Optional.of(SelfSignedTls.forThisJvm()) : Optional.empty();
        this.server = listen(builder.port, tls);
        this.baseUri = URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(THREADS, SferumEmulator::thread);
        server.setExecutor(executor);
        VkIdService vkId = engine.vkId();
        IdTokens idTokens = new IdTokens(baseUri, clock.clock());
        Map<String, VkMethod> methods = methods(engine);
        this.chatPhotos = new ChatPhotoMethods(engine, baseUri);
        chatPhotos.register(methods);
        AttachmentMethods attachments = new AttachmentMethods(engine, baseUri); // docs/wire/attachments.md
        attachments.register(methods);
        this.longPoll = new LongPollServer(engine, clock.clock(), baseUri); // docs/wire/events.md
        longPoll.register(methods);
        server.createContext(VkCallReader.PREFIX, new VkApiHandler(new VkMethodDispatcher(engine, methods)));
        server.createContext(ChatPhotoMethods.UPLOAD_PATH, chatPhotos::upload);
        server.createContext(ChatPhotoMethods.PHOTO_PATH, chatPhotos::serve);
        server.createContext(AttachmentMethods.UPLOAD_PATH, attachments::upload);
        server.createContext(AttachmentMethods.CONTENT_PATH, attachments::serve);
        server.createContext(LongPollServer.PATH, longPoll);
        server.createContext(LoginForm.PATH, new LoginPagesHandler(vkId));
        server.createContext(OAuthHandler.PREFIX, new OAuthHandler(new TokenEndpoint(vkId, idTokens),
                new UserEndpoints(engine, idTokens)));
        server.createContext(JwksHandler.PATH, new JwksHandler(idTokens));
        VkIdSdkHandler vkIdSdk = new VkIdSdkHandler();
        server.createContext(VkIdSdkHandler.CONFIG_PATH, vkIdSdk);
        server.createContext(VkIdSdkHandler.STATS_PATH, vkIdSdk);
        server.createContext("/call/", new CallPageHandler(engine, baseUri)); // and join links point here
        server.createContext("/", new ControlApiHandler(demoSchool, new VkIdControl(vkId), clock, engine::tick));
        server.start();
        LOG.debug("Sferum emulator listening on {}", baseUri);
    }

    private static HttpServer listen(int port, Optional<SelfSignedTls> tls) {
        InetSocketAddress address = new InetSocketAddress(ipv4Loopback(), port);
        try {
            if (tls.isEmpty()) {
                return HttpServer.create(address, 0);
            }
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get().server()));
            return https;
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator cannot listen on 127.0.0.1:" + port
                    + "; choose another port or 0 for a free one", e);
        }
    }

    /**
     * Starts an emulator on a free port over plain HTTP, with the demo school seeded and the system clock in UTC,
     * which the control API ({@code POST /_emulator/clock}) and {@link #advanceClock} can move forward.
     *
     * @return the running emulator
     * @throws UncheckedIOException if it cannot listen
     */
    public static SferumEmulator start() {
        return builder().start();
    }

    /**
     * Returns a builder to choose the port, the clock and the seed.
     *
     * @return a builder with the defaults of {@link #start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns where the emulator listens, without a trailing slash: {@code http://127.0.0.1:PORT}, or
     * {@code https://127.0.0.1:PORT} with TLS. The VK API is at {@code baseUri() + "/method/{name}"}; it is also
     * VK ID's base URL (sdk-core's {@code Endpoints.id()}) and the {@code iss} of its ID tokens.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Tells whether the emulator listens over HTTPS.
     *
     * @return whether it was started with {@link Builder#tls(boolean) tls(true)}
     */
    public boolean tls() {
        return tls.isPresent();
    }

    /**
     * Returns an SSL context for clients of this emulator: with TLS, one that trusts the emulator's self-signed
     * certificate (and nothing else); without TLS, the JVM's default context, so that a client can be built the
     * same way for both.
     *
     * <pre>{@code
     * HttpClient http = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
     * }</pre>
     *
     * @return the context
     */
    public SSLContext sslContext() {
        if (tls.isPresent()) {
            return tls.get().client();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default SSL context", e);
        }
    }

    /**
     * Returns VK ID's user-facing side of this emulator, walking its login pages over HTTP (over TLS with
     * {@link #sslContext()}) and using its control API, as {@link org.sferum.sdk.testkit.vkid.VkIdUsers} says.
     *
     * @return the VK ID users, one per emulator
     */
    public EmulatorVkIdUsers vkIdUsers() {
        EmulatorVkIdUsers users = vkIdUsers;
        if (users == null) {
            synchronized (this) {
                users = vkIdUsers;
                if (users == null) {
                    users = new EmulatorVkIdUsers(baseUri, sslContext());
                    vkIdUsers = users;
                }
            }
        }
        return users;
    }

    /**
     * Returns anonymous guests of calls joining by link through this emulator's HTML call page
     * ({@code /call/join/KEY}, {@code docs/wire/call-page.md}) over HTTP (over TLS with {@link #sslContext()}).
     *
     * @return the guests, one per emulator
     */
    public EmulatorCallGuests guests() {
        EmulatorCallGuests g = guests;
        if (g == null) {
            synchronized (this) {
                g = guests;
                if (g == null) {
                    g = new EmulatorCallGuests(baseUri, sslContext());
                    guests = g;
                }
            }
        }
        return g;
    }

    /**
     * Moves the emulator's clock forward, as {@code POST /_emulator/clock} does: the clock of {@link #start()} and
     * of a builder without a clock, or a {@link TestClock} given to the builder.
     *
     * @param amount how far, not negative
     * @return the emulator's time after the move
     * @throws IllegalStateException when the builder was given another kind of clock
     * @throws IllegalArgumentException when the amount is negative
     */
    public Instant advanceClock(Duration amount) {
        Instant now = clock.advance(Objects.requireNonNull(amount, "amount"));
        engine.tick();
        return now;
    }

    /**
     * Returns the engine behind the wire, to arrange or inspect state in tests.
     *
     * @return the engine
     */
    public PlatformEngine engine() {
        return engine;
    }

    /** The user long poll, for the emulator's own tests. */
    LongPollServer longPoll() {
        return longPoll;
    }

    /**
     * Returns the demo school, when the emulator was started with it.
     *
     * @return the school
     */
    public Optional<DemoSchool> demoSchool() {
        return demoSchool;
    }

    /** How many chat photo upload tickets and unused uploads the emulator holds: for tests. */
    int heldChatPhotoUploads() {
        return chatPhotos.held();
    }

    /** Stops the server and its threads. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        longPoll.close(); // answers the held long poll requests first
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.debug("Sferum emulator on {} stopped", baseUri);
    }

    @Override
    public String toString() {
        return "SferumEmulator[" + baseUri + (closed.get() ? ", closed]" : "]");
    }

    private static Map<String, VkMethod> methods(PlatformEngine engine) {
        MessageJson messageJson = new MessageJson(engine);
        ConversationJson conversationJson = new ConversationJson(messageJson, engine);
        Map<String, VkMethod> methods = new HashMap<>();
        new MessagesMethods(engine, messageJson).register(methods);
        new ChatsMethods(engine, conversationJson).register(methods);
        new ChatAdminMethods(engine, conversationJson).register(methods);
        new UsersMethods(engine).register(methods);
        new MessageActionsMethods(engine, messageJson, conversationJson).register(methods);
        new ChatActionsMethods(engine).register(methods);
        new ChatStyleMethods(engine).register(methods);
        new CallsMethods(engine).register(methods);
        new DirectMethods(engine).register(methods); // after MessagesMethods: wraps messages.send
        return methods;
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "sferum-emulator-" + THREAD_NUMBER.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }

    /** Chooses how an emulator starts. Not thread-safe; build one emulator per builder. */
    public static final class Builder {
        private int port;
        private Clock clock;
        private boolean seedDemo = true;
        private boolean tls;

        private Builder() {
        }

        /**
         * Sets the port to listen on.
         *
         * @param port 1 to 65535, or 0 (the default) for a free port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the clock the engine reads; a {@link TestClock} lets tests move time, and
         * {@code POST /_emulator/clock} and {@link SferumEmulator#advanceClock} move it too. Any other clock cannot
         * be moved by the emulator.
         *
         * @param clock the clock; the default is the system clock in UTC plus an offset that the emulator moves
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Chooses whether to seed the demo school (see {@link DemoSchool#seed}).
         *
         * @param seedDemo {@code true} (the default) to seed it, {@code false} for an empty platform
         * @return this builder
         */
        public Builder seedDemo(boolean seedDemo) {
            this.seedDemo = seedDemo;
            return this;
        }

        /**
         * Chooses whether to listen over HTTPS, with a certificate for {@code 127.0.0.1} and {@code localhost}
         * generated at start by the JDK's {@code keytool}; clients trust it with {@link SferumEmulator#sslContext()}.
         *
         * @param tls {@code true} for HTTPS, {@code false} (the default) for plain HTTP
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @return the running emulator
         * @throws UncheckedIOException if it cannot listen on the port
         */
        public SferumEmulator start() {
            return new SferumEmulator(this);
        }
    }
}
