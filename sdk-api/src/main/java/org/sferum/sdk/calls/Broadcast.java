package org.sferum.sdk.calls;

import java.time.Instant;
import org.sferum.sdk.internal.Checks;

/**
 * A broadcast («трансляция») of a lesson call (F-CALL-06): viewers watch it without joining the call.
 *
 * @param title the title
 * @param watchLink where viewers watch it
 * @param startedAt when it started
 */
public record Broadcast(String title, String watchLink, Instant startedAt) {
    /**
     * Validates the fields.
     *
     * @param title the title
     * @param watchLink where viewers watch it
     * @param startedAt when it started
     */
    public Broadcast {
        Checks.notNull(title, "title");
        Checks.notNull(watchLink, "watch link");
        Checks.notNull(startedAt, "started at");
    }
}
