package org.sferum.sdk.benchmarks.roster;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.roster.plan.RosterPlanner;

/**
 * Measures the heap a region's snapshot and plan keep, per person (F-EMB-01): reads the region, collects garbage,
 * takes the used heap, plans, and again. Run with the heap the issue allows: {@code java -Xmx1g -cp
 * benchmarks/target/sferum-benchmarks.jar org.sferum.sdk.benchmarks.roster.RosterMemory DIR}.
 */
public final class RosterMemory {
    private RosterMemory() {
    }

    /**
     * Prints the figures.
     *
     * @param args the region's directory
     */
    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long base = used(memory);
        long t0 = System.nanoTime();
        RosterSnapshot snapshot = OneRosterReader.on(LocalDate.of(2026, 10, 1)).read(Path.of(args[0]));
        long t1 = System.nanoTime();
        long afterRead = used(memory);
        RosterPlan plan = RosterPlanner.plan(snapshot, PlatformView.emptyAllLinked(), PlanOptions.defaults());
        long t2 = System.nanoTime();
        long afterPlan = used(memory);
        long people = snapshot.people().size();
        System.out.printf("people %d, invalid rows %d, counts %s%n", people, snapshot.invalidRows().size(),
                plan.counts());
        System.out.printf("read %d ms, plan %d ms (max heap %d MB)%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("snapshot %d MB = %d bytes a person; plan (%d changes) %d MB = %d bytes a person%n",
                (afterRead - base) >> 20, (afterRead - base) / people, plan.size(), (afterPlan - afterRead) >> 20,
                (afterPlan - afterRead) / people);
    }

    private static long used(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
