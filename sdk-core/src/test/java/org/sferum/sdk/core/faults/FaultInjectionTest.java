package org.sferum.sdk.core.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * The fault-injection suite (issue 12, F-MSG-11): 1,000 messages with edits, deletes and chat changes go through an
 * HTTP proxy that faults the wire in front of the emulator, and 500 through a scripted faulty transport; the engine then
 * shows that nothing was lost or doubled and that every call the caller saw fail had no effect (or threw
 * {@code OutcomeUnknownException}). Seeded and deterministic; for a longer run:
 * {@code mvn -pl sdk-core -am verify -Dtest=FaultInjectionTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsferum.faults.messages=20000 -Dsferum.faults.seed=7}.
 */
class FaultInjectionTest {
    private static final long SEED = Long.getLong("sferum.faults.seed", 20261206L);
    private static final int MESSAGES = Integer.getInteger("sferum.faults.messages", 1000);
    /** The share of requests that get a fault. */
    private static final double RATE = 0.4;

    private SferumEmulator emulator;
    private DemoSchool school;
    private SferumClient clean;

    @BeforeEach
    void start() {
        emulator = SferumEmulator.builder().seedDemo(true).port(0).start();
        school = emulator.demoSchool().orElseThrow();
        clean = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri())).discoverPlugins(false)
                .build();
    }

    @AfterEach
    void stop() {
        clean.close();
        emulator.close();
    }

    private SferumClient faultyClient(URI base, Transport transport, Duration timeout) {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(base))
                .transport(transport)
                .requestTimeout(timeout)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(4).withJitter(0))
                .sleeper(wait -> { })
                .discoverPlugins(false)
                .build();
    }

    private FaultScenario scenario(SferumClient faulty) {
        return new FaultScenario(faulty.session(school.teacher().token()), clean.session(school.teacher().token()),
                emulator.engine(), school.teacher().id(), school.students().get(0).id(), SEED);
    }

    @Test
    @DisplayName("F-MSG-11 issue 12: through a scripted faulty transport nothing is lost, doubled, or reported failed"
            + " when it took effect")
    void scriptedTransport() throws Exception {
        FaultPlan plan = new FaultPlan(SEED, RATE);
        FaultInjectingTransport transport = new FaultInjectingTransport(new JdkHttpTransport(Duration.ofSeconds(5)),
                plan);
        try (SferumClient faulty = faultyClient(emulator.baseUri(), transport, Duration.ofSeconds(10))) {
            FaultScenario scenario = scenario(faulty);
            // Half the proxy run's size: the same faults without the wire, to keep the suite under two minutes.
            scenario.run(Math.max(1, MESSAGES / 2));
            transport.flush();
            scenario.requireWork();
            scenario.verify();
            assertEveryFaultInjected(plan);
            assertTrue(scenario.count(FaultScenario.Seen.UNKNOWN) + scenario.count(FaultScenario.Seen.FAILED) > 0,
                    () -> "the faults must make some calls fail: " + scenario.summary());
        }
    }

    @Test
    @DisplayName("F-MSG-11 issue 12: through a faulty HTTP proxy in front of the emulator nothing is lost, doubled,"
            + " or reported failed when it took effect")
    void httpProxy() throws Exception {
        FaultPlan plan = new FaultPlan(SEED + 1, RATE);
        Duration timeout = Duration.ofMillis(250);
        try (FaultProxy proxy = new FaultProxy(emulator.baseUri(), plan, timeout.plusMillis(150));
             SferumClient faulty = faultyClient(proxy.uri(), new JdkHttpTransport(Duration.ofSeconds(2)), timeout)) {
            FaultScenario scenario = scenario(faulty);
            scenario.run(MESSAGES);
            proxy.awaitIdle(Duration.ofSeconds(10));
            scenario.requireWork();
            scenario.verify();
            assertEveryFaultInjected(plan);
        }
    }

    private static void assertEveryFaultInjected(FaultPlan plan) {
        for (Fault fault : Fault.values()) {
            assertTrue(plan.count(fault) > 0, () -> fault + " was never injected: " + plan.summary());
        }
    }
}
