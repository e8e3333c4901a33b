package org.sferum.sdk.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.session.WireSession;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The real {@link Sferum}: talks to the VK API (or an emulator of it) over HTTP. Immutable and thread-safe; build
 * one per application with {@link #builder()}, share it, and {@link #close()} it when the application stops.
 *
 * <pre>{@code
 * try (SferumClient sferum = SferumClient.builder().endpoints(Endpoints.production()).build()) {
 *     SferumSession teacher = sferum.session(AccessToken.of(token));
 *     Message sent = teacher.messages().send(chat, Draft.text("Домашнее задание"));
 * }
 * }</pre>
 *
 * <p>Every call carries the token in an {@code Authorization} header (never in a URL or a form body) and an
 * {@code X-Request-Id} that the call's exceptions also carry. Transient failures are retried with the
 * {@link RetryPolicy}: rate limits and failed connections for every call; service errors and timeouts only for
 * calls that are safe to repeat (reads, and sends, which a {@code random_id} makes idempotent), so that a chat is
 * never created twice. Logging goes through SLF4J at DEBUG, one line per attempt, without tokens, message text
 * or personal data.
 */
public final class SferumClient implements Sferum {
    /** The VK API version sent by default. */
    public static final String DEFAULT_API_VERSION = "5.199";
    /** How long one attempt waits for its answer by default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,4}");
    private static final String LINKING = "arrives with the linking issue; see docs/status.md";

    private final Endpoints endpoints;
    private final String apiVersion;
    private final Transport transport;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final List<RequestInterceptor> interceptors;
    private final VkApi api;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SferumClient(Builder builder, Transport transport, List<RequestInterceptor> interceptors) {
        this.endpoints = builder.endpoints;
        this.apiVersion = builder.apiVersion;
        this.transport = transport;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.interceptors = List.copyOf(interceptors);
        this.api = new VkApi(transport, endpoints.api(), apiVersion, requestTimeout, retryPolicy, builder.sleeper,
                clock, this.interceptors);
    }

    /**
     * Starts building a client. Only {@link Builder#endpoints(Endpoints)} must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Not available yet.
     *
     * @return never
     * @throws UnsupportedOperationException always, until the linking issue
     */
    @Override
    public Links links() {
        throw new UnsupportedOperationException("Sferum.links() " + LINKING);
    }

    /**
     * Not available yet.
     *
     * @return never
     * @throws UnsupportedOperationException always, until the linking issue
     */
    @Override
    public Roster roster() {
        throw new UnsupportedOperationException("Sferum.roster() " + LINKING);
    }

    /**
     * Not available yet: acting as a linked school account needs the link and token stores.
     *
     * @param account the school account
     * @return never
     * @throws UnsupportedOperationException always, until the linking issue
     */
    @Override
    public SferumSession session(SchoolAccountId account) {
        throw new UnsupportedOperationException("Sferum.session(SchoolAccountId) " + LINKING);
    }

    /**
     * Acts as the user of an access token. Cheap: nothing is sent until the session's first call, where the
     * service checks the token.
     *
     * @param token the token
     * @return the session
     * @throws IllegalStateException if the client is closed
     */
    @Override
    public SferumSession session(AccessToken token) {
        Checks.notNull(token, "access token");
        ensureOpen();
        return new WireSession(api, token, clock);
    }

    /**
     * Returns the endpoints this client talks to.
     *
     * @return the endpoints
     */
    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * Returns the VK API version sent as {@code v}.
     *
     * @return the version
     */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Returns how long one attempt waits for its answer.
     *
     * @return the timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns how failed calls are repeated.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the request interceptors every attempt goes through: those set on the builder, in order, then those
     * found with {@link ServiceLoader}.
     *
     * @return the interceptors
     */
    public List<RequestInterceptor> interceptors() {
        return interceptors;
    }

    /** Closes the transport. Idempotent; sessions of a closed client fail on their next call. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            api.close();
            transport.close();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the Sferum client is closed; build a new one");
        }
    }

    @Override
    public String toString() {
        return "SferumClient[api=" + endpoints.api() + ", v=" + apiVersion + (closed.get() ? ", closed]" : "]");
    }

    /** Builds a {@link SferumClient}. Not thread-safe; each {@link #build()} makes an independent client. */
    public static final class Builder {
        private Endpoints endpoints;
        private String apiVersion = DEFAULT_API_VERSION;
        private Transport transport;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private final List<RequestInterceptor> interceptors = new ArrayList<>();
        private boolean discoverPlugins = true;

        private Builder() {
        }

        /**
         * Sets where the services are: {@link Endpoints#production()} or an emulator's. Required.
         *
         * @param value the endpoints
         * @return this builder
         */
        public Builder endpoints(Endpoints value) {
            this.endpoints = Checks.notNull(value, "endpoints");
            return this;
        }

        /**
         * Sets the VK API version sent as {@code v}; the default is {@value SferumClient#DEFAULT_API_VERSION},
         * the version the wire contract follows.
         *
         * @param value the version, such as {@code 5.199}
         * @return this builder
         */
        public Builder apiVersion(String value) {
            Checks.notNull(value, "API version");
            Checks.require(VERSION.matcher(value).matches(), ErrorCode.INVALID_ARGUMENT,
                    "API version must look like 5.199, got " + value);
            this.apiVersion = value;
            return this;
        }

        /**
         * Sets the HTTP transport, to use another HTTP client or, in tests, scripted answers. The client closes it
         * in {@link SferumClient#close()}. The default is a {@link JdkHttpTransport} with the
         * {@link #connectTimeout(Duration) connect timeout}.
         *
         * @param value the transport
         * @return this builder
         */
        public Builder transport(Transport value) {
            this.transport = Checks.notNull(value, "transport");
            return this;
        }

        /**
         * Sets how long one attempt waits for its whole answer; the default is 10 seconds.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "request timeout");
            return this;
        }

        /**
         * Sets how long opening a connection may take, for the default transport; the default is 5 seconds.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connect timeout");
            return this;
        }

        /**
         * Sets how failed calls are repeated; the default is {@link RetryPolicy#defaults()}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Checks.notNull(value, "retry policy");
            return this;
        }

        /**
         * Sets how the client waits between attempts; tests pass one that records and returns at once.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Checks.notNull(value, "sleeper");
            return this;
        }

        /**
         * Sets the clock that time-dependent rules read (a chat's mute end, attempt durations); the default is
         * the system clock in UTC.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /**
         * Adds a request interceptor (headers, metrics, tracing), called on every attempt. Repeatable; called in
         * the order added, before any found by {@link #discoverPlugins(boolean) discovery}.
         *
         * @param value the interceptor
         * @return this builder
         */
        public Builder interceptor(RequestInterceptor value) {
            interceptors.add(Checks.notNull(value, "request interceptor"));
            return this;
        }

        /**
         * Sets whether request interceptors declared as services ({@code provides} in {@code module-info.java},
         * or {@code META-INF/services/org.sferum.sdk.spi.RequestInterceptor}) are found with
         * {@link ServiceLoader} and added (F-EMB-03). On by default.
         *
         * @param value whether to discover plugins
         * @return this builder
         */
        public Builder discoverPlugins(boolean value) {
            this.discoverPlugins = value;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws org.sferum.sdk.error.ValidationException if the endpoints are not set
         * @throws IllegalStateException if a discovered plugin cannot be loaded
         */
        public SferumClient build() {
            Checks.require(endpoints != null, ErrorCode.INVALID_ARGUMENT,
                    "set the endpoints: Endpoints.production(), or an emulator's");
            List<RequestInterceptor> all = new ArrayList<>(interceptors);
            if (discoverPlugins) {
                all.addAll(discover());
            }
            Transport chosen = transport != null ? transport : new JdkHttpTransport(connectTimeout);
            return new SferumClient(this, chosen, all);
        }

        private static List<RequestInterceptor> discover() {
            List<RequestInterceptor> found = new ArrayList<>();
            try {
                for (RequestInterceptor interceptor : ServiceLoader.load(RequestInterceptor.class)) {
                    found.add(interceptor);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a RequestInterceptor plugin could not be loaded; fix or remove it,"
                        + " or build the client with discoverPlugins(false)", e);
            }
            return found;
        }

        private static Duration positive(Duration value, String name) {
            Checks.notNull(value, name);
            Checks.require(!value.isNegative() && !value.isZero(), ErrorCode.INVALID_ARGUMENT,
                    name + " must be positive, got " + value);
            return value;
        }
    }
}
