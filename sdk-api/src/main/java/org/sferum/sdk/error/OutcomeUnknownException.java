package org.sferum.sdk.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.MessageId;

/**
 * Thrown when a call that changes something may or may not have taken effect ({@link ErrorCode#OUTCOME_UNKNOWN}):
 * at least one attempt reached the service, no answer to it could be read, and the retries did not settle it. It
 * is never thrown for a call that certainly failed (such a call throws the exception of its own code) nor for
 * reads.
 *
 * <p>{@link #subject()} says what to check before doing anything else: the chat, the message ids and, for a send,
 * its random id. A send can be repeated safely with the same random id
 * ({@code Draft.withRandomId(randomId().getAsInt())}): the platform stores it at most once within an hour. Any
 * other call should be checked first (read the history, the chat) and repeated only if it did not take effect.
 * {@link #getCause()} is the last attempt's failure.
 */
public class OutcomeUnknownException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /** What the call was about. */
    private final transient Subject subject;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to check
     * @param subject what the call was about
     * @param wireCode the error code the service sent last, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param cause the last attempt's failure, or {@code null}
     */
    public OutcomeUnknownException(String message, Subject subject, Integer wireCode, String requestId,
                                   Throwable cause) {
        super(ErrorCode.OUTCOME_UNKNOWN, message, wireCode, requestId, cause);
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /**
     * Returns what the call was about: what to check.
     *
     * @return the subject
     */
    public Subject subject() {
        return subject;
    }

    /**
     * What a call whose outcome is unknown was about: its operation and the ids it named, to check.
     *
     * @param operation the operation, such as {@code messages.send}
     * @param chat the chat it addressed, if any
     * @param randomId the random id of a send (the idempotency key), if any
     * @param messageIds the messages it named, or the message it created when that is known
     */
    public record Subject(String operation, Optional<ChatId> chat, OptionalInt randomId, List<MessageId> messageIds) {
        /** A subject that names nothing. */
        public static final Subject NONE = new Subject("unknown", Optional.empty(), OptionalInt.empty(), List.of());

        /**
         * Validates and copies the fields.
         *
         * @param operation the operation
         * @param chat the chat it addressed, if any
         * @param randomId the random id of a send, if any
         * @param messageIds the messages it named
         */
        public Subject {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(randomId, "randomId");
            messageIds = List.copyOf(messageIds);
        }

        /**
         * Returns the same subject naming one more message (the one a call created, once its id is known).
         *
         * @param message the message
         * @return the subject
         */
        public Subject withMessage(MessageId message) {
            List<MessageId> ids = new java.util.ArrayList<>(messageIds);
            if (!ids.contains(message)) {
                ids.add(message);
            }
            return new Subject(operation, chat, randomId, ids);
        }

        /** Says what to check, without any text the call carried. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(operation);
            chat.ifPresent(c -> out.append(" in chat ").append(c.peerId()));
            randomId.ifPresent(r -> out.append(", random id ").append(r));
            if (!messageIds.isEmpty()) {
                out.append(", messages ").append(messageIds.stream().map(m -> Long.toString(m.value()))
                        .collect(java.util.stream.Collectors.joining(",")));
            }
            return out.toString();
        }
    }
}
