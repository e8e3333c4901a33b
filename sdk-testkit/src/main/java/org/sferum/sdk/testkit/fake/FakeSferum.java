package org.sferum.sdk.testkit.fake;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.Capability;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.internal.Backend;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.vkid.VkIdUsers;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The in-memory fake of the whole SDK: the {@link PlatformEngine} behind the sdk-api interfaces, enforcing the
 * same rules as the emulator and (as the contract tests show) the real client against it. Fast and
 * deterministic; use it in unit tests of code that embeds the SDK.
 *
 * <pre>{@code
 * FakeSferum sferum = FakeSferum.builder().seedDemo(true).build();
 * SferumSession teacher = sferum.sessionOf(sferum.demoSchool().orElseThrow().teacher());
 * }</pre>
 *
 * <p>By default the fake offers every implemented {@link Capability}. Build it with
 * {@link Builder#vkProfile()} (what {@code Endpoints.vk()} offers) or {@link Builder#capabilities(Set)} to see how
 * an embedding UI behaves on a smaller backend: operations outside the set throw the same
 * {@link org.sferum.sdk.error.UnsupportedCapabilityException} as sdk-core, before the engine is touched.
 */
public final class FakeSferum implements Sferum {
    private final PlatformEngine engine;
    private final DemoSchool demoSchool;
    private final FakeLinks links;
    private final Backend backend;

    private FakeSferum(PlatformEngine engine, DemoSchool demoSchool, FakeLinks links, Backend backend) {
        this.engine = engine;
        this.demoSchool = demoSchool;
        this.links = links;
        this.backend = backend;
    }

    /**
     * A fake with the demo school seeded and the system clock.
     *
     * @return the fake
     */
    public static FakeSferum withDemoSchool() {
        return builder().seedDemo(true).build();
    }

    /**
     * Starts building a fake.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the engine, to seed or inspect state directly.
     *
     * @return the engine
     */
    public PlatformEngine engine() {
        return engine;
    }

    /**
     * Returns the demo school, when seeded.
     *
     * @return the school
     */
    public Optional<DemoSchool> demoSchool() {
        return Optional.ofNullable(demoSchool);
    }

    /**
     * Returns anonymous guests joining this fake's calls by link, as Sferum's call page lets them (F-CALL-07).
     *
     * @return the guests driver
     */
    public CallGuests guests() {
        return new FakeCallGuests(engine);
    }

    /**
     * Returns VK ID's users behind this fake: they open the authorization URIs of {@code links().start} and walk
     * the login pages over the engine's {@link PlatformEngine#vkId() VK ID}.
     *
     * @return the VK ID users
     */
    public VkIdUsers vkId() {
        return new FakeVkIdUsers(engine.vkId());
    }

    /**
     * Returns a view of this fake, over the same engine and stores, that offers only what the public VK API and
     * VK ID carry (as {@link Builder#vkProfile()}): to show one platform through a smaller backend.
     *
     * @return the restricted view
     */
    public FakeSferum vkProfile() {
        return new FakeSferum(engine, demoSchool, links, Backend.of("fake (VK API profile)", Backend.VK_API));
    }

    /**
     * Acts as a seeded user.
     *
     * @param user the user
     * @return the session
     */
    public SferumSession sessionOf(SeededUser user) {
        return session(user.token());
    }

    @Override
    public Set<Capability> capabilities() {
        return backend.capabilities();
    }

    @Override
    public String backend() {
        return backend.name();
    }

    @Override
    public Links links() {
        backend.check("Sferum.links");
        return backend.guard(Links.class, links);
    }

    @Override
    public Roster roster() {
        backend.check("Sferum.roster");
        return new FakeRoster(engine);
    }

    @Override
    public SferumSession session(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        backend.check("Sferum.session(SchoolAccountId)");
        links.currentToken(account); // fails at once when the account is not linked
        return backend.guard(SferumSession.class, FakeSession.forToken(engine, () -> links.currentToken(account)));
    }

    @Override
    public SferumSession session(AccessToken token) {
        Objects.requireNonNull(token, "token");
        return backend.guard(SferumSession.class, FakeSession.forToken(engine, () -> token));
    }

    @Override
    public void close() {
        // Nothing to release: the fake holds no threads or connections.
    }

    /** Builds a {@link FakeSferum}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean seedDemo;
        private String clientId = DemoSchool.CLIENT_ID;
        private String redirectUri = DemoSchool.REDIRECT_URI;
        private LinkStore linkStore = LinkStore.inMemory();
        private TokenStore tokenStore = TokenStore.inMemory();
        private Backend backend = Backend.of("fake", Backend.IMPLEMENTED);

        private Builder() {
        }

        /**
         * Offers only these capabilities (the default is every implemented one): the rest throw
         * {@link org.sferum.sdk.error.UnsupportedCapabilityException} naming the backend {@code fake}.
         *
         * @param value what the fake offers
         * @return this builder
         */
        public Builder capabilities(Set<Capability> value) {
            this.backend = Backend.of("fake", Objects.requireNonNull(value, "capabilities"));
            return this;
        }

        /**
         * Offers what the public VK API and VK ID carry ({@code Endpoints.vk()} in sdk-core), under the backend name
         * {@code fake (VK API profile)}: no calls, recordings, chat settings, list actions or reports.
         *
         * @return this builder
         */
        public Builder vkProfile() {
            this.backend = Backend.of("fake (VK API profile)", Backend.VK_API);
            return this;
        }

        /**
         * Sets the clock every time-dependent rule reads, such as a {@link org.sferum.sdk.testkit.TestClock}.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Seeds the {@link DemoSchool}.
         *
         * @param value whether to seed it
         * @return this builder
         */
        public Builder seedDemo(boolean value) {
            this.seedDemo = value;
            return this;
        }

        /**
         * Sets the school system's VK ID application, as on sdk-core's builder. Defaults to the demo school's
         * client ({@link DemoSchool#CLIENT_ID}, {@link DemoSchool#REDIRECT_URI}); another client must be
         * registered first with {@code engine().vkId().registerClient}.
         *
         * @param id the client id
         * @param redirect the redirect URI
         * @return this builder
         */
        public Builder application(String id, String redirect) {
            this.clientId = Objects.requireNonNull(id, "client id");
            this.redirectUri = Objects.requireNonNull(redirect, "redirect URI");
            return this;
        }

        /**
         * Sets where links and pending linkings are kept (default: {@link LinkStore#inMemory()}).
         *
         * @param store the store
         * @return this builder
         */
        public Builder linkStore(LinkStore store) {
            this.linkStore = Objects.requireNonNull(store, "link store");
            return this;
        }

        /**
         * Sets where tokens are kept (default: {@link TokenStore#inMemory()}).
         *
         * @param store the store
         * @return this builder
         */
        public Builder tokenStore(TokenStore store) {
            this.tokenStore = Objects.requireNonNull(store, "token store");
            return this;
        }

        /**
         * Builds the fake.
         *
         * @return the fake
         */
        public FakeSferum build() {
            PlatformEngine engine = new PlatformEngine(clock);
            DemoSchool school = seedDemo ? DemoSchool.seed(engine) : null;
            return new FakeSferum(engine, school,
                    new FakeLinks(engine, clientId, redirectUri, linkStore, tokenStore), backend);
        }
    }
}
