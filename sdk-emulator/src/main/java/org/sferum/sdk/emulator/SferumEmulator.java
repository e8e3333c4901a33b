package org.sferum.sdk.emulator;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.RosterSeed;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform engine behind the VK API and VK ID wire formats ({@code docs/wire/vk-api.md},
 * {@code docs/wire/vk-id.md}) on a loopback HTTP server: the VK API under {@code /method/{name}}; VK ID's login
 * pages at {@code /authorize}, its endpoints under {@code /oauth2/} and its keys at
 * {@code /.well-known/jwks.json}; Sferum's call page under {@code /call/} (where the engine's join links point);
 * VK's user long poll at {@code /lp/im} ({@code docs/wire/events.md}); the control API under {@code /_emulator/}.
 * It listens on 127.0.0.1 only, on embedded Jetty ({@code EmulatorHttpServer}), over HTTPS (HTTP/2 and HTTP/1.1)
 * with a self-signed certificate when asked ({@link Builder#tls(boolean)}).
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
    /** The largest upload body: the largest file VK takes (a video) plus the multipart framing. */
    static final long MAX_UPLOAD_BODY = AttachmentService.MAX_VIDEO_BYTES + AttachmentMethods.FRAMING;
    /** The largest body the MAX face takes: a message of 4,000 characters with room to spare. */
    static final long MAX_BOT_BODY = 64 * 1024;

    private final EmulatorClock clock;
    private final PlatformEngine engine;
    private final Optional<DemoSchool> demoSchool;
    /** The demo school's bot (F-EMB-08), seeded with the school. */
    private final Optional<SeededBot> demoBot;
    /** The MAX face's server, when {@link Builder#maxPort(int)} asked for one. */
    private final Optional<EmulatorHttpServer> maxServer;
    private final MaxUpdates maxUpdates;
    private final MaxWebhooks maxWebhooks;
    private final Optional<RosterSeed> rosterSeed;
    private final Optional<SelfSignedTls> tls;
    private final EmulatorHttpServer server;
    private final SpillingBlobStore blobs = new SpillingBlobStore();
    private final LongPollServer longPoll;
    private final ChatPhotoMethods chatPhotos;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile EmulatorVkIdUsers vkIdUsers;
    private volatile EmulatorCallGuests guests;

    private SferumEmulator(Builder builder) {
        this.clock = new EmulatorClock(builder.clock == null ? new AdjustableClock(Clock.systemUTC()) : builder.clock);
        this.engine = new PlatformEngine(clock.clock(), blobs); // uploads: memory cap, disk spill
        this.demoSchool = builder.seedDemo ? Optional.of(DemoSchool.seed(engine)) : Optional.empty();
        this.demoBot = builder.seedDemo ? Optional.of(SeededBot.seed(engine, SeededBot.DEMO_NAME)) : Optional.empty();
        this.rosterSeed = builder.roster == null ? Optional.empty()
                : Optional.of(RosterSeed.seed(engine, builder.roster, builder.rosterLinked));
        this.tls = builder.tls ? Optional.of(SelfSignedTls.forNames(builder.tlsNames)) : Optional.empty();
        EmulatorHttpServer http = EmulatorHttpServer.open(builder.bindAddress, builder.port,
                tls.map(SelfSignedTls::server), builder.controlToken, builder.idleTimeoutMs);
        this.server = http;
        this.baseUri = URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + http.port());
        VkIdService vkId = engine.vkId();
        IdTokens idTokens = new IdTokens(baseUri, clock.clock());
        Map<String, VkMethod> methods = methods(engine);
        this.chatPhotos = new ChatPhotoMethods(engine, baseUri);
        chatPhotos.register(methods);
        AttachmentMethods attachments = new AttachmentMethods(engine, baseUri); // docs/wire/attachments.md
        attachments.register(methods);
        this.longPoll = new LongPollServer(engine, clock.clock(), baseUri); // docs/wire/events.md
        longPoll.register(methods);
        long form = VkCallReader.MAX_BODY_BYTES;
        http.route(VkCallReader.PREFIX, new VkApiHandler(new VkMethodDispatcher(engine, methods)), form);
        http.route(ChatPhotoMethods.UPLOAD_PATH, chatPhotos::upload, ChatPhotoMethods.MAX_UPLOAD);
        http.route(ChatPhotoMethods.PHOTO_PATH, chatPhotos::serve, 0);
        http.route(AttachmentMethods.UPLOAD_PATH, attachments::upload, MAX_UPLOAD_BODY);
        http.route(AttachmentMethods.CONTENT_PATH, attachments::serve, 0);
        http.holdingRoute(LongPollServer.PATH, longPoll, form);
        VkIdBrowserSessions browserSessions = new VkIdBrowserSessions(Clock.systemUTC());
        boolean secure = tls.isPresent();
        http.route(LoginForm.PATH, new LoginPagesHandler(vkId, browserSessions, secure, builder.showSmsCodes),
                form);
        http.route(OAuthHandler.PREFIX, new OAuthHandler(new TokenEndpoint(vkId, idTokens),
                new UserEndpoints(engine, idTokens)), form);
        http.route(JwksHandler.PATH, new JwksHandler(idTokens), 0);
        VkIdSdkHandler vkIdSdk = new VkIdSdkHandler();
        http.route(VkIdSdkHandler.CONFIG_PATH, vkIdSdk, form);
        http.route(VkIdSdkHandler.STATS_PATH, vkIdSdk, form);
        http.route("/call/", new CallPageHandler(engine, baseUri, browserSessions), form); // and join links point here
        MaxJson maxJson = new MaxJson(engine);
        this.maxUpdates = new MaxUpdates(engine, maxJson);
        http.route("/", new ControlApiHandler(demoSchool, rosterSeed, new VkIdControl(vkId), clock, engine.calls()::tick,
                () -> bots(engine, demoBot)), ControlRequest.MAX_BODY_BYTES);
        http.start();
        if (builder.maxPort >= 0) {
            // the MAX face (F-EMB-08, docs/wire/max.md): the Bot API at the root of its own port, same engine
            this.maxWebhooks = new MaxWebhooks(maxUpdates, clock.clock());
            EmulatorHttpServer max = EmulatorHttpServer.open(builder.maxPort, Optional.empty(), Optional.empty(),
                    builder.idleTimeoutMs);
            MaxUploads maxUploads = new MaxUploads(engine);
            max.route(MaxUploads.PATH, maxUploads::handle, MAX_UPLOAD_BODY);
            max.holdingRoute("/", new MaxApiHandler(engine, maxJson, maxUpdates, maxWebhooks, maxUploads),
                    MAX_BOT_BODY);
            max.start();
            this.maxServer = Optional.of(max);
        } else {
            this.maxWebhooks = null;
            this.maxServer = Optional.empty();
        }
        LOG.debug("Sferum emulator listening on {}", baseUri);
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
     * Writes the emulator's TLS certificate as PEM, for browsers and other JVMs to trust (a JVM: a trust store with
     * this certificate; a browser: import it as an authority, or start Chromium with it in its NSS database).
     *
     * @param file where to write it (replaced)
     * @throws IllegalStateException when the emulator listens without TLS
     * @throws UncheckedIOException if the file cannot be written
     */
    public void exportCertificate(Path file) {
        tls.orElseThrow(() -> new IllegalStateException("the emulator listens without TLS; start it with tls(true)"))
                .exportPem(Objects.requireNonNull(file, "file"));
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
        engine.calls().tick();
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

    /** The store of uploaded bytes (memory cap, disk spill): for tests that check nothing was buffered. */
    SpillingBlobStore blobStore() {
        return blobs;
    }

    /**
     * Returns the demo school, when the emulator was started with it.
     *
     * @return the school
     */
    public Optional<DemoSchool> demoSchool() {
        return demoSchool;
    }

    /**
     * Returns where the MAX face listens ({@code http://127.0.0.1:PORT}, the MAX Bot API at its root), when the
     * emulator was started with {@link Builder#maxPort(int)}.
     *
     * @return the MAX face's base URI
     */
    public Optional<URI> maxUri() {
        return maxServer.map(max -> URI.create("http://127.0.0.1:" + max.port()));
    }

    /**
     * Returns the demo school's bot, when the emulator was started with the demo school. It is in no chat until a
     * chat's admin adds it; its token works on the MAX face.
     *
     * @return the bot
     */
    public Optional<SeededBot> demoBot() {
        return demoBot;
    }

    /**
     * The bots for {@code GET /_emulator/demo}: {@code [{id, name, token, chats: [{chat_id, peer_id}]}]}, each
     * chat by its MAX {@code chat_id} and its VK {@code peer_id} (the same engine chat), read now.
     */
    private static com.fasterxml.jackson.databind.node.ArrayNode bots(PlatformEngine engine,
                                                                      Optional<SeededBot> bots) {
        com.fasterxml.jackson.databind.node.ArrayNode list = JsonNodes.array();
        for (SeededBot bot : bots.stream().toList()) {
            com.fasterxml.jackson.databind.node.ObjectNode json = list.addObject();
            json.put("id", bot.id().value());
            json.put("name", bot.name());
            json.put("token", bot.token().secret());
            com.fasterxml.jackson.databind.node.ArrayNode chats = json.putArray("chats");
            for (org.sferum.sdk.chats.ChatId chat : engine.chats().chatsOf(bot.id())) {
                if (chat.isGroup()) {
                    chats.addObject().put("chat_id", MaxJson.chatId(chat)).put("peer_id", chat.peerId());
                }
            }
        }
        return list;
    }

    /**
     * Returns the roster seeded with {@link Builder#seedRoster}, with its service accounts' tokens.
     *
     * @return the seed, if any
     */
    public Optional<RosterSeed> rosterSeed() {
        return rosterSeed;
    }

    /** How many chat photo upload tickets and unused uploads the emulator holds: for tests. */
    int heldChatPhotoUploads() {
        return engine.attachments().heldChatPhotoUploads();
    }

    /** Stops the server and its threads. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        longPoll.close(); // answers the held long poll requests first
        if (maxWebhooks != null) {
            maxWebhooks.close();
        }
        maxUpdates.close();
        maxServer.ifPresent(EmulatorHttpServer::close);
        server.close();
        blobs.close();
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
        new MessageExtrasMethods(engine, messageJson, conversationJson).register(methods);
        new DocsPollsMethods(engine).register(methods);
        new ChatActionsMethods(engine).register(methods);
        new ChatStyleMethods(engine).register(methods);
        new CallsMethods(engine).register(methods);
        new RosterMethods(engine).register(methods); // docs/wire/roster.md
        new SupportMethods(engine).register(methods); // docs/wire/support.md
        new DirectMethods(engine).register(methods); // after MessagesMethods: wraps messages.send
        return methods;
    }

    /** Chooses how an emulator starts. Not thread-safe; build one emulator per builder. */
    public static final class Builder {
        private int port;
        private Clock clock;
        private boolean seedDemo = true;
        private org.sferum.sdk.roster.RosterSnapshot roster;
        private double rosterLinked = 1.0;
        private boolean showSmsCodes;
        private boolean tls;
        private List<String> tlsNames = List.of();
        private Optional<String> controlToken = Optional.empty();
        private long idleTimeoutMs = EmulatorHttpServer.IDLE_TIMEOUT_MS;
        private int maxPort = -1;
        private String bindAddress = EmulatorHttpServer.LOOPBACK;

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
         * Starts the MAX face (F-EMB-08): the MAX Bot API on its own port, over the same engine, plain HTTP on
         * 127.0.0.1 ({@code docs/wire/max.md}). Off by default.
         *
         * @param port 1 to 65535, or 0 for a free port
         * @return this builder
         */
        public Builder maxPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("the MAX port must be between 0 and 65535, got " + port);
            }
            this.maxPort = port;
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
         * Seeds a roster ({@link RosterSeed#seed}, the command line's {@code --seed oneroster:DIR[:linked=F]}): a VK ID
         * account for each person with a phone, the fraction {@code linkedFraction} of them linked, a service account
         * per school, whose tokens {@code GET /_emulator/demo} lists under {@code roster}.
         *
         * @param snapshot the roster
         * @param linkedFraction the share of people linked, 0 to 1
         * @return this builder
         */
        public Builder seedRoster(org.sferum.sdk.roster.RosterSnapshot snapshot, double linkedFraction) {
            this.roster = java.util.Objects.requireNonNull(snapshot, "snapshot");
            this.rosterLinked = linkedFraction;
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
         * Chooses whether the VK ID pages show the SMS code they sent, marked as the emulator's (for a demo that a
         * person walks without a phone, docs/wire/call-page.md); off by default, as a real VK ID never shows it.
         *
         * @param show {@code true} to show it on the SMS pages
         * @return this builder
         */
        public Builder showSmsCodes(boolean show) {
            this.showSmsCodes = show;
            return this;
        }

        /**
         * Chooses whether to listen over HTTPS (HTTP/2 and HTTP/1.1 by ALPN), with a self-signed certificate for
         * {@code 127.0.0.1}, {@code ::1} and {@code localhost} (and {@link #tlsNames}) made in-process at start;
         * clients trust it with {@link SferumEmulator#sslContext()} or its PEM ({@link SferumEmulator#exportCertificate}).
         *
         * @param tls {@code true} for HTTPS, {@code false} (the default) for plain HTTP
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Adds names to the TLS certificate besides {@code 127.0.0.1}, {@code ::1} and {@code localhost}, such as
         * {@code id.vk.ru} and {@code api.vk.ru} for clients that must reach the emulator under VK's names (mapped
         * to 127.0.0.1 in the hosts file). Makes a new certificate for this emulator.
         *
         * @param names DNS names or IP addresses
         * @return this builder
         * @throws IllegalArgumentException at {@link #start()} for a name that is neither
         */
        public Builder tlsNames(List<String> names) {
            this.tlsNames = List.copyOf(names);
            return this;
        }

        /**
         * Requires a token on every request of the control API ({@code /_emulator/*}), in the header
         * {@code X-Emulator-Token}; without it (the default) the control API answers any request whose
         * {@code Host} is the loopback.
         *
         * @param token the token, at least 16 characters
         * @return this builder
         * @throws IllegalArgumentException when the token is shorter
         */
        public Builder controlToken(String token) {
            if (token == null || token.length() < 16 || !token.chars().allMatch(c -> c > ' ' && c <= '~')) {
                throw new IllegalArgumentException("the control token must be at least 16 printable ASCII characters");
            }
            this.controlToken = Optional.of(token);
            return this;
        }

        /**
         * Sets how long a connection may stay silent before the emulator closes it (a held long poll is not cut).
         *
         * @param timeout at least one second; the default is 30 seconds
         * @return this builder
         * @throws IllegalArgumentException when shorter
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the idle timeout must be at least one second, got " + timeout);
            }
            this.idleTimeoutMs = timeout.toMillis();
            return this;
        }

        /**
         * Sets the IP address the emulator listens on instead of 127.0.0.1, such as {@code 0.0.0.0} inside a
         * container whose port is published on the host's loopback. Links and {@link #start() baseUri()} still name
         * 127.0.0.1 and the port, and the control API still answers only to a loopback {@code Host}; anyone who
         * reaches the address reaches the emulator, so set a {@link #controlToken(String) control token}.
         *
         * @param address an IPv4 or IPv6 literal
         * @return this builder
         * @throws IllegalArgumentException when it is not an IP literal
         */
        public Builder bindAddress(String address) {
            if (!isIpLiteral(address)) {
                throw new IllegalArgumentException("the bind address must be an IP address such as 0.0.0.0, got '"
                        + address + "'");
            }
            this.bindAddress = address;
            return this;
        }

        /** Whether the text is an IPv4 or IPv6 literal (no name, so that nothing is looked up). */
        static boolean isIpLiteral(String text) {
            return text != null && (text.matches("(\\d{1,3}\\.){3}\\d{1,3}")
                    && java.util.Arrays.stream(text.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255)
                    || text.matches("[0-9a-fA-F:]*:[0-9a-fA-F:]*") && text.length() <= 39);
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
