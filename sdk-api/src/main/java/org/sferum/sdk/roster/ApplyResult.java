package org.sferum.sdk.roster;

import java.util.List;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * What an apply did.
 *
 * @param applied changes made on the platform
 * @param skipped changes not made: already in place, dry run, or left after a cancellation
 * @param failed changes the platform refused
 * @param cancelled whether the apply stopped because it was cancelled
 * @param failures the refused changes with their error
 */
public record ApplyResult(long applied, long skipped, long failed, boolean cancelled, List<Failure> failures) {
    /**
     * Copies the failures.
     *
     * @param applied changes made
     * @param skipped changes not made
     * @param failed changes refused
     * @param cancelled whether the apply was cancelled
     * @param failures the refused changes
     */
    public ApplyResult {
        failures = List.copyOf(failures);
    }

    /**
     * A change the platform refused.
     *
     * @param change the change
     * @param code the error's code
     * @param message what went wrong
     */
    public record Failure(RosterChange change, ErrorCode code, String message) {
        /**
         * Validates the fields.
         *
         * @param change the change
         * @param code the code
         * @param message the message
         */
        public Failure {
            Checks.notNull(change, "change");
            Checks.notNull(code, "code");
            Checks.notNull(message, "message");
        }
    }
}
