package org.sferum.sdk.core;

import org.sferum.sdk.core.wire.Log;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.sferum.sdk.Capability;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.links.LinkSettings;
import org.sferum.sdk.core.links.Linking;
import org.sferum.sdk.core.roster.WireRoster;
import org.sferum.sdk.core.session.WireSession;
import org.sferum.sdk.core.max.MaxApi;
import org.sferum.sdk.core.max.MaxLinkButtons;
import org.sferum.sdk.core.max.MaxSession;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportProvider;
import org.sferum.sdk.core.wire.Metrics;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.WireRoutes;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.internal.Backend;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The real {@link Sferum}: talks to the VK API (or an emulator of it) over HTTP. Immutable and thread-safe; build
 * one per application with {@link #builder()}, share it, and {@link #close()} it when the application stops.
 *
 * <pre>{@code
 * try (SferumClient sferum = SferumClient.builder().endpoints(Endpoints.vk()).build()) {
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
 *
 * <p>Linking school accounts to VK ID ({@link #links()}) and acting as a linked account
 * ({@link #session(SchoolAccountId)}) need the application registered at VK ID:
 *
 * <pre>{@code
 * SferumClient sferum = SferumClient.builder().endpoints(Endpoints.vk())
 *         .application("51000000", URI.create("https://school.example/sferum/callback"))
 *         .build();
 * LinkStart start = sferum.links().start(account, Role.TEACHER);   // redirect the browser there
 * Link link = sferum.links().complete(callbackUri, signedInAccount);  // on the redirect back, for the account
 *                                                                     // signed in to that browser (CSRF-safe)
 * SferumSession teacher = sferum.session(account);                     // tokens refreshed as needed
 * }</pre>
 *
 * <p>Plugins (F-EMB-03, {@code docs/plugins.md}): stores, request interceptors, client-wide event listeners and
 * metrics, set on the builder or found with {@link ServiceLoader}. Client-wide event listeners receive only the
 * events of the accounts named in {@link #subscribeAll(Collection)}; no plugin but the stores sees a token.
 */
public final class SferumClient implements Sferum {
    /** The VK API version sent by default. */
    public static final String DEFAULT_API_VERSION = "5.199";
    /** How long one attempt waits for its answer by default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The requests a second a user token may send to VK's public API, the default rate limit there. */
    public static final int DEFAULT_USER_TOKEN_RATE = 3;
    private static final Log LOG = Log.get(SferumClient.class);
    private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,4}");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final Endpoints endpoints;
    private final String apiVersion;
    private final Transport transport;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final List<RequestInterceptor> interceptors;
    private final List<SferumEventListener> eventListeners;
    private final Metrics metrics;
    private final VkApi api;
    private final LinkStore linkStore;
    private final TokenStore tokenStore;
    /** Linking and account sessions; {@code null} when the builder was given no application. */
    private final Linking linking;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What the endpoints offer, and the guard of every operation (org.sferum.sdk.internal.OperationTable). */
    private final Backend backend;
    /** The MAX Bot API's wire, with {@code Endpoints.max(…)}; {@code null} otherwise. */
    private final MaxApi maxApi;
    /** The schools' service accounts for roster sync; {@code null} when not given. */
    private final RosterServiceAccounts rosterServiceAccounts;
    private final int rosterCallsPerExecute;

    private SferumClient(Builder builder, Transport transport, List<RequestInterceptor> interceptors,
                         LinkStore linkStore, TokenStore tokenStore, List<SferumEventListener> eventListeners,
                         List<SferumMetrics> metrics) {
        this.endpoints = builder.endpoints;
        this.apiVersion = builder.apiVersion;
        this.transport = transport;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.interceptors = List.copyOf(interceptors);
        this.eventListeners = List.copyOf(eventListeners);
        this.metrics = Metrics.of(metrics);
        this.api = new VkApi(transport, routes(endpoints), apiVersion, requestTimeout, retryPolicy,
                builder.sleeper, clock, this.interceptors, this.metrics)
                .shaping(builder.requestsPerSecond >= 0 ? builder.requestsPerSecond
                        : "api.vk.ru".equals(endpoints.api().getHost()) || "api.vk.com".equals(endpoints.api().getHost())
                        ? DEFAULT_USER_TOKEN_RATE : 0, builder.coalesceWindow);
        this.backend = endpoints.backendProfile();
        this.maxApi = endpoints.botToken().isPresent()
                ? new MaxApi(transport, endpoints.api(), requestTimeout, retryPolicy, builder.sleeper) : null;
        this.linkStore = linkStore;
        this.tokenStore = tokenStore;
        this.rosterServiceAccounts = builder.rosterServiceAccounts;
        this.rosterCallsPerExecute = builder.rosterCallsPerExecute;
        this.linking = builder.clientId == null ? null : Linking.builder()
                .settings(new LinkSettings(builder.clientId, builder.redirectUri, withoutSlash(endpoints.id()),
                        builder.idTokenIssuer != null ? builder.idTokenIssuer : withoutSlash(endpoints.id()),
                        requestTimeout))
                .stores(linkStore, tokenStore)
                .wire(transport, api, this.interceptors)
                .clock(clock)
                .keys(builder.idTokenKeys.signingKeys())
                .notifyRoster(builder.rosterServiceAccounts != null && backend.capabilities().contains(Capability.ROSTER))
                .build();
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
     * Links school accounts to VK ID educational profiles ({@code docs/wire/vk-id.md}): the OAuth 2.1
     * authorization code flow with PKCE (S256), state and nonce, the ID token checked with the
     * {@link Builder#idTokenKeys(IdTokenKeys) configured keys}, links and tokens kept in the client's
     * {@link #linkStore()} and {@link #tokenStore()}.
     *
     * @return the links client
     * @throws IllegalStateException if the builder was given no {@link Builder#application(String, URI)
     *     application}, or the client is closed
     */
    @Override
    public Links links() {
        ensureOpen();
        backend.check("Sferum.links");
        return backend.guard(Links.class, linking().links());
    }

    /**
     * Roster sync ({@code docs/roster.md}, {@code docs/wire/roster.md}) as the schools' service accounts given to
     * {@link Builder#rosterServiceAccounts(RosterServiceAccounts)}: plans read the platform's automatic chats and
     * links; applies add and remove members through VK's {@code execute}, 25 calls a request, throttled by the
     * client's {@link Builder#rateLimit(int) rate limit}, retrying VK's errors 6 and 9 with backoff.
     *
     * @return the roster client
     * @throws org.sferum.sdk.error.UnsupportedCapabilityException when the endpoints lack the partner contract
     * @throws IllegalStateException when the builder was given no service accounts, or the client is closed
     */
    @Override
    public Roster roster() {
        ensureOpen();
        backend.check("Sferum.roster");
        if (rosterServiceAccounts == null) {
            throw new IllegalStateException("roster sync acts as the schools' service accounts: give their tokens"
                    + " with SferumClient.builder().rosterServiceAccounts(...)");
        }
        return new WireRoster(api, rosterServiceAccounts, rosterCallsPerExecute);
    }

    /**
     * Returns what the {@link Endpoints} offer ({@link Endpoints#capabilities()}); every operation outside it
     * throws {@link org.sferum.sdk.error.UnsupportedCapabilityException} before anything is sent.
     *
     * @return an immutable set
     */
    @Override
    public Set<Capability> capabilities() {
        return backend.capabilities();
    }

    /**
     * Returns the backend's name ({@link Endpoints#backend()}).
     *
     * @return the name
     */
    @Override
    public String backend() {
        return backend.name();
    }

    /**
     * Acts as the VK ID user linked to a school account. Every call uses the account's current access token from
     * the {@link #tokenStore()}, refreshed first when it expires within 60 seconds on the client's clock (once for
     * all threads that need it at the same time; the rotated tokens are stored), and refreshed once more when the
     * service refuses it (VK errors 5 and 1117), the call then being repeated once.
     *
     * @param account the school account
     * @return the session
     * @throws org.sferum.sdk.error.NotFoundException with {@code NOT_LINKED} if the account is not linked
     * @throws org.sferum.sdk.error.RelinkRequiredException if no tokens are stored for it, and later from any call
     *     whose refresh VK ID refused
     * @throws IllegalStateException if the builder was given no {@link Builder#application(String, URI)
     *     application}, or the client is closed
     */
    @Override
    public SferumSession session(SchoolAccountId account) {
        Checks.notNull(account, "school account");
        ensureOpen();
        backend.check("Sferum.session(SchoolAccountId)");
        return backend.guard(SferumSession.class, new WireSession(api, linking().sessionTokens(account), clock));
    }

    /**
     * Acts as the user of an access token. Cheap: nothing is sent until the session's first call, where the
     * service checks the token. With {@link Endpoints#max(AccessToken) Endpoints.max(…)} the token is a bot token
     * and the session is the bot's over the MAX Bot API ({@code BOT_MESSAGING} and {@code EVENTS} only).
     *
     * @param token the token
     * @return the session
     * @throws IllegalStateException if the client is closed
     */
    @Override
    public SferumSession session(AccessToken token) {
        Checks.notNull(token, "access token");
        ensureOpen();
        if (maxApi != null) {
            return backend.guard(SferumSession.class, MaxSession.of(maxApi, token));
        }
        return backend.guard(SferumSession.class, new WireSession(api, token, clock));
    }

    /**
     * A MAX bot's webhook (F-EMB-08): the receiver a web server calls with each request MAX sends (the secret
     * checked in constant time), and the subscription that points MAX at it. Only with
     * {@link Endpoints#max(AccessToken) Endpoints.max(…)}.
     *
     * @param botToken the bot's token
     * @param secret the secret MAX sends in {@code X-Max-Bot-Api-Secret}: 5 to 256 of A-Z, a-z, 0-9, _ and -
     * @param listener where the decoded events go
     * @return the webhook
     * @throws IllegalStateException if the client is not on the MAX Bot API, or is closed
     * @throws org.sferum.sdk.error.ValidationException if the secret breaks the rule
     */
    public MaxWebhook maxWebhook(AccessToken botToken, String secret, SferumEventListener listener) {
        Checks.notNull(botToken, "bot token");
        ensureOpen();
        if (maxApi == null) {
            throw new IllegalStateException("webhooks are the MAX Bot API's: build the client with Endpoints.max(…),"
                    + " not " + backend.name());
        }
        return new MaxWebhook(MaxSession.of(maxApi, botToken), secret, listener);
    }

    /**
     * A MAX bot's messages with link buttons under them (F-EMB-08), such as «Подключиться» to a lesson's call: the
     * MAX Bot API's {@code inline_keyboard}, which the SDK's {@code Draft} does not carry. Only with
     * {@link Endpoints#max(AccessToken) Endpoints.max(…)}. Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param botToken the bot's token
     * @return the bot's link buttons
     * @throws IllegalStateException if the client is not on the MAX Bot API, or is closed
     */
    public MaxLinkButtons maxLinkButtons(AccessToken botToken) {
        Checks.notNull(botToken, "bot token");
        ensureOpen();
        if (maxApi == null) {
            throw new IllegalStateException("link buttons are the MAX Bot API's: build the client with"
                    + " Endpoints.max(…), not " + backend.name());
        }
        return MaxLinkButtons.of(MaxSession.of(maxApi, botToken));
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
     * Returns the HTTP transport the client sends with: the builder's, else the one a discovered
     * {@link TransportProvider} made, else a {@link JdkHttpTransport}.
     *
     * @return the transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Returns where links and pending linkings are kept: the builder's, else the one declared as a service, else
     * a new in-memory store.
     *
     * @return the link store
     */
    public LinkStore linkStore() {
        return linkStore;
    }

    /**
     * Returns where linked accounts' tokens are kept: the builder's, else the one declared as a service, else a
     * new in-memory store.
     *
     * @return the token store
     */
    public TokenStore tokenStore() {
        return tokenStore;
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

    /**
     * Returns the client-wide event listeners: those set on the builder, in order, then those found with
     * {@link ServiceLoader}. They receive the events of the accounts given to {@link #subscribeAll(Collection)},
     * and of no other session.
     *
     * @return the listeners
     */
    public List<SferumEventListener> eventListeners() {
        return eventListeners;
    }

    /**
     * Returns the metrics plugins every call, retry, token refresh and long poll reconnection is reported to:
     * those set on the builder, in order, then those found with {@link ServiceLoader}; empty when nothing is
     * counted.
     *
     * @return the metrics plugins
     */
    public List<SferumMetrics> metrics() {
        return metrics.plugins();
    }

    /**
     * Delivers the events of these linked accounts to the client-wide {@link #eventListeners() event listeners},
     * each through {@link SferumEventListener#onEvent(SchoolAccountId, SferumEvent)} with the account it was
     * delivered to, until the returned subscription (or the client) is closed (F-EMB-03). This is the only way
     * client-wide listeners receive anything: a session's own {@code events().subscribe(listener)} delivers to
     * its listener only, so a listener found on the class path never sees a user's events unless the embedder
     * named that user's account here.
     *
     * <p>Each account gets its own events subscription ({@code session(account).events()}), without a thread of its
     * own: all share the client's events executor, a handful of threads. The listeners receive each account's
     * events in order, and the events of different accounts concurrently.
     * All or nothing: if an account cannot be subscribed, those already subscribed are closed and the failure is
     * thrown.
     *
     * @param accounts the linked accounts; repeated ones count once
     * @return the subscription of them all; closing it stops every delivery
     * @throws org.sferum.sdk.error.NotFoundException with {@code NOT_LINKED} if an account is not linked
     * @throws org.sferum.sdk.error.SferumException if an account's events could not be subscribed (its tokens
     *     refused, the service unreachable)
     * @throws IllegalStateException if there is no client-wide listener, the builder was given no
     *     {@link Builder#application(String, URI) application}, or the client is closed
     */
    public Subscription subscribeAll(Collection<SchoolAccountId> accounts) {
        Checks.notNull(accounts, "accounts");
        List<SchoolAccountId> each = List.copyOf(new LinkedHashSet<>(accounts));
        ensureOpen();
        if (eventListeners.isEmpty()) {
            throw new IllegalStateException("no client-wide event listener to deliver to: add one with"
                    + " SferumClient.builder().eventListener(…) or declare one as a service");
        }
        List<Subscription> opened = new ArrayList<>(each.size());
        try {
            for (SchoolAccountId account : each) {
                opened.add(session(account).events().subscribe(event -> deliver(account, event)));
            }
        } catch (RuntimeException e) {
            opened.forEach(Subscription::close);
            throw e;
        }
        return new Subscription() {
            @Override
            public void close() {
                opened.forEach(Subscription::close);
            }

            @Override
            public String toString() {
                return "SferumClient.subscribeAll[" + opened.size() + " accounts]";
            }
        };
    }

    private void deliver(SchoolAccountId account, SferumEvent event) {
        for (SferumEventListener listener : eventListeners) {
            try {
                listener.onEvent(account, event);
            } catch (RuntimeException e) {
                LOG.warn("a client-wide event listener ({}) threw {}; the next events are still delivered",
                        listener.getClass().getName(), e.getClass().getName());
            }
        }
    }

    /** Closes the transport. Idempotent; sessions of a closed client fail on their next call. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            api.close();
            if (linking != null) {
                linking.close();
            }
            transport.close();
        }
    }

    private Linking linking() {
        if (linking == null) {
            throw new IllegalStateException("linking school accounts needs the application's VK ID client id and"
                    + " redirect URI: set them with SferumClient.builder().application(clientId, redirectUri)");
        }
        return linking;
    }

    private static WireRoutes routes(Endpoints endpoints) {
        return endpoints.partner().isEmpty() ? WireRoutes.vk(endpoints.api())
                : WireRoutes.withPartner(endpoints.api(), endpoints.partner().get(),
                        endpoints.partnerCredentials().map(PartnerCredentials::key).orElse(null));
    }

    private static String withoutSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the Sferum client is closed; build a new one");
        }
    }

    @Override
    public String toString() {
        return "SferumClient[" + backend.name() + ", api=" + endpoints.api() + ", v=" + apiVersion
                + (closed.get() ? ", closed]" : "]");
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
        private int requestsPerSecond = -1;
        private int rosterCallsPerExecute = WireRoster.CALLS_PER_EXECUTE;
        private Duration coalesceWindow = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private final List<RequestInterceptor> interceptors = new ArrayList<>();
        private final List<SferumEventListener> eventListeners = new ArrayList<>();
        private final List<SferumMetrics> metrics = new ArrayList<>();
        private boolean discoverPlugins = true;
        private String clientId;
        private URI redirectUri;
        private LinkStore linkStore;
        private TokenStore tokenStore;
        private IdTokenKeys idTokenKeys = IdTokenKeys.none();
        private String idTokenIssuer;
        private RosterServiceAccounts rosterServiceAccounts;

        private Builder() {
        }

        /**
         * Gives the tokens of the schools' service accounts, which roster sync acts as ({@link #roster()}). A client
         * with them also tells the platform (partner {@code roster.linkAccount} / {@code roster.unlinkAccount}) when
         * an account links or unlinks, so that its automatic chats take it in or let it go at once.
         *
         * @param value the service accounts
         * @return this builder
         */
        public Builder rosterServiceAccounts(RosterServiceAccounts value) {
            this.rosterServiceAccounts = java.util.Objects.requireNonNull(value, "roster service accounts");
            return this;
        }

        /**
         * Sets how many member changes of a roster apply go in one VK {@code execute} (default and most
         * {@value WireRoster#CALLS_PER_EXECUTE}); 1 sends each {@code messages.addChatUser} or
         * {@code messages.removeChatUser} as its own request, for a gateway without {@code execute} (and to measure
         * what batching gains, docs/performance.md).
         *
         * @param value 1 to {@value WireRoster#CALLS_PER_EXECUTE}
         * @return this builder
         */
        public Builder rosterCallsPerExecute(int value) {
            Checks.require(value >= 1 && value <= WireRoster.CALLS_PER_EXECUTE, ErrorCode.INVALID_ARGUMENT,
                    "member changes per execute must be 1 to " + WireRoster.CALLS_PER_EXECUTE);
            this.rosterCallsPerExecute = value;
            return this;
        }

        /**
         * Sets where the services are, and so what the client can do: {@link Endpoints#vk()}, with
         * {@link Endpoints#withPartner(URI, PartnerCredentials) the partner contract}, or an emulator's. Required.
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
         * in {@link SferumClient#close()}. Without one, a transport plugin's {@link TransportProvider} declared as a
         * service makes it when {@link #discoverPlugins(boolean) discovery} is on (such as
         * {@code org.sferum:sferum-transport-apache}); otherwise it is a {@link JdkHttpTransport} with the
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
         * Limits the requests each access token sends in any second (issue 15): a call over the limit waits for its
         * turn instead of failing with VK error 6 ("too many requests"). Every attempt counts; an {@code execute}
         * of up to 25 calls is one request. The default is {@value #DEFAULT_USER_TOKEN_RATE} a second (VK's limit
         * for a user token) against VK's public API ({@link Endpoints#vk()}) and no limit elsewhere (the emulator,
         * a partner gateway with its own limits).
         *
         * @param value requests a second per token, 1 to 1000; 0 for no limit
         * @return this builder
         */
        public Builder rateLimit(int value) {
            Checks.require(value >= 0 && value <= 1000, ErrorCode.INVALID_ARGUMENT,
                    "the rate limit must be 0 (none) to 1000 requests a second");
            this.requestsPerSecond = value;
            return this;
        }

        /**
         * Turns on automatic coalescing (issue 15): VK API calls made on one token (from any threads) within the
         * window after the first go out together as one {@code execute} of up to 25 calls, each caller getting its
         * own answer or error. Off by default: every call then waits up to the window for company, which costs
         * latency when calls are rare. Partner-contract methods are never coalesced (VK's {@code execute} cannot
         * call them).
         *
         * @param window how long the first call of a group waits, up to one second; zero turns coalescing off
         * @return this builder
         */
        public Builder coalesce(Duration window) {
            Checks.notNull(window, "coalescing window");
            Checks.require(!window.isNegative() && window.compareTo(Duration.ofSeconds(1)) <= 0,
                    ErrorCode.INVALID_ARGUMENT, "the coalescing window must be 0 to 1 second");
            this.coalesceWindow = window;
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
         * Adds a client-wide event listener, which receives the events of the accounts given to
         * {@link SferumClient#subscribeAll(Collection)} and nothing else. Repeatable; called in the order added,
         * before any found by {@link #discoverPlugins(boolean) discovery}.
         *
         * @param value the listener; it should override {@link SferumEventListener#onEvent(SchoolAccountId,
         *     SferumEvent)} to know whose event it is
         * @return this builder
         */
        public Builder eventListener(SferumEventListener value) {
            eventListeners.add(Checks.notNull(value, "event listener"));
            return this;
        }

        /**
         * Adds a metrics plugin, told of every call, retry, token refresh and long poll reconnection. Repeatable;
         * called in the order added, before any found by {@link #discoverPlugins(boolean) discovery}. Without
         * any, nothing is counted ({@link SferumMetrics#none()}).
         *
         * @param value the metrics plugin
         * @return this builder
         */
        public Builder metrics(SferumMetrics value) {
            metrics.add(Checks.notNull(value, "metrics"));
            return this;
        }

        /**
         * Sets the application as registered at VK ID: needed by {@link SferumClient#links()} and
         * {@link SferumClient#session(SchoolAccountId)}, which throw {@link IllegalStateException} without it.
         *
         * @param clientId the application's VK ID client id, such as {@code 51000000}
         * @param redirectUri where VK ID sends the browser back after the login, exactly as registered: an absolute
         *     URI without fragment, such as {@code https://school.example/sferum/callback}
         * @return this builder
         */
        public Builder application(String clientId, URI redirectUri) {
            Checks.notNull(clientId, "client id");
            Checks.notNull(redirectUri, "redirect URI");
            Checks.require(CLIENT_ID.matcher(clientId).matches(), ErrorCode.INVALID_ARGUMENT,
                    "the client id must be 1 to 128 printable ASCII characters without spaces");
            String scheme = redirectUri.getScheme() == null ? "" : redirectUri.getScheme().toLowerCase(Locale.ROOT);
            Checks.require(redirectUri.isAbsolute() && redirectUri.getRawFragment() == null
                            && (!scheme.startsWith("http") || redirectUri.getHost() != null), ErrorCode.INVALID_ARGUMENT,
                    "the redirect URI must be absolute and without fragment, such as https://school.example/callback");
            this.clientId = clientId;
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * Sets where links and pending linkings are kept. The default is the one {@link LinkStore} declared as a
         * service when {@link #discoverPlugins(boolean) discovery} is on, else {@link LinkStore#inMemory()}.
         *
         * @param value the store
         * @return this builder
         */
        public Builder linkStore(LinkStore value) {
            this.linkStore = Checks.notNull(value, "link store");
            return this;
        }

        /**
         * Sets where linked accounts' tokens are kept. The default is the one {@link TokenStore} declared as a
         * service when {@link #discoverPlugins(boolean) discovery} is on, else {@link TokenStore#inMemory()}.
         *
         * @param value the store
         * @return this builder
         */
        public Builder tokenStore(TokenStore value) {
            this.tokenStore = Checks.notNull(value, "token store");
            return this;
        }

        /**
         * Sets where the keys that check ID tokens come from; the default, {@link IdTokenKeys#none()}, asks VK ID
         * through {@code /oauth2/public_info}.
         *
         * @param value the key source
         * @return this builder
         */
        public Builder idTokenKeys(IdTokenKeys value) {
            this.idTokenKeys = Checks.notNull(value, "ID token keys");
            return this;
        }

        /**
         * Sets the {@code iss} ID tokens must carry; the default is the VK ID endpoint without a trailing slash
         * (such as {@code https://id.vk.com}).
         *
         * @param value the issuer
         * @return this builder
         */
        public Builder idTokenIssuer(String value) {
            Checks.notNull(value, "ID token issuer");
            Checks.require(!value.isBlank(), ErrorCode.INVALID_ARGUMENT, "the ID token issuer must not be blank");
            this.idTokenIssuer = value;
            return this;
        }

        /**
         * Sets whether request interceptors, client-wide event listeners and metrics plugins declared as services
         * ({@code provides} in {@code module-info.java}, or a file such as
         * {@code META-INF/services/org.sferum.sdk.spi.RequestInterceptor}) are found with {@link ServiceLoader}
         * and added after the builder's, and whether a {@link LinkStore}, a {@link TokenStore} and a
         * {@link TransportProvider} declared as services are used when none is set (F-EMB-03). On by default. Discovered event listeners still receive
         * nothing until {@link SferumClient#subscribeAll(Collection)} is called.
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
         * @throws IllegalStateException if a discovered plugin cannot be loaded, or more than one link store,
         *     token store or transport provider is declared as a service (the message names them)
         */
        public SferumClient build() {
            Checks.require(endpoints != null, ErrorCode.INVALID_ARGUMENT,
                    "set the endpoints: Endpoints.vk(), or an emulator's");
            List<RequestInterceptor> all = new ArrayList<>(interceptors);
            List<SferumEventListener> listeners = new ArrayList<>(eventListeners);
            List<SferumMetrics> counters = new ArrayList<>(metrics);
            if (discoverPlugins) {
                all.addAll(Plugins.all(RequestInterceptor.class));
                listeners.addAll(Plugins.all(SferumEventListener.class));
                counters.addAll(Plugins.all(SferumMetrics.class));
            }
            LinkStore links = linkStore != null ? linkStore : discoverPlugins
                    ? Plugins.single(LinkStore.class, "linkStore(…)").orElseGet(LinkStore::inMemory)
                    : LinkStore.inMemory();
            TokenStore tokens = tokenStore != null ? tokenStore : discoverPlugins
                    ? Plugins.single(TokenStore.class, "tokenStore(…)").orElseGet(TokenStore::inMemory)
                    : TokenStore.inMemory();
            Transport chosen = transport != null ? transport : discoverPlugins
                    ? Plugins.single(TransportProvider.class, "transport(…)")
                            .map(provider -> provider.create(connectTimeout))
                            .orElseGet(() -> new JdkHttpTransport(connectTimeout))
                    : new JdkHttpTransport(connectTimeout);
            return new SferumClient(this, chosen, all, links, tokens, listeners, counters);
        }

        private static Duration positive(Duration value, String name) {
            Checks.notNull(value, name);
            Checks.require(!value.isNegative() && !value.isZero(), ErrorCode.INVALID_ARGUMENT,
                    name + " must be positive, got " + value);
            return value;
        }
    }
}
