package org.sferum.sdk.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.users.UserId;

/**
 * What members do with messages once sent, reached as {@link PlatformEngine#messageActions()}. The rules it
 * enforces (the details are in {@link MessageActions}):
 * <ul>
 *   <li>editing one's own message within {@link #EDIT_WINDOW} (F-MSG-07);</li>
 *   <li>deleting for oneself, or for everyone within {@link #DELETE_FOR_EVERYONE_WINDOW} or as an admin
 *       (F-MSG-06), several at once (F-MSG-10), at most {@link #MAX_MESSAGES_PER_ACTION};</li>
 *   <li>important marks (F-MSG-04) and reports (F-MSG-05);</li>
 *   <li>the chat's pinned message (F-MSG-08);</li>
 *   <li>search in a chat (F-CHAT-09), pages up to {@link #MAX_SEARCH_COUNT}: {@link MessageSearch};</li>
 *   <li>phantom chats, whose messages disappear after {@link #MIN_DISAPPEARING} to {@link #MAX_DISAPPEARING}
 *       (F-CHAT-11);</li>
 *   <li>restoring a message deleted for oneself within {@link #RESTORE_WINDOW} ({@link MessageRestore}), reactions
 *       ({@link MessageReactions}) and the search across all the actor's chats ({@link AllChatsSearch}), as VK's
 *       {@code messages.restore}, {@code messages.sendReaction} and {@code messages.search} with {@code q} alone
 *       have them (F-EMB-04).</li>
 * </ul>
 * Every operation takes the global lock exclusively (a delete or an important mark may span chats).
 */
public final class MessageActionService {

    /** How long after sending its author may edit a message (F-MSG-07) [choice: VK's classic docs say 24 h]. */
    public static final Duration EDIT_WINDOW = Duration.ofHours(24);
    /** How long after sending its author may delete a message for everyone (F-MSG-06) [choice: 24 h]. */
    public static final Duration DELETE_FOR_EVERYONE_WINDOW = Duration.ofHours(24);
    /** The most messages one delete or one important-mark takes, as {@code messages.delete}'s {@code maxItems}. */
    public static final int MAX_MESSAGES_PER_ACTION = 1000;
    /** The largest page of {@code messages.search}, as the schema's {@code maximum}. */
    public static final int MAX_SEARCH_COUNT = 100;
    /** The shortest life of a phantom chat's message (F-CHAT-11) [choice]. */
    public static final Duration MIN_DISAPPEARING = Duration.ofSeconds(1);
    /** The longest life of a phantom chat's message (F-CHAT-11) [choice]. */
    public static final Duration MAX_DISAPPEARING = Duration.ofDays(7);

    /** How long after deleting a message for themself a member may restore it ({@link MessageRestore}) [choice]. */
    public static final Duration RESTORE_WINDOW = Duration.ofHours(1);

    private final PlatformState state;
    /** The rules of the message actions; reports are kept here. */
    private final MessageActions messageActions;

    MessageActionService(PlatformState state) {
        this.state = state;
        this.messageActions = new MessageActions(state.chats, state.messagesById,
                (message, reader) -> state.direct.view(message, reader), state.chatEvents);
    }

    /**
     * Edits the text of the actor's own message within {@link #EDIT_WINDOW} (F-MSG-07). The same text again
     * changes nothing, so a retried edit is harmless.
     *
     * @param actor the author
     * @param chatId the chat
     * @param id the message
     * @param newText the new text, checked as a text {@link Draft}
     * @return the message after the edit
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} if the actor did not write it
     * @throws ConflictException with {@code EDIT_WINDOW_EXPIRED} after the window
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} if the actor cannot see it in the chat
     */
    public Message edit(UserId actor, ChatId chatId, MessageId id, String newText) {
        String text = Draft.text(newText).text();
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            return messageActions.edit(actor, state.memberChat(actor, chatId), id, text, now);
        }
    }

    /**
     * Deletes messages for the actor only, or for every member (F-MSG-06, F-MSG-10). All or nothing: when one
     * message is refused, none is deleted. Deleting a message already gone the same way changes nothing, so a
     * retried delete is harmless. A message deleted for everyone is unpinned.
     *
     * @param actor who deletes
     * @param chatId the chat every message must belong to; empty to take each message's own chat
     * @param ids the messages, 1 to {@link #MAX_MESSAGES_PER_ACTION}
     * @param forEveryone for every member: the author within {@link #DELETE_FOR_EVERYONE_WINDOW}, or an admin
     *     or the owner of the chat at any time
     * @return the messages deleted, in the order given
     * @throws PermissionDeniedException with {@code CANNOT_DELETE_FOR_EVERYONE} when the actor may not delete one
     *     for everyone
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} if the actor cannot see one (in the chat)
     */
    public List<DeletedMessage> delete(UserId actor, Optional<ChatId> chatId, List<MessageId> ids,
                                       boolean forEveryone) {
        return delete(actor, chatId, ids, forEveryone, false);
    }

    /**
     * Deletes messages as {@link #delete(UserId, Optional, List, boolean)} does, reporting them to the platform's
     * moderators as spam first when asked (F-MSG-05, F-MSG-06: {@code messages.delete} with {@code spam=1}). All
     * or nothing, reports included: when one message is refused, no report is stored and no message deleted. A
     * message the actor already deleted for themself is not reported again; a second report of the same message by
     * the same member is not stored again.
     *
     * @param actor who deletes
     * @param chatId the chat every message must belong to; empty to take each message's own chat
     * @param ids the messages, 1 to {@link #MAX_MESSAGES_PER_ACTION}
     * @param forEveryone for every member, as {@link #delete(UserId, Optional, List, boolean)} allows
     * @param reportSpam whether to report the messages as {@code SPAM}
     * @return the messages deleted, in the order given
     * @throws PermissionDeniedException with {@code CANNOT_DELETE_FOR_EVERYONE} when the actor may not delete one
     *     for everyone
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} if the actor cannot see one (in the chat)
     */
    public List<DeletedMessage> delete(UserId actor, Optional<ChatId> chatId, List<MessageId> ids,
                                       boolean forEveryone, boolean reportSpam) {
        List<MessageId> unique = distinct(ids);
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            state.account(actor);
            Optional<ChatId> stored = chatId.map(id -> state.memberChat(actor, id).id);
            return messageActions.delete(actor, stored, unique, forEveryone, reportSpam, now);
        }
    }

    /**
     * Marks messages important for the actor, or not (F-MSG-04). Each member has their own flags. Messages the
     * actor cannot see are left out [choice], as {@code messages.getById} leaves them out.
     *
     * @param actor the reader
     * @param ids the messages, at most {@link #MAX_MESSAGES_PER_ACTION}
     * @param important the new flag
     * @return the messages whose flag is now as asked
     */
    public List<MessageId> markImportant(UserId actor, List<MessageId> ids, boolean important) {
        List<MessageId> unique = distinct(ids);
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            state.account(actor);
            return messageActions.markImportant(actor, unique, important, now);
        }
    }

    /**
     * Reports a message to the platform's moderators (F-MSG-05). Reporting hides nothing; a second report of the
     * same message by the same member is not stored again.
     *
     * @param actor who reports
     * @param chatId the chat
     * @param id the message
     * @param reason why
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} if the actor cannot see it in the chat
     */
    public void report(UserId actor, ChatId chatId, MessageId id, ReportReason reason) {
        Objects.requireNonNull(reason, "reason");
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            messageActions.report(actor, chatId, state.memberChat(actor, chatId), id, reason, now);
        }
    }

    /**
     * Returns the reports moderators would see, oldest first: for tests.
     *
     * @return a copy of the reports
     */
    public List<MessageReport> reports() {
        try (Held held = state.exclusive()) {
            return messageActions.reports();
        }
    }

    /**
     * Pins a message in its chat for every member (F-MSG-08), as {@link ChatAction#CHANGE_PIN}
     * allows. Pinning the pinned message again changes nothing.
     *
     * @param actor who pins
     * @param chatId the chat
     * @param id the message
     * @return the pinned message
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow the actor
     * @throws ConflictException with {@code CANNOT_PIN_EXPIRING_MESSAGE} for a phantom chat's
     *     message
     */
    public Message pin(UserId actor, ChatId chatId, MessageId id) {
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            return messageActions.pin(actor, state.memberChat(actor, chatId), id, now);
        }
    }

    /**
     * Unpins the chat's pinned message (F-MSG-08), as {@link ChatAction#CHANGE_PIN} allows.
     * Nothing pinned: nothing changes.
     *
     * @param actor who unpins
     * @param chatId the chat
     */
    public void unpin(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            MessageActions.unpin(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Returns the chat's pinned message as a member sees it.
     *
     * @param actor the member
     * @param chatId the chat
     * @return the message; empty when none is pinned or the member no longer sees it
     */
    public Optional<Message> pinned(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return messageActions.pinned(actor, state.memberChat(actor, chatId), state.now());
        }
    }

    /**
     * Searches a chat's messages the actor can see by keyword (F-CHAT-09), newest first, case-insensitively.
     *
     * @param actor the reader
     * @param chatId the chat
     * @param query the words, as one substring
     * @param offset how many matches to skip, not negative
     * @param count how many to return, 0 to {@link #MAX_SEARCH_COUNT}
     * @return the window; {@code total} is the number of matches
     */
    public HistoryWindow search(UserId actor, ChatId chatId, String query, int offset, int count) {
        MessageSearch search = MessageSearch.of(query);
        MessageActions.checkSearchPage(offset, count);
        try (Held held = state.exclusive()) {
            return messageActions.search(actor, state.memberChat(actor, chatId), search, offset, count, state.now());
        }
    }

    /**
     * Makes a group chat a phantom chat («фантом-чат», F-CHAT-11), or an ordinary one again, as
     * {@link ChatAction#CHANGE_INFO} allows [choice]. Messages sent afterwards disappear for
     * everyone that long after they were sent; messages sent before keep their own fate.
     *
     * @param actor who changes it
     * @param chatId the chat
     * @param after how long new messages live, {@link #MIN_DISAPPEARING} to {@link #MAX_DISAPPEARING} (whole
     *     seconds); empty to stop
     */
    public void setDisappearing(UserId actor, ChatId chatId, Optional<Duration> after) {
        Duration ttl = MessageActions.disappearAfter(after);
        try (Held held = state.exclusive()) {
            MessageActions.setDisappearing(actor, state.memberChat(actor, chatId), ttl);
        }
    }

    /**
     * Returns how long new messages of a phantom chat live.
     *
     * @param actor a member
     * @param chatId the chat
     * @return the time; empty for an ordinary chat
     */
    public Optional<Duration> disappearing(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return Optional.ofNullable(state.memberChat(actor, chatId).disappearAfter);
        }
    }

    /**
     * Restores a message the actor deleted for themself, within {@link #RESTORE_WINDOW} ({@link MessageRestore}).
     * Restoring a message the actor sees changes nothing.
     *
     * @param actor who restores
     * @param chatId the chat the message must belong to; empty to take the message's own chat
     * @param id the message
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} for a message of no chat of the actor's (or of
     *     another chat), deleted for everyone, not deleted by the actor, or deleted longer than the window ago
     */
    public void restore(UserId actor, Optional<ChatId> chatId, MessageId id) {
        Objects.requireNonNull(id, "message");
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            StoredMessage message = memberMessage(actor, chatId, id);
            MessageRestore.restore(actor, state.chats.get(message.chat.peerId()), message, now);
        }
    }

    /**
     * Sets the actor's reaction to a message they see ({@link MessageReactions}), replacing an earlier one.
     *
     * @param actor who reacts
     * @param chatId the chat
     * @param id the message
     * @param reactionId one of VK's reactions, 1 to 16
     * @throws ValidationException with {@code INVALID_ARGUMENT} for another reaction id
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} for a message the actor does not see in the chat
     */
    public void react(UserId actor, ChatId chatId, MessageId id, int reactionId) {
        MessageReactions.checkReaction(reactionId);
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            StoredMessage message = memberMessage(actor, Optional.of(chatId), id);
            MessageReactions.react(actor, state.chats.get(message.chat.peerId()), message, reactionId, now);
        }
    }

    /**
     * Takes the actor's reaction to a message back; nothing happens when there is none.
     *
     * @param actor who reacted
     * @param chatId the chat
     * @param id the message
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} for a message the actor does not see in the chat
     */
    public void unreact(UserId actor, ChatId chatId, MessageId id) {
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            StoredMessage message = memberMessage(actor, Optional.of(chatId), id);
            MessageReactions.unreact(actor, state.chats.get(message.chat.peerId()), message, now);
        }
    }

    /**
     * Returns the reactions to messages the actor sees, by reaction id (ascending), each with who gave it in the
     * order they reacted. Messages the actor does not see are left out.
     *
     * @param actor a member of the chat
     * @param chatId the chat
     * @param ids the messages
     * @return per message the actor sees, in the order given, its reactions (possibly none)
     */
    public Map<MessageId, Map<Integer, List<UserId>>> reactions(UserId actor, ChatId chatId, List<MessageId> ids) {
        Objects.requireNonNull(ids, "ids");
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            ChatState chat = state.memberChat(actor, chatId);
            Map<MessageId, Map<Integer, List<UserId>>> out = new java.util.LinkedHashMap<>();
            for (MessageId id : ids) {
                StoredMessage message = state.messagesById.get(id.value());
                if (message != null && message.chat.equals(chat.id) && chat.sees(actor, message, now)) {
                    out.put(id, MessageReactions.of(message));
                }
            }
            return out;
        }
    }

    /**
     * Searches the messages of every chat the actor is a member of by keyword ({@link AllChatsSearch}), newest
     * first, as {@link #search} does in one chat.
     *
     * @param actor the reader
     * @param query the words, as one substring
     * @param offset how many matches to skip, not negative
     * @param count how many to return, 0 to {@link #MAX_SEARCH_COUNT}
     * @return the window; {@code total} is the number of matches
     */
    public HistoryWindow searchAll(UserId actor, String query, int offset, int count) {
        MessageSearch search = MessageSearch.of(query);
        MessageActions.checkSearchPage(offset, count);
        try (Held held = state.exclusive()) {
            state.account(actor);
            return AllChatsSearch.search(actor, state.chats, search, offset, count, state.now(),
                    (message, reader) -> state.direct.view(message, reader));
        }
    }

    /** A message of a chat the actor is a member of (of the given chat, when given), or MESSAGE_NOT_FOUND. */
    private StoredMessage memberMessage(UserId actor, Optional<ChatId> chatId, MessageId id) {
        state.account(actor);
        Optional<ChatId> stored = chatId.map(c -> state.memberChat(actor, c).id);
        StoredMessage message = state.messagesById.get(id.value());
        ChatState chat = message == null ? null : state.chats.get(message.chat.peerId());
        if (chat == null || !chat.isMember(actor) || stored.map(c -> !c.equals(message.chat)).orElse(false)) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message " + id.value()
                    + " is not one of the user's chats" + chatId.map(c -> " (of this chat)").orElse(""));
        }
        return message;
    }

    /** The ids once each, 1 to {@link #MAX_MESSAGES_PER_ACTION} of them. */
    static List<MessageId> distinct(List<MessageId> ids) {
        List<MessageId> unique = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
        if (unique.isEmpty() || unique.size() > MAX_MESSAGES_PER_ACTION) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "give 1 to " + MAX_MESSAGES_PER_ACTION
                    + " message ids, got " + unique.size());
        }
        return unique;
    }
}
