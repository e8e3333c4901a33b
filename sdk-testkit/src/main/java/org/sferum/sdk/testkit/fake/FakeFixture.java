package org.sferum.sdk.testkit.fake;

import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/**
 * The fake as a face of the contract tests: a {@link FakeSferum} with the demo school seeded, on a
 * {@link TestClock} that {@link #advanceClock} moves, with its scripted VK ID users.
 *
 * <pre>{@code
 * class MyChatsTest extends ChatListContract {
 *     protected SferumFixture openFixture() { return FakeFixture.open(); }
 * }
 * }</pre>
 */
public final class FakeFixture implements SferumFixture {
    /** Where the fixture's clock starts: 1 September 2026, 09:00 Moscow time. */
    public static final Instant START = Instant.parse("2026-09-01T06:00:00Z");

    private final TestClock clock;
    private final FakeSferum fake;

    private FakeFixture(TestClock clock, FakeSferum fake) {
        this.clock = clock;
        this.fake = fake;
    }

    /**
     * Opens a fresh fake.
     *
     * @return the fixture
     */
    public static FakeFixture open() {
        TestClock clock = TestClock.at(START);
        return new FakeFixture(clock, FakeSferum.builder().clock(clock).seedDemo(true).build());
    }

    /**
     * Opens a fresh fake that offers only what the public VK API and VK ID carry
     * ({@link FakeSferum.Builder#vkProfile()}): the contracts that need more are excluded from it by name.
     *
     * @return the fixture
     */
    public static FakeFixture vkProfile() {
        TestClock clock = TestClock.at(START);
        return new FakeFixture(clock, FakeSferum.builder().clock(clock).seedDemo(true).vkProfile().build());
    }

    /**
     * Returns the fake itself, to reach its engine.
     *
     * @return the fake
     */
    public FakeSferum fake() {
        return fake;
    }

    @Override
    public Sferum sferum() {
        return fake;
    }

    @Override
    public DemoSchool school() {
        return fake.demoSchool().orElseThrow();
    }

    @Override
    public void failRosterAfter(long operations) {
        fake.engine().roster().failAfter(operations);
    }

    @Override
    public VkIdUsers vkId() {
        return fake.vkId();
    }

    @Override
    public CallGuests guests() {
        return fake.guests();
    }

    @Override
    public void advanceClock(Duration amount) {
        clock.advance(amount);
        fake.engine().calls().tick();
    }

    @Override
    public void close() {
        fake.close();
    }
}
