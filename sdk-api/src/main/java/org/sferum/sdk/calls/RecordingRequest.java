package org.sferum.sdk.calls;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * What the «Запись звонка» dialog asks (F-CALL-10): the title, on whose behalf, and who may watch.
 *
 * @param title the recording's title, 1 to 128 characters
 * @param author on whose behalf it is made
 * @param audience who may watch it
 */
public record RecordingRequest(String title, RecordingAuthor author, RecordingAudience audience) {
    /** The longest title accepted. */
    public static final int MAX_TITLE_LENGTH = 128;

    /**
     * Validates the fields.
     *
     * @param title the title, 1 to 128 characters
     * @param author on whose behalf
     * @param audience who may watch
     */
    public RecordingRequest {
        Checks.notNull(title, "recording title");
        Checks.require(!title.isBlank() && title.length() <= MAX_TITLE_LENGTH, ErrorCode.INVALID_ARGUMENT,
                "recording title must be 1 to " + MAX_TITLE_LENGTH + " characters");
        Checks.notNull(author, "recording author");
        Checks.notNull(audience, "recording audience");
    }

    /**
     * A recording with a title, on the recorder's behalf, for the call's participants.
     *
     * @param title the title
     * @return the request
     */
    public static RecordingRequest titled(String title) {
        return new RecordingRequest(title, RecordingAuthor.SELF, RecordingAudience.PARTICIPANTS);
    }
}
