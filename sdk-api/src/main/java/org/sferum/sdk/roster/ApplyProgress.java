package org.sferum.sdk.roster;

import java.time.Duration;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * How far an apply has come.
 *
 * @param done changes done so far (applied, skipped or failed)
 * @param total changes in the plan
 * @param perSecond the rate so far, in changes a second
 * @param elapsed the time since the apply started
 */
public record ApplyProgress(long done, long total, double perSecond, Duration elapsed) {
    /**
     * Validates the fields.
     *
     * @param done changes done
     * @param total changes in all
     * @param perSecond the rate
     * @param elapsed the time spent
     */
    public ApplyProgress {
        Checks.require(done >= 0 && total >= 0 && done <= total, ErrorCode.INVALID_ARGUMENT,
                "progress must have 0 <= done <= total");
        Checks.notNull(elapsed, "elapsed");
    }

    /**
     * Computes the rate from the elapsed time.
     *
     * @param done changes done
     * @param total changes in all
     * @param elapsed the time since the start
     * @return the progress
     */
    public static ApplyProgress of(long done, long total, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return new ApplyProgress(done, total, seconds > 0 ? done / seconds : 0, elapsed);
    }

    /**
     * Estimates the time left at the rate so far.
     *
     * @return the estimate, empty while nothing is done yet
     */
    public Optional<Duration> eta() {
        if (done == total) {
            return Optional.of(Duration.ZERO);
        }
        if (perSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((total - done) / perSecond * 1000)));
    }
}
