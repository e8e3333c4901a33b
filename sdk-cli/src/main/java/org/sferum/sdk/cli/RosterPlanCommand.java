package org.sferum.sdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sferum.sdk.roster.InvalidRow;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.roster.plan.RosterPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sferum roster plan --oneroster DIR [--json] [--emulator URL|--endpoint URL]}: reads a OneRoster directory
 * and plans its automatic chats against an empty platform (offline), or against the live one, printing the counts. Exit code 1 when the roster has invalid rows (unless
 * {@code --skip-invalid}), 0 otherwise.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan the automatic chats of a OneRoster roster: offline (against an empty platform), or"
                + " against a live one with --emulator or --endpoint.")
public final class RosterPlanCommand implements Callable<Integer> {
    /** Invalid rows printed on standard error before the rest is only counted. */
    static final int SHOWN_INVALID_ROWS = 20;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--oneroster", paramLabel = "DIR", required = true,
            description = "The OneRoster 1.2 (or 1.1) CSV directory: manifest.csv, orgs.csv, users.csv …")
    private Path directory;

    @Option(names = "--json", description = "Print one JSON object with the counts.")
    private boolean json;

    @Option(names = "--skip-invalid", description = "Plan the valid part of a roster that has invalid rows.")
    private boolean skipInvalid;

    @Option(names = "--assume-linked",
            description = "Count everybody as linked to VK ID (by default nobody is: everybody is pending).")
    private boolean assumeLinked;

    @Option(names = "--today", paramLabel = "DATE",
            description = "The day that decides the current school year (default: today).")
    private LocalDate today;

    @CommandLine.Mixin
    private PlatformOptions platform = new PlatformOptions();

    @Option(names = "--no-progress", description = "Print no progress on standard error.")
    private boolean noProgress;

    /** Creates the command; picocli fills its fields. */
    public RosterPlanCommand() {
    }

    /**
     * Reads, plans and prints.
     *
     * @return the exit code
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, !noProgress);
        RosterSnapshot snapshot = OneRosterReader.on(today != null ? today : LocalDate.now())
                .withListener(progress::rows).read(directory);
        PlanOptions options = skipInvalid ? PlanOptions.skippingInvalid() : PlanOptions.defaults();
        RosterPlan plan;
        if (platform.live()) {
            progress.step("planning against the platform");
            try (org.sferum.sdk.core.SferumClient client = platform.client()) {
                plan = client.roster().plan(snapshot, options);
            }
        } else {
            progress.step("planning");
            plan = RosterPlanner.plan(snapshot,
                    assumeLinked ? PlatformView.emptyAllLinked() : PlatformView.empty(), options);
        }
        progress.done();
        printInvalid(plan.invalidRows(), err);
        RosterPlan.Counts c = plan.counts();
        if (json) {
            out.println("{\"schools\": " + c.schools() + ", \"classes\": " + c.classes() + ", \"people\": "
                    + c.people() + ", \"chats\": " + c.chats() + ", \"memberships\": " + c.memberships()
                    + ", \"to_create\": " + c.toCreate() + ", \"to_add\": " + c.toAdd() + ", \"to_remove\": "
                    + c.toRemove() + ", \"to_archive\": " + c.toArchive() + ", \"pending\": " + c.pending()
                    + ", \"invalid_rows\": " + c.invalidRows() + "}");
        } else {
            out.println("school year   " + (plan.yearId() == null ? "(none)" : plan.yearId()));
            out.println("schools       " + c.schools());
            out.println("classes       " + c.classes() + " homeroom classes of the school year");
            out.println("people        " + c.people() + " enabled");
            out.println("chats         " + c.chats() + " automatic chats, " + c.memberships() + " memberships");
            out.println("to create     " + c.toCreate() + " chats");
            out.println("to add        " + c.toAdd() + " members");
            out.println("to remove     " + c.toRemove() + " members");
            out.println("to archive    " + c.toArchive() + " chats");
            out.println("pending       " + c.pending() + " people not linked to VK ID yet");
            out.println("invalid rows  " + c.invalidRows()
                    + (plan.blocked() ? " — nothing is planned; fix them or use --skip-invalid" : ""));
        }
        return plan.blocked() ? SferumCli.INPUT_INVALID : SferumCli.DONE;
    }

    /**
     * Prints the first {@value #SHOWN_INVALID_ROWS} invalid rows, then how many more there are.
     *
     * @param invalid the rows
     * @param err where to print
     */
    static void printInvalid(List<InvalidRow> invalid, PrintWriter err) {
        for (int i = 0; i < Math.min(SHOWN_INVALID_ROWS, invalid.size()); i++) {
            err.println("invalid: " + invalid.get(i));
        }
        if (invalid.size() > SHOWN_INVALID_ROWS) {
            err.println("… and " + (invalid.size() - SHOWN_INVALID_ROWS) + " more invalid rows");
        }
    }

    /** The progress indicator on standard error: rows read per file, then the planning step. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean on;
        private final long start = System.nanoTime();
        private boolean open;

        Progress(PrintWriter err, boolean on) {
            this.err = err;
            this.on = on;
        }

        void rows(String file, long rows, boolean done) {
            if (!on || (done && !open)) {
                return;
            }
            err.print("\rreading " + file + ": " + rows + " rows" + (done ? "\n" : ""));
            err.flush();
            open = !done;
        }

        void step(String what) {
            if (on) {
                err.print(what + "…");
                err.flush();
            }
        }

        void done() {
            if (on) {
                err.println(" done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
