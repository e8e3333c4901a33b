package org.sferum.sdk.testkit.fake;

import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.contract.ChatListContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat list and per-user chat actions contract against the in-memory fake, on a test clock. */
class FakeChatListContractTest extends ChatListContract {
    @Override
    protected SferumFixture openFixture() {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        FakeSferum fake = FakeSferum.builder().clock(clock).seedDemo(true).build();
        return new SferumFixture() {
            @Override
            public Sferum sferum() {
                return fake;
            }

            @Override
            public DemoSchool school() {
                return fake.demoSchool().orElseThrow();
            }

            @Override
            public void advanceClock(Duration amount) {
                clock.advance(amount);
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }
}
