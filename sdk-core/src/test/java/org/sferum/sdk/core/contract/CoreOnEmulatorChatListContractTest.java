package org.sferum.sdk.core.contract;

import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.contract.ChatListContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

/**
 * The chat list and per-user chat actions contract against sdk-core talking HTTP to the emulator on loopback; one
 * test clock for both, so that a mute's end is the same instant on each side of the wire.
 */
class CoreOnEmulatorChatListContractTest extends ChatListContract {
    @Override
    protected SferumFixture openFixture() {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        SferumEmulator emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
        SferumClient client = SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .clock(clock)
                .discoverPlugins(false)
                .build();
        return new SferumFixture() {
            @Override
            public Sferum sferum() {
                return client;
            }

            @Override
            public DemoSchool school() {
                return emulator.demoSchool().orElseThrow();
            }

            @Override
            public void advanceClock(Duration amount) {
                clock.advance(amount);
            }

            @Override
            public void close() {
                client.close();
                emulator.close();
            }
        };
    }
}
