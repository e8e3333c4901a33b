package org.sferum.sdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyProgress;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.store.jdbc.JdbcRosterWork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sferum roster apply --oneroster DIR --emulator URL|--endpoint URL [--resume] [--dry-run] [--skip-invalid]
 * [--jdbc URL --run ID]}: reads the roster, plans it against the live platform and applies the difference as the
 * schools' service accounts, with a progress bar on standard error. With {@code --jdbc}, the plan is stored as the
 * work items of a run ({@link JdbcRosterWork}) and each item is marked done as it is applied, so that
 * {@code --resume --jdbc URL --run ID} finishes an interrupted run without repeating an item. Exit codes: 0 done, 1 input invalid (nothing applied),
 * 2 platform error (what was done stays done; run again, with {@code --resume}, to finish).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Plan a OneRoster roster against a live platform and apply the difference.")
public final class RosterApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--oneroster", paramLabel = "DIR", required = true, description = "The OneRoster CSV directory"
            + " (not read again by --resume --jdbc, which finishes the stored run).")
    private Path directory;

    @Mixin
    private PlatformOptions platform = new PlatformOptions();

    @Option(names = "--resume", description = "Finish an apply that stopped: with --jdbc, the run's work items left"
            + " (no planning again, no item repeated); without, planning against the platform again leaves out what"
            + " was done.")
    private boolean resume;

    @Mixin
    private JdbcOptions jdbc = new JdbcOptions();

    @Option(names = "--dry-run", description = "Plan and go through the plan without changing the platform.")
    private boolean dryRun;

    @Option(names = "--skip-invalid", description = "Apply the valid part of a roster that has invalid rows.")
    private boolean skipInvalid;

    @Option(names = "--today", paramLabel = "DATE",
            description = "The day that decides the current school year (default: today).")
    private LocalDate today;

    @Option(names = "--no-progress", description = "Print no progress bar on standard error.")
    private boolean noProgress;

    /** Creates the command; picocli fills its fields. */
    public RosterApplyCommand() {
    }

    /**
     * Reads, plans against the platform, applies and prints what was done.
     *
     * @return the exit code
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jdbc.on() != (jdbc.run != null)) {
            err.println("--jdbc and --run go together: the database keeps the work items of the named run");
            return SferumCli.INPUT_INVALID;
        }
        if (jdbc.on() && resume) {
            // the plan is in the database already: finish its items left, without reading or planning again
            try (SferumClient client = platform.client()) {
                JdbcRosterWork work = JdbcRosterWork.on(jdbc.dataSource(), jdbc.tablePrefix);
                err.println("resuming run " + jdbc.run + ": " + work.remaining(jdbc.run) + " work items left");
                try {
                    return work(client, work, out, err);
                } catch (NotFoundException e) {
                    err.println("no run " + jdbc.run + " in the database: start it without --resume");
                    return SferumCli.INPUT_INVALID;
                }
            }
        }
        RosterSnapshot snapshot = OneRosterReader.on(today != null ? today : LocalDate.now()).read(directory);
        try (SferumClient client = platform.client()) {
            RosterPlan plan = client.roster().plan(snapshot,
                    skipInvalid ? PlanOptions.skippingInvalid() : PlanOptions.defaults());
            RosterPlanCommand.printInvalid(plan.invalidRows(), err);
            if (plan.blocked()) {
                err.println("the roster has " + plan.invalidRows().size() + " invalid rows: nothing is applied;"
                        + " fix them or use --skip-invalid");
                return SferumCli.INPUT_INVALID;
            }
            RosterPlan.Counts c = plan.counts();
            err.println((resume ? "resuming: " : "") + "to create " + c.toCreate() + " chats, add " + c.toAdd()
                    + ", remove " + c.toRemove() + ", archive " + c.toArchive() + ", pending " + c.pending()
                    + (dryRun ? " (dry run)" : ""));
            if (jdbc.on()) {
                JdbcRosterWork work = JdbcRosterWork.on(jdbc.dataSource(), jdbc.tablePrefix);
                if (!dryRun && !work.publish(jdbc.run, plan)) {
                    err.println("run " + jdbc.run + " exists: its work items left are applied (" + work.remaining(
                            jdbc.run) + "); this plan is not stored again");
                }
                if (!dryRun) {
                    return work(client, work, out, err);
                }
            }
            ProgressBar bar = new ProgressBar(err, !noProgress);
            ApplyResult result;
            try {
                result = client.roster().apply(plan, ApplyOptions.defaults().withDryRun(dryRun).withProgress(bar));
            } catch (SferumException e) {
                bar.end();
                if (e.code().category() != ErrorCategory.SERVICE) {
                    throw e;
                }
                err.println("the platform failed mid-apply (" + e.code() + "): what was done stays done; run again"
                        + " with --resume to finish");
                return SferumCli.PLATFORM_ERROR;
            }
            bar.end();
            return report(result, out, err);
        }
    }

    /** Applies the run's work items left as this node; a platform error leaves them for --resume. */
    private int work(SferumClient client, JdbcRosterWork work, PrintWriter out, PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, !noProgress);
        ApplyResult result;
        try {
            result = work.work(jdbc.run, client.roster(), ApplyOptions.defaults().withProgress(bar), node());
        } catch (SferumException e) {
            bar.end();
            if (e.code().category() != ErrorCategory.SERVICE) {
                throw e;
            }
            err.println("the platform failed mid-apply (" + e.code() + "): the items done are checkpointed; "
                    + work.remaining(jdbc.run) + " left; run again with --resume --jdbc … --run " + jdbc.run);
            return SferumCli.PLATFORM_ERROR;
        }
        bar.end();
        return report(result, out, err);
    }

    private static String node() {
        String host = System.getenv("HOSTNAME");
        return "cli@" + (host == null || host.isBlank() ? "localhost" : host) + "/" + ProcessHandle.current().pid();
    }

    private static int report(ApplyResult result, PrintWriter out, PrintWriter err) {
        out.println("{\"applied\": " + result.applied() + ", \"skipped\": " + result.skipped() + ", \"failed\": "
                + result.failed() + ", \"cancelled\": " + result.cancelled() + "}");
        List<ApplyResult.Failure> failures = result.failures();
        for (int i = 0; i < Math.min(RosterPlanCommand.SHOWN_INVALID_ROWS, failures.size()); i++) {
            ApplyResult.Failure f = failures.get(i);
            err.println("failed: " + f.code() + " " + f.message());
        }
        return result.failed() == 0 ? SferumCli.DONE : SferumCli.PLATFORM_ERROR;
    }

    /** A progress bar on standard error: done/total, rate and ETA, redrawn in place. */
    static final class ProgressBar implements org.sferum.sdk.roster.ProgressListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean on;
        private boolean drawn;

        ProgressBar(PrintWriter err, boolean on) {
            this.err = err;
            this.on = on;
        }

        @Override
        public void onProgress(ApplyProgress p) {
            if (!on || p.total() == 0) {
                return;
            }
            int filled = (int) (WIDTH * p.done() / p.total());
            String eta = p.eta().map(ProgressBar::format).orElse("?");
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + p.done() + "/" + p.total()
                    + String.format(java.util.Locale.ROOT, "  %.0f/s  ETA %s ", p.perSecond(), eta));
            err.flush();
            drawn = true;
        }

        void end() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }

        private static String format(Duration d) {
            long s = d.toSeconds();
            return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
