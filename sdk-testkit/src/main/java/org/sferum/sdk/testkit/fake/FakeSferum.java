package org.sferum.sdk.testkit.fake;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.PlatformEngine;
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

    private FakeSferum(PlatformEngine engine, DemoSchool demoSchool) {
        this.engine = engine;
        this.demoSchool = demoSchool;
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
        throw new UnsupportedOperationException(
                "linking arrives with the linking issue (F-LINK-*); see docs/status.md");
    }

    @Override
    public Roster roster() {
        throw new UnsupportedOperationException("roster sync (F-EMB-01) is not implemented yet; see docs/status.md");
    }

    @Override
    public SferumSession session(SchoolAccountId account) {
        throw new UnsupportedOperationException(
                "sessions of linked school accounts arrive with the linking issue; see docs/status.md");
    }

    @Override
    public SferumSession session(AccessToken token) {
        return new FakeSession(engine, Objects.requireNonNull(token, "token"));
    }

    @Override
    public void close() {
        // Nothing to release: the fake holds no threads or connections.
    }

    /** Builds a {@link FakeSferum}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean seedDemo;

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
         * Builds the fake.
         *
         * @return the fake
         */
        public FakeSferum build() {
            PlatformEngine engine = new PlatformEngine(clock);
            return new FakeSferum(engine, seedDemo ? DemoSchool.seed(engine) : null);
        }
    }
}
