package org.sferum.sdk.benchmarks.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.roster.plan.RosterPlanner;

/**
 * Roster sync's offline work on a generated region (F-EMB-01), with {@code -Xmx1g} as the issue asks: reading the
 * OneRoster files, planning the snapshot against an empty platform where everybody is linked (the most changes),
 * and both together (what {@code sferum roster plan} does). Single shots: each is seconds long. The region is
 * written once into {@code target/region-SCHOOLS} (or the directory in {@code -Dsferum.region=DIR}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RosterPlanBenchmark {
    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);

    /** The region's files. */
    @State(Scope.Benchmark)
    public static class Region {
        /** Schools in the region: 500 is a million people. */
        @Param({"500"})
        public int schools;
        /** The directory of the files. */
        public Path dir;

        /**
         * Writes the region unless it is there.
         *
         * @throws IOException if it cannot be written
         */
        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Path.of(System.getProperty("sferum.region", "target/region-" + schools));
            if (!Files.exists(dir.resolve("enrollments.csv"))) {
                RegionGenerator.write(dir, schools);
            }
        }
    }

    /** The region read into a snapshot. */
    @State(Scope.Benchmark)
    public static class Snapshot {
        /** The snapshot. */
        public RosterSnapshot snapshot;

        /**
         * Reads the region.
         *
         * @param region the files
         */
        @Setup(Level.Trial)
        public void read(Region region) {
            snapshot = OneRosterReader.on(TODAY).read(region.dir);
            if (!snapshot.isValid()) {
                throw new IllegalStateException("generated region is invalid: " + snapshot.invalidRows().get(0));
            }
        }
    }

    /**
     * Plans a read snapshot.
     *
     * @param s the snapshot
     * @return the plan
     */
    @Benchmark
    public RosterPlan plan(Snapshot s) {
        return RosterPlanner.plan(s.snapshot, PlatformView.emptyAllLinked(), PlanOptions.defaults());
    }

    /**
     * Reads the files.
     *
     * @param region the files
     * @return the snapshot
     */
    @Benchmark
    public RosterSnapshot read(Region region) {
        return OneRosterReader.on(TODAY).read(region.dir);
    }

    /**
     * Reads and plans, as {@code sferum roster plan --assume-linked} does.
     *
     * @param region the files
     * @return the plan's counts
     */
    @Benchmark
    public RosterPlan.Counts readAndPlan(Region region) {
        RosterSnapshot snapshot = OneRosterReader.on(TODAY).read(region.dir);
        return RosterPlanner.plan(snapshot, PlatformView.emptyAllLinked(), PlanOptions.defaults()).counts();
    }
}
