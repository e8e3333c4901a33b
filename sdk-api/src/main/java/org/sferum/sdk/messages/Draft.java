package org.sferum.sdk.messages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A message to send: text, what it replies to, what it forwards, its attachments and its idempotency key.
 * The same rules hold in the fake, the emulator and the real client, because all three build a {@code Draft}.
 *
 * <p>Idempotency (F-MSG-11): a send with a {@link #randomId() random id} that the same user already used in the
 * same chat returns the message stored the first time and stores nothing new. When no random id is given, the
 * SDK generates one per {@code send} call and keeps it across that call's retries.
 *
 * @param text the text, at most {@link #MAX_TEXT_LENGTH} characters (Unicode code points)
 * @param replyTo the message this one answers (F-MSG-02)
 * @param forwarded messages to forward with it (F-MSG-03), at most {@link #MAX_FORWARDED}
 * @param attachments attachments (photo, video, file, poll), at most {@link #MAX_ATTACHMENTS}
 * @param randomId the idempotency key: any non-zero 32-bit number unique per sender and chat
 */
public record Draft(String text, Optional<MessageId> replyTo, List<MessageId> forwarded,
                    List<Attachment> attachments, OptionalInt randomId) {
    /** The longest text, as the VK API schema's {@code maxLength} for {@code messages.send}. */
    public static final int MAX_TEXT_LENGTH = 9000;
    /** The most messages one message may forward. */
    public static final int MAX_FORWARDED = 1000;
    /** The most attachments one message may carry, as VK's {@code messages.send} (F-ATT-01 … F-ATT-04). */
    public static final int MAX_ATTACHMENTS = 10;

    /**
     * Validates and copies the fields.
     *
     * @param text the text, at most {@link #MAX_TEXT_LENGTH} characters (Unicode code points)
     * @param replyTo the message this one answers (F-MSG-02)
     * @param forwarded messages to forward with it (F-MSG-03), at most {@link #MAX_FORWARDED}
     * @param attachments attachments (photo, video, file, poll)
     * @param randomId the idempotency key: any non-zero 32-bit number unique per sender and chat
     */
    public Draft {
        Checks.notNull(text, "message text");
        Objects.requireNonNull(replyTo, "replyTo");
        forwarded = List.copyOf(Checks.notNull(forwarded, "forwarded messages"));
        attachments = List.copyOf(Checks.notNull(attachments, "attachments"));
        Objects.requireNonNull(randomId, "randomId");
        int length = text.codePointCount(0, text.length());
        Checks.require(length <= MAX_TEXT_LENGTH, ErrorCode.MESSAGE_TOO_LONG,
                "message text is " + length + " characters; the limit is " + MAX_TEXT_LENGTH
                        + ". Split it into several messages or attach it as a file");
        Checks.require(!text.isBlank() || !forwarded.isEmpty() || !attachments.isEmpty(), ErrorCode.MESSAGE_EMPTY,
                "a message needs text, an attachment or a forwarded message");
        Checks.require(forwarded.size() <= MAX_FORWARDED, ErrorCode.INVALID_ARGUMENT,
                "at most " + MAX_FORWARDED + " messages can be forwarded at once, got " + forwarded.size());
        Checks.require(attachments.size() <= MAX_ATTACHMENTS, ErrorCode.INVALID_ARGUMENT,
                "at most " + MAX_ATTACHMENTS + " attachments fit in one message, got " + attachments.size());
        Checks.require(randomId.isEmpty() || randomId.getAsInt() != 0, ErrorCode.INVALID_ARGUMENT,
                "random id must not be 0; leave it empty to let the SDK choose one");
    }

    /**
     * A text message.
     *
     * @param text the text
     * @return the draft
     */
    public static Draft text(String text) {
        return new Draft(text, Optional.empty(), List.of(), List.of(), OptionalInt.empty());
    }

    /**
     * A message that only forwards other messages (F-MSG-03), with no text of its own.
     *
     * @param messages the messages to forward, at least one
     * @return the draft
     */
    public static Draft forward(List<MessageId> messages) {
        return new Draft("", Optional.empty(), messages, List.of(), OptionalInt.empty());
    }

    /**
     * Returns a copy that replies to a message.
     *
     * @param message the message answered
     * @return the copy
     */
    public Draft replyTo(MessageId message) {
        return new Draft(text, Optional.of(Checks.notNull(message, "reply target")), forwarded, attachments,
                randomId);
    }

    /**
     * Returns a copy that forwards messages.
     *
     * @param messages the messages to forward
     * @return the copy
     */
    public Draft forwarding(List<MessageId> messages) {
        return new Draft(text, replyTo, messages, attachments, randomId);
    }

    /**
     * Returns a copy with attachments.
     *
     * @param newAttachments the attachments
     * @return the copy
     */
    public Draft withAttachments(List<Attachment> newAttachments) {
        return new Draft(text, replyTo, forwarded, newAttachments, randomId);
    }

    /**
     * Returns a copy with an explicit idempotency key. Use it when the key must survive a restart of the
     * embedding application (store it with the outgoing message first).
     *
     * @param key a non-zero 32-bit number
     * @return the copy
     */
    public Draft withRandomId(int key) {
        return new Draft(text, replyTo, forwarded, attachments, OptionalInt.of(key));
    }
}
