package org.sferum.sdk.roster;

import org.sferum.sdk.internal.Checks;

/**
 * A row of the school system's input that was left out of the snapshot, with where it is and what is wrong. A
 * snapshot with invalid rows plans nothing unless {@link PlanOptions#skipInvalid()} is set.
 *
 * @param file the file, such as {@code users.csv} (or {@code builder} for a snapshot built in code)
 * @param line the 1-based line where the row starts (the header is line 1)
 * @param reason what is wrong and what to do
 */
public record InvalidRow(String file, long line, String reason) {
    /**
     * Validates the fields.
     *
     * @param file the file
     * @param line the line
     * @param reason what is wrong
     */
    public InvalidRow {
        Checks.notNull(file, "file");
        Checks.notNull(reason, "reason");
    }

    /**
     * Formats the row as {@code file:line: reason}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
