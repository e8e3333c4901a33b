package org.sferum.sdk.testkit.fake;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
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
 */
public final class FakeSferum implements Sferum {
    private final PlatformEngine engine;
    private final DemoSchool demoSchool;
    private final FakeLinks links;

    private FakeSferum(PlatformEngine engine, DemoSchool demoSchool, FakeLinks links) {
        this.engine = engine;
        this.demoSchool = demoSchool;
        this.links = links;
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
     * Acts as a seeded user.
     *
     * @param user the user
     * @return the session
     */
    public SferumSession sessionOf(SeededUser user) {
        return session(user.token());
    }

    @Override
    public Links links() {
        return links;
    }

    @Override
    public Roster roster() {
        throw new UnsupportedOperationException("roster sync (F-EMB-01) is not implemented yet; see docs/status.md");
    }

    @Override
    public SferumSession session(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        links.currentToken(account); // fails at once when the account is not linked
        return FakeSession.forToken(engine, () -> links.currentToken(account));
    }

    @Override
    public SferumSession session(AccessToken token) {
        Objects.requireNonNull(token, "token");
        return FakeSession.forToken(engine, () -> token);
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

        private Builder() {
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
                    new FakeLinks(engine, clientId, redirectUri, linkStore, tokenStore));
        }
    }
}
