package org.sferum.sdk.emulator;

import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.TestServerProvider;

/**
 * Lets the testkit's JUnit extension hand a test a {@link SferumEmulator} (found through
 * {@link java.util.ServiceLoader}; the emulator itself does not depend on JUnit): on a free loopback port, the demo
 * school seeded, reading the test's clock.
 */
public final class EmulatorServerProvider implements TestServerProvider<SferumEmulator> {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public EmulatorServerProvider() {
    }

    @Override
    public Class<SferumEmulator> type() {
        return SferumEmulator.class;
    }

    @Override
    public SferumEmulator start(TestClock clock) {
        return SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
    }

    @Override
    public DemoSchool demoSchool(SferumEmulator server) {
        return server.demoSchool().orElseThrow();
    }
}
