package org.sferum.sdk.account;

import java.time.Instant;
import org.sferum.sdk.internal.Checks;

/**
 * The ticket support opened for feedback: its number, to quote when writing to support again.
 *
 * @param id the ticket's number
 * @param received when support received it
 */
public record FeedbackTicket(String id, Instant received) {
    /**
     * Validates the fields.
     *
     * @param id the number
     * @param received when received
     */
    public FeedbackTicket {
        Checks.notNull(id, "ticket id");
        Checks.notNull(received, "received");
    }
}
