package org.sferum.sdk.messages;

import org.sferum.sdk.internal.Checks;

/**
 * The id of a message. It is the same for every member of the chat (see {@code docs/wire/vk-api.md}).
 *
 * @param value the numeric id, positive
 */
public record MessageId(long value) {
    /**
     * Validates the id.
     *
     * @param value the numeric id, positive
     */
    public MessageId {
        Checks.positive(value, "message id");
    }

    /**
     * Creates an id.
     *
     * @param value the numeric id
     * @return the id
     */
    public static MessageId of(long value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return "message:" + value;
    }
}
