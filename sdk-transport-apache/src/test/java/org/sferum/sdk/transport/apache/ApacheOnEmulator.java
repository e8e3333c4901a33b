package org.sferum.sdk.transport.apache;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * The contracts' face with the Apache transport: sdk-core talking HTTP to a fresh emulator on loopback, its
 * transport found by plugin discovery (this module's {@code META-INF/services} entry), not set on the builder.
 */
final class ApacheOnEmulator implements SferumFixture {
    private final TestClock clock;
    private final SferumEmulator emulator;
    private final SferumClient client;

    private ApacheOnEmulator() {
        clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
        client = SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .clock(clock)
                .build();
        if (!(client.transport() instanceof ApacheHttpTransport)) {
            client.close();
            emulator.close();
            throw new IllegalStateException("discovery chose " + client.transport().getClass().getName()
                    + ", not the Apache transport");
        }
    }

    static ApacheOnEmulator open() {
        return new ApacheOnEmulator();
    }

    SferumEmulator emulator() {
        return emulator;
    }

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
        emulator.engine().calls().tick();
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
