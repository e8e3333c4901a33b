package org.sferum.sdk.benchmarks.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.fake.FakeSferum;
import org.sferum.sdk.users.Role;

/**
 * Applying a roster plan on the fake (F-EMB-01): a generated region (the {@link RegionGenerator}'s schools), every
 * person linked, planned against a fresh engine, then applied. Single shots, each on a fresh platform; the
 * {@code changes} counter divided by the time is the rate of changes (chat creations and, mostly, members added).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RosterApplyBenchmark {

    /** A region read once. */
    @State(Scope.Benchmark)
    public static class Region {
        /** Schools in the region: 10 is about 20,000 people. */
        @Param({"10"})
        public int schools;
        /** The snapshot. */
        public RosterSnapshot snapshot;

        /**
         * Writes the region unless it is there, and reads it.
         *
         * @throws IOException if it cannot be written
         */
        @Setup(Level.Trial)
        public void read() throws IOException {
            Path dir = Path.of("target/region-" + schools);
            if (!Files.exists(dir.resolve("enrollments.csv"))) {
                RegionGenerator.write(dir, schools);
            }
            snapshot = OneRosterReader.on(RosterPlanBenchmark.TODAY).read(dir);
        }
    }

    /** A fresh fake with everybody linked, and the plan against it. */
    @State(Scope.Thread)
    public static class Platform {
        /** The fake. */
        public FakeSferum fake;
        /** The plan. */
        public RosterPlan plan;

        /**
         * Makes the platform and plans.
         *
         * @param region the region
         */
        @Setup(Level.Iteration)
        public void fresh(Region region) {
            fake = FakeSferum.builder().build();
            PlatformEngine engine = fake.engine();
            for (RosterPerson person : region.snapshot.people()) {
                engine.roster().accountLinked(person.id(),
                        engine.users().createUser(person.givenName(), person.familyName(), Role.STUDENT));
            }
            plan = fake.roster().plan(region.snapshot);
        }
    }

    /** The changes applied, for the rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Changes {
        /** Changes applied in the shot. */
        public long changes;
    }

    /**
     * Applies the plan.
     *
     * @param platform the platform and its plan
     * @param counted where the number of changes goes
     * @return the result
     */
    @Benchmark
    public ApplyResult applyOnFake(Platform platform, Changes counted) {
        return applyCounted(platform.fake.roster(), platform.plan, counted);
    }

    /**
     * Applies a plan, failing on any refused change, and counts what was applied.
     *
     * @param roster where
     * @param plan the plan
     * @param counted the counter
     * @return the result
     */
    static ApplyResult applyCounted(org.sferum.sdk.roster.Roster roster, RosterPlan plan, Changes counted) {
        ApplyResult result = roster.apply(plan, ApplyOptions.defaults());
        if (result.failed() > 0) {
            throw new IllegalStateException("changes failed: " + result.failures().get(0));
        }
        counted.changes += result.applied();
        return result;
    }
}
