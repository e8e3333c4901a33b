package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.users.UserId;

/**
 * A report of a message («пожаловаться», F-MSG-05), as the platform keeps it for its moderators. Tests read
 * them with {@link MessageActionService#reports()}.
 *
 * @param reporter who reported it
 * @param chat the chat of the message
 * @param message the message reported
 * @param author who wrote the message
 * @param reason why
 * @param at when it was reported
 */
public record MessageReport(UserId reporter, ChatId chat, MessageId message, UserId author, ReportReason reason,
                            Instant at) {
    /**
     * Validates the fields.
     *
     * @param reporter who reported it
     * @param chat the chat of the message
     * @param message the message reported
     * @param author who wrote the message
     * @param reason why
     * @param at when it was reported
     */
    public MessageReport {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
