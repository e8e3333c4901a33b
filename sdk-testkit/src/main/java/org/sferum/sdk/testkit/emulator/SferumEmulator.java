package org.sferum.sdk.testkit.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform engine behind the VK API wire format ({@code docs/wire/vk-api.md}) on a loopback HTTP server: the
 * VK API under {@code /method/{name}}, the control API under {@code /_emulator/}. It listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (SferumEmulator emulator = SferumEmulator.start()) {
 *     URI api = emulator.baseUri();               // http://127.0.0.1:PORT
 *     DemoSchool school = emulator.demoSchool().orElseThrow();
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

    private final PlatformEngine engine;
    private final Optional<DemoSchool> demoSchool;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SferumEmulator(Builder builder) {
        this.engine = new PlatformEngine(builder.clock);
        this.demoSchool = builder.seedDemo ? Optional.of(DemoSchool.seed(engine)) : Optional.empty();
        InetAddress loopback = ipv4Loopback();
        try {
            this.server = HttpServer.create(new InetSocketAddress(loopback, builder.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator cannot listen on 127.0.0.1:" + builder.port
                    + "; choose another port or 0 for a free one", e);
        }
        this.executor = Executors.newFixedThreadPool(THREADS, SferumEmulator::thread);
        server.setExecutor(executor);
        server.createContext(VkCallReader.PREFIX, new VkApiHandler(new VkApi(engine, methods(engine))));
        server.createContext("/", new ControlApiHandler(demoSchool));
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        LOG.debug("Sferum emulator listening on {}", baseUri);
    }

    /**
     * Starts an emulator on a free port, with the demo school seeded and the system clock in UTC.
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
     * Returns where the emulator listens, without a trailing slash: {@code http://127.0.0.1:PORT}. The VK API is at
     * {@code baseUri() + "/method/{name}"}.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Returns the engine behind the wire, to arrange or inspect state in tests.
     *
     * @return the engine
     */
    public PlatformEngine engine() {
        return engine;
    }

    /**
     * Returns the demo school, when the emulator was started with it.
     *
     * @return the school
     */
    public Optional<DemoSchool> demoSchool() {
        return demoSchool;
    }

    /** Stops the server and its threads. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
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
        new UsersMethods(engine).register(methods);
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
        private Clock clock = Clock.systemUTC();
        private boolean seedDemo = true;

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
         * Sets the clock the engine reads; a {@code TestClock} lets tests move time.
         *
         * @param clock the clock; the default is the system clock in UTC
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
