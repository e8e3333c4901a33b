package org.sferum.sdk.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * Sending and reading messages, reached as {@link PlatformEngine#messages()}. The rules it enforces:
 * <ul>
 *   <li>sending (F-MSG-01): members only, who may write where ({@link DirectChats#requireCanWrite}), idempotent per
 *       author, chat and random id within {@link #IDEMPOTENCY_WINDOW} (F-MSG-11); a reply to a message of the same
 *       chat (F-MSG-02); forwards of messages the author sees (F-MSG-03, F-MSG-10); attachments by
 *       {@link AttachmentService};</li>
 *   <li>replying privately to a group chat's message in a one-to-one chat (F-MSG-09);</li>
 *   <li>ids: message ids grow across the platform, {@code conversation_message_id} counts 1, 2, 3… in each
 *       chat;</li>
 *   <li>history windows (F-MSG-11) in O(page): {@link HistoryPages}; what a reader sees: {@link ChatState#sees};</li>
 *   <li>read state and unread counts (F-MSG-11), read events (F-EMB-02, {@link ChatEvents}).</li>
 * </ul>
 * The actions on sent messages are {@link MessageActionService}'s. Thread-safe: the traffic of one group chat takes
 * the global lock shared and that chat's monitor, so chats proceed in parallel; a one-to-one chat (which a first
 * message opens), forwards and attachments take the global lock exclusively.
 */
public final class MessageService {

    /** How long a {@code random_id} is remembered for idempotent sends (see {@code docs/wire/vk-api.md}). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);

    private final PlatformState state;
    private final AttachmentService attachments;
    /** Sends remembered for idempotency, by author, chat and random id; written under the chat's monitor. */
    private final Map<IdempotencyKey, Remembered> sentByRandomId = new ConcurrentHashMap<>();
    /** The next message id: ids grow across the platform, and within a chat in the order of its messages. */
    private final AtomicLong nextMessageId = new AtomicLong(1);

    MessageService(PlatformState state, AttachmentService attachments) {
        this.state = state;
        this.attachments = attachments;
    }

    /**
     * Sends a message (F-MSG-01). Idempotent per author, chat and random id within {@link #IDEMPOTENCY_WINDOW}.
     *
     * @param actor the author
     * @param chatId the chat
     * @param draft what to send, already validated by {@link Draft}
     * @return the stored message (the earlier one for a repeated random id)
     */
    public Message send(UserId actor, ChatId chatId, Draft draft) {
        if (Objects.requireNonNull(chatId, "chat").isGroup() && draft.forwarded().isEmpty()
                && draft.attachments().isEmpty()) {
            // message traffic of one group chat: that chat's monitor only, beside other chats' traffic
            return inChat(actor, chatId, chat -> sendIn(chat, actor, chatId, draft));
        }
        // a one-to-one chat may be opened, forwards read other chats, attachments are platform-wide: alone
        try (Held held = state.exclusive()) {
            return sendIn(state.memberChat(actor, chatId), actor, chatId, draft);
        }
    }

    /**
     * Runs message traffic of one chat: the global lock shared, the chat's monitor held. Group chats only: opening a
     * one-to-one chat creates it, which is exclusive.
     */
    private <T> T inChat(UserId actor, ChatId chatId, Function<ChatState, T> op) {
        try (Held held = state.shared()) {
            ChatState chat = state.memberChat(actor, chatId);
            synchronized (chat) {
                return op.apply(chat);
            }
        }
    }

    /** Sends in a chat whose monitor (or the exclusive lock) the caller holds. */
    private Message sendIn(ChatState chat, UserId actor, ChatId chatId, Draft draft) {
        state.direct.requireCanWrite(chat, actor);
        Instant now = state.now();
        IdempotencyKey key = null;
        if (draft.randomId().isPresent()) {
            key = new IdempotencyKey(actor, chatId.peerId(), draft.randomId().getAsInt());
            Remembered earlier = sentByRandomId.get(key);
            if (earlier != null && earlier.at.plus(IDEMPOTENCY_WINDOW).isAfter(now)) {
                return state.direct.view(state.messagesById.get(earlier.messageId), actor);
            }
        }
        if (draft.replyTo().isPresent()) {
            StoredMessage target = state.messagesById.get(draft.replyTo().get().value());
            // the chat first: a message of another chat is read only on the exclusive path (private replies)
            if (target == null || !(target.chat.equals(chat.id) || state.direct.isPrivateReply(chat, target, actor))
                    || !target.visibleTo(actor, now)) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "the message replied to ("
                        + draft.replyTo().get().value() + ") is not in this chat; reply to a message of the same chat");
            }
        }
        List<Message> forwarded = forwardedCopies(actor, draft.forwarded(), now);
        // attachments are only sent on the exclusive path, where no other send takes the id meanwhile
        List<Attachment> attached = draft.attachments().isEmpty() ? List.of()
                : attachments.attach(actor, draft.attachments(), nextMessageId.get());
        StoredMessage message = new StoredMessage(nextMessageId.getAndIncrement(), chat.id, chat.lastCmid() + 1, actor,
                draft.text(), now, draft.replyTo(), draft.randomId().orElse(0));
        message.attachments = attached;
        stampNew(chat, message, forwarded, now);
        chat.messages.add(message);
        state.messagesById.put(message.id, message);
        chat.readUpTo.put(actor, message.cmid);
        chat.lastActivity = state.nextActivity.getAndIncrement();
        if (key != null) {
            sentByRandomId.put(key, new Remembered(message.id, now));
        }
        state.chatEvents.messageSent(chat, message, now);
        return state.direct.view(message, actor);
    }

    /**
     * Reads a window of a chat's history, as VK's {@code messages.getHistory} does: in the chosen order, start at
     * the anchor message (or at the first message when there is none), skip {@code offset} messages, take
     * {@code count}.
     *
     * @param actor the reader
     * @param chatId the chat
     * @param order the order
     * @param anchor the message to start at; when it is gone, the next one in the order
     * @param offset how many to skip from the start (negative values step back, with an anchor)
     * @param count how many to take, 0 to 200
     * @return the window
     */
    public HistoryWindow history(UserId actor, ChatId chatId, HistoryOrder order, Optional<MessageId> anchor,
                                 int offset, int count) {
        if (count < 0 || count > 200) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                    "count must be between 0 and 200, got " + count);
        }
        if (offset < 0 && anchor.isEmpty()) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST, "a negative offset needs a start message");
        }
        Function<ChatState, HistoryWindow> read = chat -> HistoryPages.window(chat, actor, state.now(),
                order == HistoryOrder.NEWEST_FIRST, anchor.map(MessageId::value), offset, count,
                message -> state.direct.view(message, actor));
        if (Objects.requireNonNull(chatId, "chat").isGroup()) {
            return inChat(actor, chatId, read);
        }
        try (Held held = state.exclusive()) {
            return read.apply(state.memberChat(actor, chatId));
        }
    }

    /**
     * Marks a chat read up to a message (F-MSG-11).
     *
     * @param actor the reader
     * @param chatId the chat
     * @param upTo the last message read; empty for all
     */
    public void markRead(UserId actor, ChatId chatId, Optional<MessageId> upTo) {
        messageTraffic(actor, chatId, chat -> {
            markReadIn(chat, actor, upTo);
            return null;
        });
    }

    /**
     * Runs message traffic of a chat: a group chat's under its monitor ({@link #inChat}), a one-to-one chat's
     * (which reading may open) under the exclusive lock.
     */
    private <T> T messageTraffic(UserId actor, ChatId chatId, Function<ChatState, T> op) {
        if (Objects.requireNonNull(chatId, "chat").isGroup()) {
            return inChat(actor, chatId, op);
        }
        try (Held held = state.exclusive()) {
            return op.apply(state.memberChat(actor, chatId));
        }
    }

    private void markReadIn(ChatState chat, UserId actor, Optional<MessageId> upTo) {
        long cmid = chat.lastCmid();
        if (upTo.isPresent()) {
            StoredMessage message = state.messagesById.get(upTo.get().value());
            if (message == null || !message.chat.equals(chat.id)) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                        "message " + upTo.get().value() + " is not in this chat");
            }
            cmid = message.cmid;
        }
        long before = chat.readUpTo.getOrDefault(actor, 0L);
        chat.readUpTo.merge(actor, cmid, Math::max);
        ChatActions.read(actor, chat);
        if (cmid > before) {
            state.chatEvents.read(chat, actor, idAtCmid(chat, cmid));
        }
    }

    /**
     * Returns the member's count of unread messages in a chat.
     *
     * @param actor the member
     * @param chatId the chat
     * @return the count
     */
    public int unreadCount(UserId actor, ChatId chatId) {
        return messageTraffic(actor, chatId, chat -> chat.unreadFor(actor, state.now()));
    }

    /**
     * Finds a message the reader can see: one of a chat the reader is a member of.
     *
     * @param reader who reads
     * @param id the message
     * @return the message, or empty when it does not exist or the reader may not see it
     */
    public Optional<Message> visibleMessage(UserId reader, MessageId id) {
        try (Held held = state.shared()) {
            state.account(reader);
            StoredMessage message = state.messagesById.get(Objects.requireNonNull(id, "message").value());
            if (message == null) {
                return Optional.empty();
            }
            ChatState chat = state.chats.get(message.chat.peerId());
            if (chat == null || !chat.isMember(reader)) {
                return Optional.empty();
            }
            synchronized (chat) {
                return chat.sees(reader, message, state.now()) ? Optional.of(state.direct.view(message, reader)) : Optional.empty();
            }
        }
    }

    /**
     * Returns the random id a message was sent with, as its author sees it.
     *
     * @param reader who reads
     * @param id the message
     * @return the random id when the reader wrote the message with one; 0 otherwise (also for others' messages)
     */
    public int randomIdSeenBy(UserId reader, MessageId id) {
        try (Held held = state.shared()) {
            StoredMessage message = state.messagesById.get(Objects.requireNonNull(id, "message").value());
            return message != null && message.author.equals(reader) ? message.randomId : 0;
        }
    }

    /**
     * Returns a member's read positions in a chat.
     *
     * @param reader the member
     * @param chatId the chat
     * @return the positions
     */
    public ReadState readState(UserId reader, ChatId chatId) {
        return messageTraffic(reader, chatId, chat -> {
            long own = chat.readUpTo.getOrDefault(reader, 0L);
            long others = 0;
            for (Map.Entry<UserId, Long> entry : chat.readUpTo.entrySet()) {
                if (!entry.getKey().equals(reader)) {
                    others = Math.max(others, entry.getValue());
                }
            }
            return new ReadState(idAtCmid(chat, own), idAtCmid(chat, others));
        });
    }

    private static long idAtCmid(ChatState chat, long cmid) {
        StoredMessage message = atCmid(chat, cmid);
        return message == null ? 0 : message.id;
    }

    /** Copies the messages a new message forwards; each must be one the actor sees. Under the lock. */
    private List<Message> forwardedCopies(UserId actor, List<MessageId> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Message> out = new ArrayList<>(ids.size());
        for (MessageId id : MessageActionService.distinct(ids)) {
            StoredMessage message = state.messagesById.get(id.value());
            ChatState chat = message == null ? null : state.chats.get(message.chat.peerId());
            if (chat == null || !chat.isMember(actor) || !message.visibleTo(actor, now)) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message " + id.value()
                        + " cannot be forwarded: the user cannot see it");
            }
            out.add(message.toMessage());
        }
        return out;
    }

    /** Sets what message actions keep on a new message: its forwarded copies and a phantom chat's expiry. */
    private static void stampNew(ChatState chat, StoredMessage message, List<Message> forwarded, Instant now) {
        message.forwarded = List.copyOf(forwarded);
        message.expiresAt = chat.disappearAfter == null ? null : now.plus(chat.disappearAfter);
        if (message.expiresAt != null) {
            chat.hideable++;
        }
    }

    /**
     * Answers a group chat message in the one-to-one chat with its author (F-MSG-09), opening that chat or reusing
     * it. The answer replies to the original (its {@code replyTo} is the group chat message). Idempotent by the
     * draft's random id, as {@link #send}.
     *
     * @param actor who answers
     * @param chatId the group chat
     * @param original the message answered, of that chat
     * @param draft the answer; it must not reply to anything itself
     * @return the answer as the actor sees it, in chat {@code direct(author)}
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} when the actor cannot see the group chat,
     *     with {@code NOT_A_CONTACT} when the author is no longer a contact
     * @throws NotFoundException with {@code CHAT_NOT_FOUND} or {@code MESSAGE_NOT_FOUND}
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a one-to-one chat, one's own message, or a
     *     draft that replies to something
     */
    public Message replyPrivately(UserId actor, ChatId chatId, MessageId original, Draft draft) {
        try (Held held = state.exclusive()) {
            Objects.requireNonNull(original, "message");
            Objects.requireNonNull(draft, "draft");
            if (!Objects.requireNonNull(chatId, "chat").isGroup()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "reply privately answers a message of a group chat; in a one-to-one chat, reply to it");
            }
            ChatState chat = state.memberChat(actor, chatId);
            StoredMessage target = state.messagesById.get(original.value());
            if (target == null || !target.chat.equals(chat.id)) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message " + original.value()
                        + " is not in chat " + chatId.localId());
            }
            if (target.author.equals(actor)) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "message " + original.value() + " is the user's own; reply privately answers someone else");
            }
            if (draft.replyTo().isPresent()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "a private reply answers the original message; the draft must not reply to another one");
            }
            return send(actor, ChatId.direct(target.author), draft.replyTo(original));
        }
    }

    /**
     * Finds a message of a chat by its conversation message id, for a member (the VK API's {@code forward} object
     * names messages so).
     *
     * @param reader a member of the chat
     * @param chatId the chat
     * @param cmid the conversation message id
     * @return the message as the reader sees it
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} when the reader is not a member
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} when the chat holds no such message
     */
    public Message messageAt(UserId reader, ChatId chatId, long cmid) {
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(reader, chatId);
            for (StoredMessage message : chat.messages) {
                if (message.cmid == cmid) {
                    return state.direct.view(message, reader);
                }
            }
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                    "the chat has no message with conversation message id " + cmid);
        }
    }

    /**
     * Finds messages of a chat by conversation message id, as the reader sees them (VK's {@code peer_id} +
     * {@code cmids} addressing of {@code messages.getById} and {@code messages.getByConversationMessageId}). Ids
     * the chat does not have and messages the reader does not see are left out, as {@link #visibleMessage} leaves
     * them out; repeats are answered once.
     *
     * @param reader a member of the chat
     * @param chatId the chat
     * @param cmids the conversation message ids, in the order to answer
     * @return the messages the reader sees, in that order
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} when the reader is not a member
     */
    public List<Message> visibleAt(UserId reader, ChatId chatId, List<Long> cmids) {
        List<Long> wanted = List.copyOf(new java.util.LinkedHashSet<>(Objects.requireNonNull(cmids, "cmids")));
        return messageTraffic(reader, chatId, chat -> {
            Instant now = state.now();
            List<Message> out = new ArrayList<>(wanted.size());
            for (long cmid : wanted) {
                StoredMessage message = atCmid(chat, cmid);
                if (message != null && chat.sees(reader, message, now)) {
                    out.add(state.direct.view(message, reader));
                }
            }
            return out;
        });
    }

    /**
     * Returns the ids of a chat's messages by conversation message id, for an action (delete, pin, restore) that
     * then checks each message by its own rules (VK's {@code peer_id} + {@code cmids} / {@code cmid}).
     *
     * @param reader a member of the chat
     * @param chatId the chat
     * @param cmids the conversation message ids
     * @return the message ids, in the order given
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} when the reader is not a member
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} for an id the chat has never had
     */
    public List<MessageId> idsAt(UserId reader, ChatId chatId, List<Long> cmids) {
        Objects.requireNonNull(cmids, "cmids");
        return messageTraffic(reader, chatId, chat -> {
            List<MessageId> out = new ArrayList<>(cmids.size());
            for (long cmid : cmids) {
                StoredMessage message = atCmid(chat, cmid);
                if (message == null) {
                    throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                            "the chat has no message with conversation message id " + cmid);
                }
                out.add(MessageId.of(message.id));
            }
            return out;
        });
    }

    /** The message of a chat with a conversation message id (cmids count 1, 2, 3… in list order); or null. */
    private static StoredMessage atCmid(ChatState chat, long cmid) {
        return cmid <= 0 || cmid > chat.messages.size() ? null : chat.messages.get((int) cmid - 1);
    }

    /**
     * Says that the actor is typing in a chat (VK's {@code messages.setActivity}): only a member who may write
     * there may say so. The SDK's event model has no typing event, so nobody is told [choice]; the call checks
     * and changes nothing.
     *
     * @param actor who types
     * @param chatId the chat
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} for anyone but a member, with
     *     {@code NOT_A_CONTACT} in a one-to-one chat with someone no longer a contact
     * @throws NotFoundException with {@code CHAT_NOT_FOUND} for a chat that does not exist
     */
    public void setActivity(UserId actor, ChatId chatId) {
        messageTraffic(actor, chatId, chat -> {
            state.direct.requireCanWrite(chat, actor);
            return null;
        });
    }

    private record IdempotencyKey(UserId author, long peerId, int randomId) {
    }

    private record Remembered(long messageId, Instant at) {
    }
}
