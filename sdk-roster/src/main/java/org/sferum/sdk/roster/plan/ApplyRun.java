package org.sferum.sdk.roster.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyProgress;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPlan;

/**
 * The loop every face applies a plan with, so that progress, cancellation, dry runs and the counts of
 * {@link ApplyResult} mean the same on the fake, sdk-core and the CLI. The face gives a {@link Target} that makes
 * a batch of changes on its platform (one change a batch in the engine, 25 in an {@code execute} on the wire).
 *
 * <p>Rules: a {@link RosterPlan#blocked() blocked} plan is refused before anything is done; a change the platform
 * refuses on its own account (a permission, a person not linked) is a {@link ApplyResult#failures() failure} and the
 * apply goes on; an error of the platform itself ({@link ErrorCategory#SERVICE}: unavailable, transport) stops the
 * apply and is thrown, leaving what was done in place, so that planning again and applying resumes it; a
 * cancellation stops between batches and counts the rest as skipped.
 */
public final class ApplyRun {
    /** The least time between two progress reports. */
    private static final long REPORT_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    /** Makes changes on a platform. */
    public interface Target {
        /**
         * Makes a batch of changes, in order, and tells each one's outcome.
         *
         * @param batch the changes
         * @param outcomes where each change's outcome goes
         * @throws SferumException of {@link ErrorCategory#SERVICE} when the platform failed: the apply stops
         */
        void apply(List<RosterChange> batch, Outcomes outcomes);

        /**
         * Returns how many changes go in one batch.
         *
         * @return the batch size, at least 1
         */
        default int batchSize() {
            return 1;
        }
    }

    /** Receives the outcome of each change of a batch. */
    public interface Outcomes {
        /**
         * The change was made.
         *
         * @param change the change
         */
        void applied(RosterChange change);

        /**
         * The change was already in place.
         *
         * @param change the change
         */
        void skipped(RosterChange change);

        /**
         * The platform refused the change.
         *
         * @param change the change
         * @param error why
         */
        void failed(RosterChange change, SferumException error);
    }

    private ApplyRun() {
    }

    /**
     * Applies a plan.
     *
     * @param plan the plan
     * @param options progress, cancellation, dry run
     * @param target the platform
     * @return what was applied, skipped and failed
     * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the plan is blocked
     * @throws SferumException of {@link ErrorCategory#SERVICE} when the platform failed mid-apply
     */
    public static ApplyResult run(RosterPlan plan, ApplyOptions options, Target target) {
        return run(plan, options, target, System::nanoTime);
    }

    /**
     * Applies a plan, reading time from a given source (for the progress's rate only).
     *
     * @param plan the plan
     * @param options progress, cancellation, dry run
     * @param target the platform
     * @param nanoTime the time source
     * @return what was applied, skipped and failed
     */
    static ApplyResult run(RosterPlan plan, ApplyOptions options, Target target, LongSupplier nanoTime) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(target, "target");
        if (plan.blocked()) {
            throw new ValidationException(ErrorCode.INVALID_ROSTER, "the roster has " + plan.invalidRows().size()
                    + " invalid rows, so nothing is applied; fix them, or plan with PlanOptions.skippingInvalid()"
                    + " (--skip-invalid) to apply the valid part");
        }
        Counter counter = new Counter(plan.size(), options, nanoTime);
        if (options.dryRun()) {
            plan.changes().forEach(counter::skipped);
            return counter.finish(false);
        }
        int batchSize = Math.max(1, target.batchSize());
        Iterator<RosterChange> changes = plan.changes().iterator();
        List<RosterChange> batch = new ArrayList<>(batchSize);
        while (changes.hasNext()) {
            if (options.cancellation().isCancelled()) {
                changes.forEachRemaining(counter::skipped);
                return counter.finish(true);
            }
            batch.clear();
            while (batch.size() < batchSize && changes.hasNext()) {
                batch.add(changes.next());
            }
            counter.expect(batch);
            target.apply(List.copyOf(batch), counter);
            counter.settle(batch);
        }
        return counter.finish(false);
    }

    /** Counts outcomes and reports progress. */
    private static final class Counter implements Outcomes {
        private final long total;
        private final ApplyOptions options;
        private final LongSupplier nanoTime;
        private final long started;
        private final List<ApplyResult.Failure> failures = new ArrayList<>();
        private final java.util.Set<RosterChange> open = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        private long applied;
        private long skipped;
        private long failed;
        private long lastReport;

        Counter(long total, ApplyOptions options, LongSupplier nanoTime) {
            this.total = total;
            this.options = options;
            this.nanoTime = nanoTime;
            this.started = nanoTime.getAsLong();
            this.lastReport = started;
        }

        void expect(List<RosterChange> batch) {
            open.addAll(batch);
        }

        /** Every change of a batch must have its outcome. */
        void settle(List<RosterChange> batch) {
            if (!open.isEmpty()) {
                throw new IllegalStateException("the platform target told no outcome for " + open.size()
                        + " of " + batch.size() + " changes");
            }
            report(false);
        }

        @Override
        public void applied(RosterChange change) {
            open.remove(change);
            applied++;
        }

        @Override
        public void skipped(RosterChange change) {
            open.remove(change);
            skipped++;
        }

        @Override
        public void failed(RosterChange change, SferumException error) {
            open.remove(change);
            failed++;
            failures.add(new ApplyResult.Failure(change, error.code(), error.getMessage()));
        }

        private void report(boolean last) {
            long now = nanoTime.getAsLong();
            if (!last && now - lastReport < REPORT_EVERY_NANOS) {
                return;
            }
            lastReport = now;
            options.progress().onProgress(ApplyProgress.of(Math.min(total, applied + skipped + failed), total,
                    Duration.ofNanos(now - started)));
        }

        ApplyResult finish(boolean cancelled) {
            report(true);
            return new ApplyResult(applied, skipped, failed, cancelled, failures);
        }
    }
}
