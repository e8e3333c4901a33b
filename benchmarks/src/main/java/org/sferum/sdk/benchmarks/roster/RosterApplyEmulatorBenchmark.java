package org.sferum.sdk.benchmarks.roster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RosterServiceAccounts;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.School;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;

/**
 * Applying a roster plan through sdk-core against the emulator over loopback HTTP (F-EMB-01), with and without
 * VK's {@code execute} batching of member changes ({@code callsPerExecute} 25, or 1: each
 * {@code messages.addChatUser} its own request). Single shots, each on a fresh emulator where everybody of the
 * generated region is linked; the {@code changes} counter divided by the time is the rate of changes applied
 * (chat creations through the partner's {@code messages.createChat}, one request each, and, mostly, members added).
 * The emulator runs in the benchmark's JVM, so the figure is client and server together on the same cores.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RosterApplyEmulatorBenchmark {

    /** A fresh emulator with everybody linked, a client, and the plan against it. */
    @State(Scope.Thread)
    public static class Platform {
        /** Member changes per {@code execute}: 25 (the default) or 1 (no batching). */
        @Param({"25", "1"})
        public int callsPerExecute;
        /** The emulator. */
        public SferumEmulator emulator;
        /** The client. */
        public SferumClient client;
        /** The plan. */
        public RosterPlan plan;

        /**
         * Starts the emulator, links everybody and plans.
         *
         * @param region the region
         */
        @Setup(Level.Iteration)
        public void fresh(RosterApplyBenchmark.Region region) {
            emulator = SferumEmulator.builder().port(0).seedDemo(false).start();
            PlatformEngine engine = emulator.engine();
            for (RosterPerson person : region.snapshot.people()) {
                engine.roster().accountLinked(person.id(),
                        engine.users().createUser(person.givenName(), person.familyName(), Role.STUDENT));
            }
            Map<String, AccessToken> tokens = new LinkedHashMap<>();
            for (School school : region.snapshot.schools()) {
                tokens.put(school.id(), AccessToken.of(engine.roster().serviceToken(school.id())));
            }
            client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri()))
                    .rosterServiceAccounts(RosterServiceAccounts.of(tokens)).rosterCallsPerExecute(callsPerExecute)
                    .discoverPlugins(false).build();
            plan = client.roster().plan(region.snapshot);
        }

        /** Stops the client and the emulator. */
        @TearDown(Level.Iteration)
        public void stop() {
            client.close();
            emulator.close();
        }
    }

    /**
     * Applies the plan against the emulator.
     *
     * @param platform the emulator, the client and the plan
     * @param counted where the number of changes goes
     * @return the result
     */
    @Benchmark
    public ApplyResult applyOnEmulator(Platform platform, RosterApplyBenchmark.Changes counted) {
        return RosterApplyBenchmark.applyCounted(platform.client.roster(), platform.plan, counted);
    }
}
