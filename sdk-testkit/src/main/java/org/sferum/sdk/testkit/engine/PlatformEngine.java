package org.sferum.sdk.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.testkit.engine.vkid.VkIdEngine;
import org.sferum.sdk.testkit.engine.vkid.PlatformUsers;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The in-memory model of the platform, where every rule is enforced once: the fake and the emulator both call it.
 * Time comes from the injected {@link Clock} only; timestamps are kept to the second, as the wire carries them. Every
 * operation names the acting user; checks of membership and rights happen here, never in the faces.
 *
 * <p>Where each rule lives (the classes named hold the details):
 * <ul>
 *   <li>users and access tokens, their expiry and revocation (F-LINK-11): here;</li>
 *   <li>chats and membership (F-SECT-01, F-CHAT-02 … F-CHAT-08, F-CHAT-10, F-CHAT-12, F-LINK-07): here, with
 *       {@link ChatActions}, {@link ChatAdmin}, {@link DirectChats}, {@link ChatPhotos}; who may do what in
 *       {@link #requireAllowed}, what a reader sees in {@link ChatState#sees};</li>
 *   <li>messages (F-MSG-01 … F-MSG-11, F-CHAT-09, F-CHAT-11): here (sending, idempotency, read state), with
 *       {@link MessageActions}, {@link MessageSearch}, {@link HistoryPages};</li>
 *   <li>uploads and attachments (F-ATT-01 … F-ATT-05, F-CHAT-06): {@link UploadPipeline} (tickets, expiry,
 *       ownership, size and type, bytes in a {@link BlobStore}), {@link AttachmentRules} (items, polls);</li>
 *   <li>events (F-EMB-02): {@link ChatEvents}, delivered to the sinks of {@link #subscribe};</li>
 *   <li>calls (F-CALL-*, F-SECT-02 … F-SECT-04, F-EMB-06, F-EMB-07): {@link CallService}, {@link #calls()};</li>
 *   <li>VK ID (F-LINK-*): {@link VkIdService}, {@link #vkId()}.</li>
 * </ul>
 *
 * <p>Thread-safe: message traffic of a group chat runs under the global lock shared and that chat's monitor, so
 * different chats proceed in parallel; everything that spans chats runs under the global lock exclusively. See
 * "Concurrency and ordering" in {@code docs/architecture.md} for the lock order.
 */
public final class PlatformEngine implements PlatformUsers {
    /** How long a {@code random_id} is remembered for idempotent sends (see {@code docs/wire/vk-api.md}). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);

    private static final long FIRST_USER_ID = 100_001;

    private final Clock clock;
    final SecureRandom random = new SecureRandom();
    /**
     * The global lock: held exclusively ({@link #exclusive}) by every operation that spans chats or changes who is
     * where, shared ({@link #shared}) by message traffic, which also holds the monitor of its one chat. See
     * "Concurrency" in {@code docs/architecture.md}.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final VkIdEngine vkId;
    /** The calls; created last, it reaches the rest through this engine. */
    private final CallService calls;

    final Map<UserId, UserAccount> users = new LinkedHashMap<>();
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    final Map<Long, ChatState> chats = new LinkedHashMap<>();
    /** Every message by id; written under a chat's monitor, so concurrent. */
    private final Map<Long, StoredMessage> messagesById = new ConcurrentHashMap<>();
    /** Sends remembered for idempotency, by author, chat and random id; written under the chat's monitor. */
    private final Map<IdempotencyKey, Remembered> sentByRandomId = new ConcurrentHashMap<>();
    private long nextUserId = FIRST_USER_ID;
    private long nextChatLocalId = 1;
    /** The next message id: ids grow across the platform, and within a chat in the order of its messages. */
    private final AtomicLong nextMessageId = new AtomicLong(1);
    /** Orders chats by their latest creation or message. */
    private final AtomicLong nextActivity = new AtomicLong(1);

    /**
     * Creates an empty platform.
     *
     * @param clock the clock every time-dependent rule reads
     */
    public PlatformEngine(Clock clock) {
        this(clock, BlobStore.inMemory());
    }

    /**
     * Creates an empty platform that keeps uploaded bytes in the given store.
     *
     * @param clock the clock every time-dependent rule reads
     * @param blobs where the bytes of uploads, attachments and chat images are kept
     */
    public PlatformEngine(Clock clock, BlobStore blobs) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uploads = new UploadPipeline(this::secret, Objects.requireNonNull(blobs, "blobs"));
        this.attachmentRules = new AttachmentRules(this::secret, uploads, DEFAULT_ATTACHMENT_URL_BASE);
        this.chatPhotos = new ChatPhotos(blobs);
        this.vkId = new VkIdEngine(this);
        this.calls = new CallService(this);
    }

    /**
     * Returns the engine's clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns VK ID as this platform models it: one per engine, on the engine's clock.
     *
     * @return the VK ID service
     */
    public VkIdService vkId() {
        return vkId;
    }

    /**
     * Returns the calls of this platform (F-CALL-*, F-SECT-02 … F-SECT-04, F-EMB-06, F-EMB-07).
     *
     * @return the calls service
     */
    public CallService calls() {
        return calls;
    }

    /** A lock held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the global lock alone: for what spans chats or changes membership. */
    Held exclusive() {
        lock.writeLock().lock();
        return lock.writeLock()::unlock;
    }

    /**
     * Takes the global lock shared: for message traffic, which then takes its chat's monitor ({@link #inChat}), and
     * for reads of what only exclusive operations change (users, tokens, chats and their members).
     */
    Held shared() {
        lock.readLock().lock();
        return lock.readLock()::unlock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- users and tokens

    /**
     * Creates a user with an educational profile.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param role the role from the school system
     * @return the new user's id
     */
    public UserId createUser(String firstName, String lastName, Role role) {
        try (Held held = exclusive()) {
            UserId id = UserId.of(nextUserId++);
            users.put(id, new UserAccount(new Person(id, firstName, lastName), Objects.requireNonNull(role)));
            return id;
        }
    }

    /**
     * Issues a new access token for a user that never expires (as the demo seed's tokens).
     *
     * @param user the user
     * @return the token string
     */
    public String issueToken(UserId user) {
        return newToken("vk1.a.", user, null);
    }

    /**
     * Issues a new access token for a user that stops working at an instant, as VK ID's tokens do; after it,
     * {@link #authenticate} refuses the token with {@link ErrorCode#TOKEN_EXPIRED}.
     *
     * @param user the user
     * @param expiresAt when the token expires
     * @return the token string
     */
    public String issueToken(UserId user, Instant expiresAt) {
        return newToken("vk2.a.", user, Objects.requireNonNull(expiresAt, "expiresAt"));
    }

    private String newToken(String prefix, UserId user, Instant expiresAt) {
        try (Held held = exclusive()) {
            account(user);
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            tokens.put(token, new IssuedToken(user, expiresAt));
            return token;
        }
    }

    /**
     * Revokes an access token; later calls with it fail authentication.
     *
     * @param token the token string
     */
    public void revokeToken(String token) {
        try (Held held = exclusive()) {
            tokens.remove(token);
        }
    }

    /**
     * Finds the user a token belongs to.
     *
     * @param token the token string, possibly {@code null}
     * @return the user
     * @throws AuthenticationException if the token is missing, unknown or revoked ({@code AUTHENTICATION_FAILED})
     *     or expired ({@code TOKEN_EXPIRED})
     */
    public UserId authenticate(String token) {
        try (Held held = shared()) {
            IssuedToken issued = token == null ? null : tokens.get(token);
            if (issued == null) {
                throw new AuthenticationException(ErrorCode.AUTHENTICATION_FAILED,
                        "the access token is missing, unknown or revoked; obtain a new one by linking again");
            }
            if (issued.expiresAt != null && !now().isBefore(issued.expiresAt)) {
                throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED,
                        "the access token has expired; refresh it with the refresh token");
            }
            return issued.user;
        }
    }

    /**
     * Returns a user's educational profile.
     *
     * @param user the user
     * @return the person
     */
    public Person person(UserId user) {
        try (Held held = shared()) {
            return account(user).person();
        }
    }

    /**
     * Returns a user's account.
     *
     * @param user the user
     * @return the account
     * @throws NotFoundException if there is no such user
     */
    public UserAccount account(UserId user) {
        try (Held held = shared()) {
            UserAccount account = users.get(Objects.requireNonNull(user, "user"));
            if (account == null) {
                throw new NotFoundException(ErrorCode.USER_NOT_FOUND, "there is no user " + user.value());
            }
            return account;
        }
    }

    // ---------------------------------------------------------------- chats

    /**
     * Creates a group chat owned by the actor (F-CHAT-02).
     *
     * @param actor who creates it
     * @param spec its title, members and settings
     * @return the chat id
     */
    public ChatId createChat(UserId actor, NewChat spec) {
        try (Held held = exclusive()) {
            account(actor);
            for (UserId member : spec.members()) {
                account(member);
            }
            ChatId id = ChatId.group(nextChatLocalId++);
            Instant now = now();
            ChatState chat = new ChatState(id, actor, spec.title(), spec.settings(), now);
            chat.addMember(actor, MemberRole.OWNER, actor, now);
            spec.members().stream().sorted(Comparator.comparingLong(UserId::value))
                    .filter(member -> !member.equals(actor))
                    .forEach(member -> chat.addMember(member, MemberRole.MEMBER, actor, now));
            chat.lastActivity = nextActivity.getAndIncrement();
            chats.put(id.peerId(), chat);
            return id;
        }
    }

    /**
     * Returns a chat's information, for a member.
     *
     * @param actor who asks
     * @param id the chat
     * @return the chat
     */
    public Chat chat(UserId actor, ChatId id) {
        try (Held held = exclusive()) {
            ChatState chat = memberChat(actor, id);
            return new Chat(DirectChats.idFor(chat, actor), direct.titleFor(chat, actor), chat.owner,
                    List.copyOf(chat.members.values()), chat.settings, ChatPhotos.url(chat, photoUrlBase),
                    chat.appearance);
        }
    }

    /**
     * Lists the actor's chats (F-SECT-01): the chats they pinned first, the latest pin first, then the others by
     * latest activity; each row with the actor's own flags (pinned, archived, muted, marked unread) and what the
     * actor sees of the chat (a cleared history starts after the point where it was cleared).
     *
     * @param actor who asks
     * @param filter which chats
     * @return the chats
     */
    public List<ChatSummary> conversations(UserId actor, ChatFilter filter) {
        try (Held held = exclusive()) {
            account(actor);
            List<ChatState> mine = new ArrayList<>();
            for (ChatState chat : chats.values()) {
                if (chat.isMember(actor) && DirectChats.listed(chat)) {
                    mine.add(chat);
                }
            }
            mine.sort(ChatActions.listOrder(actor));
            List<ChatSummary> out = new ArrayList<>();
            for (ChatState chat : mine) {
                ChatSummary summary = summary(actor, chat);
                if (ChatActions.shows(Objects.requireNonNull(filter, "filter"), summary)) {
                    out.add(summary);
                }
            }
            return out;
        }
    }

    /** Why leaving a one-to-one chat is refused; sdk-core says the same before sending anything. */
    private static final String CANNOT_LEAVE_ONE_TO_ONE = "one-to-one chats cannot be left, only group chats;"
            + " delete its messages or clear its history instead";

    /**
     * Makes a member leave a group chat (as unlinking does, F-LINK-07). The owner may leave too; the chat and its
     * messages stay for the other members, and the longest-standing admin, else member, becomes owner.
     *
     * <p>A one-to-one chat cannot be left (F-CHAT-08, F-CHAT-12), as in VK, whose {@code messages.removeChatUser}
     * applies to group chats only: deleting or clearing its history is what a user does instead. The refusal
     * changes nothing (it does not even open the chat).
     *
     * @param actor who leaves
     * @param chatId the chat
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} if the actor is not a member
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a one-to-one chat
     */
    public void leaveChat(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            account(actor);
            if (!Objects.requireNonNull(chatId, "chat").isGroup()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, CANNOT_LEAVE_ONE_TO_ONE);
            }
            ChatState chat = memberChat(actor, chatId);
            chatEvents.memberLeft(chat, actor);
            chat.members.remove(actor);
            chat.readUpTo.remove(actor);
            ChatAdmin.afterLeaving(chat, actor);
        }
    }

    /**
     * Lists the group chats a user is a member of, archived ones included, in the order they were created.
     *
     * @param user the user
     * @return the chats' ids
     */
    public List<ChatId> chatsOf(UserId user) {
        try (Held held = exclusive()) {
            account(user);
            List<ChatId> out = new ArrayList<>();
            for (ChatState chat : chats.values()) {
                if (chat.isMember(user) && !DirectChats.isDirect(chat)) {
                    out.add(chat.id);
                }
            }
            return out;
        }
    }

    private ChatSummary summary(UserId actor, ChatState chat) {
        List<StoredMessage> visible = chat.visibleTo(actor, now());
        Optional<Message> last = visible.isEmpty() ? Optional.empty()
                : Optional.of(direct.view(visible.get(visible.size() - 1), actor));
        OwnChatSettings own = ChatActions.peek(chat, actor);
        return new ChatSummary(DirectChats.idFor(chat, actor), direct.titleFor(chat, actor), last,
                chat.unreadFor(actor, now()), own.pinned(), own.archived, own.mutedAt(now()), chat.members.size(),
                own.markedUnread, ChatPhotos.url(chat, photoUrlBase));
    }

    // ---------------------------------------------------------------- messages

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
        try (Held held = exclusive()) {
            return sendIn(memberChat(actor, chatId), actor, chatId, draft);
        }
    }

    /**
     * Runs message traffic of one chat: the global lock shared, the chat's monitor held. Group chats only: opening a
     * one-to-one chat creates it, which is exclusive.
     */
    private <T> T inChat(UserId actor, ChatId chatId, Function<ChatState, T> op) {
        try (Held held = shared()) {
            ChatState chat = memberChat(actor, chatId);
            synchronized (chat) {
                return op.apply(chat);
            }
        }
    }

    /** Sends in a chat whose monitor (or the exclusive lock) the caller holds. */
    private Message sendIn(ChatState chat, UserId actor, ChatId chatId, Draft draft) {
        direct.requireCanWrite(chat, actor);
        Instant now = now();
        IdempotencyKey key = null;
        if (draft.randomId().isPresent()) {
            key = new IdempotencyKey(actor, chatId.peerId(), draft.randomId().getAsInt());
            Remembered earlier = sentByRandomId.get(key);
            if (earlier != null && earlier.at.plus(IDEMPOTENCY_WINDOW).isAfter(now)) {
                return direct.view(messagesById.get(earlier.messageId), actor);
            }
        }
        if (draft.replyTo().isPresent()) {
            StoredMessage target = messagesById.get(draft.replyTo().get().value());
            // the chat first: a message of another chat is read only on the exclusive path (private replies)
            if (target == null || !(target.chat.equals(chat.id) || direct.isPrivateReply(chat, target, actor))
                    || !target.visibleTo(actor, now)) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "the message replied to ("
                        + draft.replyTo().get().value() + ") is not in this chat; reply to a message of the same chat");
            }
        }
        List<Message> forwarded = forwardedCopies(actor, draft.forwarded(), now);
        // attachments are only sent on the exclusive path, where no other send takes the id meanwhile
        List<org.sferum.sdk.attachments.Attachment> attached = draft.attachments().isEmpty() ? List.of()
                : attachmentRules.attach(actor, draft.attachments(), nextMessageId.get());
        StoredMessage message = new StoredMessage(nextMessageId.getAndIncrement(), chat.id, chat.lastCmid() + 1, actor,
                draft.text(), now, draft.replyTo(), draft.randomId().orElse(0));
        message.attachments = attached;
        stampNew(chat, message, forwarded, now);
        chat.messages.add(message);
        messagesById.put(message.id, message);
        chat.readUpTo.put(actor, message.cmid);
        chat.lastActivity = nextActivity.getAndIncrement();
        if (key != null) {
            sentByRandomId.put(key, new Remembered(message.id, now));
        }
        chatEvents.messageSent(chat, message, now);
        return direct.view(message, actor);
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
        Function<ChatState, HistoryWindow> read = chat -> HistoryPages.window(chat, actor, now(),
                order == HistoryOrder.NEWEST_FIRST, anchor.map(MessageId::value), offset, count,
                message -> direct.view(message, actor));
        if (Objects.requireNonNull(chatId, "chat").isGroup()) {
            return inChat(actor, chatId, read);
        }
        try (Held held = exclusive()) {
            return read.apply(memberChat(actor, chatId));
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
        try (Held held = exclusive()) {
            return op.apply(memberChat(actor, chatId));
        }
    }

    private void markReadIn(ChatState chat, UserId actor, Optional<MessageId> upTo) {
        long cmid = chat.lastCmid();
        if (upTo.isPresent()) {
            StoredMessage message = messagesById.get(upTo.get().value());
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
            chatEvents.read(chat, actor, idAtCmid(chat, cmid));
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
        return messageTraffic(actor, chatId, chat -> chat.unreadFor(actor, now()));
    }

    /**
     * Finds a message the reader can see: one of a chat the reader is a member of.
     *
     * @param reader who reads
     * @param id the message
     * @return the message, or empty when it does not exist or the reader may not see it
     */
    public Optional<Message> visibleMessage(UserId reader, MessageId id) {
        try (Held held = shared()) {
            account(reader);
            StoredMessage message = messagesById.get(Objects.requireNonNull(id, "message").value());
            if (message == null) {
                return Optional.empty();
            }
            ChatState chat = chats.get(message.chat.peerId());
            if (chat == null || !chat.isMember(reader)) {
                return Optional.empty();
            }
            synchronized (chat) {
                return chat.sees(reader, message, now()) ? Optional.of(direct.view(message, reader)) : Optional.empty();
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
        try (Held held = shared()) {
            StoredMessage message = messagesById.get(Objects.requireNonNull(id, "message").value());
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
        // cmids count 1, 2, 3… in list order, so the message with cmid n sits at index n - 1.
        return cmid <= 0 || cmid > chat.messages.size() ? 0 : chat.messages.get((int) cmid - 1).id;
    }

    // ---------------------------------------------------------------- per-user chat actions (F-CHAT-07, F-CHAT-08)

    /** The rules of the per-user chat actions; pins are numbered here. */
    private final ChatActions chatActions = new ChatActions();

    /**
     * Pins a chat on top of the actor's list (F-CHAT-07). Pinning a pinned chat changes nothing; pinning an
     * archived chat brings it back from the archive.
     *
     * @param actor who pins
     * @param chatId the chat
     * @throws org.sferum.sdk.error.ConflictException with {@code LIMIT_REACHED} when the actor has five pinned
     *     chats already
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} if the actor is not a member
     */
    public void pinChat(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            chatActions.pin(actor, memberChat(actor, chatId), chats.values());
        }
    }

    /**
     * Unpins a chat (F-CHAT-07); a chat that is not pinned stays as it is.
     *
     * @param actor who unpins
     * @param chatId the chat
     */
    public void unpinChat(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            ChatActions.unpin(actor, memberChat(actor, chatId));
        }
    }

    /**
     * Archives a chat for the actor, or brings it back (F-CHAT-08). Archiving unpins; a new message does not bring
     * the chat back.
     *
     * @param actor who archives
     * @param chatId the chat
     * @param archived the new state
     */
    public void setArchived(UserId actor, ChatId chatId, boolean archived) {
        try (Held held = exclusive()) {
            ChatActions.setArchived(actor, memberChat(actor, chatId), archived);
        }
    }

    /**
     * Marks a chat unread for the actor until they read it (F-CHAT-08).
     *
     * @param actor who marks
     * @param chatId the chat
     */
    public void markUnread(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            ChatActions.markUnread(actor, memberChat(actor, chatId));
        }
    }

    /**
     * Mutes a chat's notifications for the actor (F-CHAT-08, F-ACC-02), forever or until a time; a mute with an
     * end ends by itself on the engine's clock. A new mute replaces the previous one.
     *
     * @param actor who mutes
     * @param chatId the chat
     * @param until when the mute ends (kept to the second, rounded up); empty for never
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the end is not in the future
     */
    public void mute(UserId actor, ChatId chatId, Optional<Instant> until) {
        Objects.requireNonNull(until, "until");
        try (Held held = exclusive()) {
            Instant now = now();
            ChatActions.checkMuteEnd(until, now);
            ChatActions.mute(actor, memberChat(actor, chatId), until, now);
        }
    }

    /**
     * Turns a chat's notifications back on for the actor; a chat that is not muted stays as it is.
     *
     * @param actor who unmutes
     * @param chatId the chat
     */
    public void unmute(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            ChatActions.unmute(actor, memberChat(actor, chatId));
        }
    }

    /**
     * Clears a chat's history for the actor only (F-CHAT-08): their history, unread count and last message of the
     * chat start after its current latest message; the other members still see everything.
     *
     * @param actor who clears
     * @param chatId the chat
     * @return the id of the latest message cleared, 0 when the chat has none
     */
    public long clearHistory(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            return ChatActions.clearHistory(actor, memberChat(actor, chatId));
        }
    }

    /**
     * Returns a member's own settings of a chat as they stand now, for the faces to render.
     *
     * @param actor the member
     * @param chatId the chat
     * @return the settings
     */
    public OwnChatState ownState(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            return ChatActions.state(actor, memberChat(actor, chatId), chats.values(), now());
        }
    }

    // ---------------------------------------------------------------- chat management (F-CHAT-03 … F-CHAT-06, F-CHAT-10)

    /**
     * Changes who may do what in a chat; the owner only (F-CHAT-03).
     *
     * @param actor who changes them
     * @param chatId the chat
     * @param settings the new settings
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} for anyone but the owner
     */
    public void updateChatSettings(UserId actor, ChatId chatId, org.sferum.sdk.chats.ChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (Held held = exclusive()) {
            ChatAdmin.updateSettings(memberChat(actor, chatId), actor, settings);
        }
    }

    /**
     * Renames a chat, as {@code CHANGE_INFO} allows (F-CHAT-04).
     *
     * @param actor who renames it
     * @param chatId the chat
     * @param title the new title, checked as {@link NewChat#validTitle}
     */
    public void renameChat(UserId actor, ChatId chatId, String title) {
        try (Held held = exclusive()) {
            ChatAdmin.rename(memberChat(actor, chatId), actor, title);
        }
    }

    /**
     * Adds an existing user to a chat, as {@code INVITE} allows; a member already in it stays as they are
     * (F-CHAT-05).
     *
     * @param actor who adds
     * @param chatId the chat
     * @param user the user to add
     * @throws NotFoundException with {@code USER_NOT_FOUND} if there is no such user
     */
    public void addChatMember(UserId actor, ChatId chatId, UserId user) {
        try (Held held = exclusive()) {
            ChatState chat = memberChat(actor, chatId);
            account(user);
            boolean already = chat.isMember(user);
            ChatAdmin.addMember(chat, actor, user, now());
            if (!already) {
                chatEvents.memberJoined(chat, user);
            }
        }
    }

    /**
     * Removes a member (F-CHAT-05): the owner removes anyone, an admin ordinary members (and admins when admins
     * may change admins), nobody the owner; removing oneself is leaving. The removed member loses access at once.
     *
     * @param actor who removes
     * @param chatId the chat
     * @param member the member to remove
     */
    public void removeChatMember(UserId actor, ChatId chatId, UserId member) {
        try (Held held = exclusive()) {
            ChatAdmin.checkRemoval(memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"));
            leaveChat(member, chatId);
        }
    }

    /**
     * Tells whether the actor may remove a member, as {@link #removeChatMember} decides ({@code can_kick}).
     *
     * @param actor who would remove
     * @param chatId the chat
     * @param member the member
     * @return whether the removal would be allowed
     */
    public boolean canRemoveChatMember(UserId actor, ChatId chatId, UserId member) {
        try (Held held = exclusive()) {
            return ChatAdmin.canRemove(memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"));
        }
    }

    /**
     * Appoints or dismisses an admin, as {@code CHANGE_ADMINS} allows (F-CHAT-05).
     *
     * @param actor who changes the role
     * @param chatId the chat
     * @param member the member, not the owner
     * @param admin {@code true} to appoint, {@code false} to dismiss
     */
    public void setChatAdmin(UserId actor, ChatId chatId, UserId member, boolean admin) {
        try (Held held = exclusive()) {
            ChatAdmin.setAdmin(memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"), admin);
        }
    }

    /**
     * Returns a chat's invite link, or revokes it and issues a new one (F-CHAT-10); needs {@code INVITE} and
     * {@code SEE_INVITE_LINK}.
     *
     * @param actor who asks
     * @param chatId the chat
     * @param reset whether to revoke the current link
     * @return the current link
     */
    public org.sferum.sdk.chats.InviteLink inviteLink(UserId actor, ChatId chatId, boolean reset) {
        try (Held held = exclusive()) {
            return ChatAdmin.inviteLink(memberChat(actor, chatId), actor, reset, random);
        }
    }

    /**
     * Joins a chat by its current invite link; a member joining again stays as they are (F-CHAT-10).
     *
     * @param actor who joins
     * @param link the link
     * @return the chat
     * @throws NotFoundException with {@code INVITE_LINK_INVALID} for an unknown or reset link
     */
    public ChatId joinChatByLink(UserId actor, org.sferum.sdk.chats.InviteLink link) {
        Objects.requireNonNull(link, "link");
        try (Held held = exclusive()) {
            account(actor);
            ChatState chat = ChatAdmin.byLink(chats.values(), link);
            boolean already = chat.isMember(actor);
            ChatAdmin.join(chat, actor, now());
            if (!already) {
                chatEvents.memberJoined(chat, actor);
            }
            return chat.id;
        }
    }

    /**
     * Returns one chat's row of the member's chat list, whatever the list's filters (for
     * {@code messages.getConversationsById}).
     *
     * @param actor the member
     * @param chatId the chat
     * @return the row
     */
    public ChatSummary chatSummary(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            return summary(actor, memberChat(actor, chatId));
        }
    }

    // ---------------------------------------------------------------- message actions (F-MSG-02 … F-MSG-10, F-CHAT-09, F-CHAT-11)

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

    /**
     * Who hears which chat event (F-EMB-02). Reads {@link #direct} and {@link #sinks}, set later, only when called.
     */
    final ChatEvents chatEvents = new ChatEvents((to, event) -> this.emit(to, event),
            (message, reader) -> this.direct.view(message, reader));

    /** The rules of the message actions; reports are kept here. Reads {@link #direct}, set later, only when called. */
    private final MessageActions messageActions = new MessageActions(chats, messagesById,
            (message, reader) -> this.direct.view(message, reader), chatEvents);

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
     * @throws org.sferum.sdk.error.ConflictException with {@code EDIT_WINDOW_EXPIRED} after the window
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} if the actor cannot see it in the chat
     */
    public Message edit(UserId actor, ChatId chatId, MessageId id, String newText) {
        String text = Draft.text(newText).text();
        try (Held held = exclusive()) {
            Instant now = now();
            return messageActions.edit(actor, memberChat(actor, chatId), id, text, now);
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
        try (Held held = exclusive()) {
            Instant now = now();
            account(actor);
            Optional<ChatId> stored = chatId.map(id -> memberChat(actor, id).id);
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
        try (Held held = exclusive()) {
            Instant now = now();
            account(actor);
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
    public void report(UserId actor, ChatId chatId, MessageId id, org.sferum.sdk.messages.ReportReason reason) {
        Objects.requireNonNull(reason, "reason");
        try (Held held = exclusive()) {
            Instant now = now();
            messageActions.report(actor, chatId, memberChat(actor, chatId), id, reason, now);
        }
    }

    /**
     * Returns the reports moderators would see, oldest first: for tests.
     *
     * @return a copy of the reports
     */
    public List<MessageReport> reports() {
        try (Held held = exclusive()) {
            return messageActions.reports();
        }
    }

    /**
     * Pins a message in its chat for every member (F-MSG-08), as {@link org.sferum.sdk.chats.ChatAction#CHANGE_PIN}
     * allows. Pinning the pinned message again changes nothing.
     *
     * @param actor who pins
     * @param chatId the chat
     * @param id the message
     * @return the pinned message
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow the actor
     * @throws org.sferum.sdk.error.ConflictException with {@code CANNOT_PIN_EXPIRING_MESSAGE} for a phantom chat's
     *     message
     */
    public Message pin(UserId actor, ChatId chatId, MessageId id) {
        try (Held held = exclusive()) {
            Instant now = now();
            return messageActions.pin(actor, memberChat(actor, chatId), id, now);
        }
    }

    /**
     * Unpins the chat's pinned message (F-MSG-08), as {@link org.sferum.sdk.chats.ChatAction#CHANGE_PIN} allows.
     * Nothing pinned: nothing changes.
     *
     * @param actor who unpins
     * @param chatId the chat
     */
    public void unpin(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            MessageActions.unpin(actor, memberChat(actor, chatId));
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
        try (Held held = exclusive()) {
            return messageActions.pinned(actor, memberChat(actor, chatId), now());
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
        try (Held held = exclusive()) {
            return messageActions.search(actor, memberChat(actor, chatId), search, offset, count, now());
        }
    }

    /**
     * Makes a group chat a phantom chat («фантом-чат», F-CHAT-11), or an ordinary one again, as
     * {@link org.sferum.sdk.chats.ChatAction#CHANGE_INFO} allows [choice]. Messages sent afterwards disappear for
     * everyone that long after they were sent; messages sent before keep their own fate.
     *
     * @param actor who changes it
     * @param chatId the chat
     * @param after how long new messages live, {@link #MIN_DISAPPEARING} to {@link #MAX_DISAPPEARING} (whole
     *     seconds); empty to stop
     */
    public void setDisappearing(UserId actor, ChatId chatId, Optional<Duration> after) {
        Duration ttl = MessageActions.disappearAfter(after);
        try (Held held = exclusive()) {
            MessageActions.setDisappearing(actor, memberChat(actor, chatId), ttl);
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
        try (Held held = exclusive()) {
            return Optional.ofNullable(memberChat(actor, chatId).disappearAfter);
        }
    }

    /** Copies the messages a new message forwards; each must be one the actor sees. Under the lock. */
    private List<Message> forwardedCopies(UserId actor, List<MessageId> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Message> out = new ArrayList<>(ids.size());
        for (MessageId id : distinct(ids)) {
            StoredMessage message = messagesById.get(id.value());
            ChatState chat = message == null ? null : chats.get(message.chat.peerId());
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

    private static List<MessageId> distinct(List<MessageId> ids) {
        List<MessageId> unique = List.copyOf(new java.util.LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
        if (unique.isEmpty() || unique.size() > MAX_MESSAGES_PER_ACTION) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "give 1 to " + MAX_MESSAGES_PER_ACTION
                    + " message ids, got " + unique.size());
        }
        return unique;
    }

    // ---------------------------------------------------------------- one-to-one chats, contacts, notifications (F-CHAT-12, F-MSG-09, F-ACC-01, F-ACC-02)

    /** One-to-one chats and contacts; see {@link DirectChats}. Initialised after {@link #chats}. */
    final DirectChats direct = new DirectChats(chats, this::person);
    /** Each user's notification settings. */
    private final NotificationPrefs notificationPrefs = new NotificationPrefs();

    /**
     * Lists the people the actor can reach (F-ACC-01): [choice] every user who shares a group chat with the actor,
     * by last name, then first name (Russian collation), then id.
     *
     * @param actor who asks
     * @return the contacts
     */
    public List<Person> contacts(UserId actor) {
        try (Held held = exclusive()) {
            account(actor);
            return direct.contacts(actor);
        }
    }

    /**
     * Tells whether the actor may post in a chat now, and if not, why (for the chat list's {@code can_write}).
     *
     * @param actor a member of the chat
     * @param chatId the chat
     * @return empty when the actor may post; {@code NOT_A_CONTACT} in a one-to-one chat with someone who is no
     *     longer a contact; {@code WRITING_DISABLED} for a member of an announcement chat (F-CHAT-12)
     */
    public Optional<ErrorCode> writeRefusal(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            return Optional.ofNullable(direct.writeRefusal(memberChat(actor, chatId), actor));
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
        try (Held held = exclusive()) {
            Objects.requireNonNull(original, "message");
            Objects.requireNonNull(draft, "draft");
            if (!Objects.requireNonNull(chatId, "chat").isGroup()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "reply privately answers a message of a group chat; in a one-to-one chat, reply to it");
            }
            ChatState chat = memberChat(actor, chatId);
            StoredMessage target = messagesById.get(original.value());
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
        try (Held held = exclusive()) {
            ChatState chat = memberChat(reader, chatId);
            for (StoredMessage message : chat.messages) {
                if (message.cmid == cmid) {
                    return direct.view(message, reader);
                }
            }
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                    "the chat has no message with conversation message id " + cmid);
        }
    }

    /**
     * Returns a user's notification settings (F-ACC-02); everything on, with sound, until changed.
     *
     * @param actor the user
     * @return the settings
     */
    public NotificationSettings notificationSettings(UserId actor) {
        try (Held held = exclusive()) {
            account(actor);
            return notificationPrefs.of(actor);
        }
    }

    /**
     * Replaces a user's notification settings (F-ACC-02). Per-chat muting is separate.
     *
     * @param actor the user
     * @param settings the new settings
     */
    public void updateNotificationSettings(UserId actor, NotificationSettings settings) {
        try (Held held = exclusive()) {
            account(actor);
            notificationPrefs.set(actor, Objects.requireNonNull(settings, "notification settings"));
        }
    }


    // ---------------------------------------------------------------- rules shared by all operations

    ChatState memberChat(UserId actor, ChatId id) {
        account(actor);
        if (!Objects.requireNonNull(id, "chat").isGroup()) {
            return direct.open(actor, id, now());
        }
        ChatState chat = chats.get(id.peerId());
        if (chat == null || DirectChats.isDirect(chat)) {
            throw new NotFoundException(ErrorCode.CHAT_NOT_FOUND,
                    "chat " + id.localId() + " does not exist; list the user's chats to find its id");
        }
        if (!chat.isMember(actor)) {
            throw new PermissionDeniedException(ErrorCode.NOT_A_CHAT_MEMBER,
                    "user " + actor.value() + " is not a member of chat " + id.localId()
                            + "; only members can read or write in a chat");
        }
        return chat;
    }

    /**
     * Checks that a member may perform an action the chat settings govern (F-CHAT-03): the owner always may;
     * admins when the level is {@code OWNER_AND_ADMINS} or {@code ALL}; everyone when it is {@code ALL}.
     * Call under the lock, with a chat from {@link #memberChat}.
     */
    static void requireAllowed(ChatState chat, UserId actor, org.sferum.sdk.chats.ChatAction action) {
        org.sferum.sdk.chats.PermissionLevel level = chat.settings.level(action);
        MemberRole role = chat.members.get(actor).role();
        boolean allowed = role == MemberRole.OWNER
                || level == org.sferum.sdk.chats.PermissionLevel.ALL
                || (level == org.sferum.sdk.chats.PermissionLevel.OWNER_AND_ADMINS && role == MemberRole.ADMIN);
        if (!allowed) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT, "the settings of chat "
                    + chat.id.localId() + " allow " + action + " to " + level + " only");
        }
    }

    // ---------------------------------------------------------------- chat avatar and appearance (F-CHAT-06, F-CHAT-11)

    /**
     * How long an unused chat photo upload ticket ({@code photos.getChatUploadServer}'s address) and an uploaded file
     * not yet set by {@code messages.setChatPhoto} stay valid, on the engine's clock (F-CHAT-06) [choice: 1 h; VK
     * publishes no figure]. After that the emulator forgets them and refuses them as unknown.
     */
    public static final Duration CHAT_PHOTO_UPLOAD_LIFETIME = UploadPipeline.LIFETIME;
    /** [choice] Where the fake says chat images are served, until {@link #serveChatPhotosAt} says otherwise. */
    public static final String DEFAULT_PHOTO_URL_BASE = "https://sferum.test/chat_photo/";
    /** The chat images; guarded by the lock. */
    private final ChatPhotos chatPhotos;
    private long nextPhotoKey = 1;
    private volatile String photoUrlBase = DEFAULT_PHOTO_URL_BASE;

    /**
     * Sets where chat images are served: a chat's photo URL is this base followed by the image's key (the
     * emulator serves them itself).
     *
     * @param base the base, ending in {@code /}
     */
    public void serveChatPhotosAt(String base) {
        this.photoUrlBase = Objects.requireNonNull(base, "base");
    }

    /**
     * Sets or replaces a chat's avatar, as {@code CHANGE_INFO} allows (F-CHAT-06).
     *
     * @param actor who sets it
     * @param chatId the chat
     * @param photo the image, already checked
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public void setChatPhoto(UserId actor, ChatId chatId, org.sferum.sdk.chats.ChatPhoto photo) {
        Objects.requireNonNull(photo, "photo");
        try (Held held = exclusive()) {
            ChatState chat = memberChat(actor, chatId);
            String key = chat.id.localId() + "_" + nextPhotoKey + "_" + Long.toUnsignedString(random.nextLong(), 36);
            chatPhotos.set(chat, actor, photo, key);
            nextPhotoKey++;
        }
    }

    /**
     * Removes a chat's avatar, as {@code CHANGE_INFO} allows (F-CHAT-06); nothing changes when it has none.
     *
     * @param actor who removes it
     * @param chatId the chat
     */
    public void removeChatPhoto(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            chatPhotos.remove(memberChat(actor, chatId), actor);
        }
    }

    /**
     * Returns a current chat image by its key (the last part of its URL), for serving it.
     *
     * @param key the key
     * @return the image; empty for an unknown, replaced or removed one
     */
    public Optional<org.sferum.sdk.chats.ChatPhoto> chatImage(String key) {
        try (Held held = exclusive()) {
            return chatPhotos.image(key);
        }
    }

    /**
     * Gives a member an address's ticket for a chat's new avatar (F-CHAT-06), valid
     * {@link #CHAT_PHOTO_UPLOAD_LIFETIME}; the rights are checked when the avatar is set.
     *
     * @param actor who will upload
     * @param chatId the chat
     * @return the ticket, a secret
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} for anyone but a member
     */
    public String openChatPhotoUpload(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            memberChat(actor, chatId);
            return uploads.openChatPhoto(actor, chatId, now());
        }
    }

    /**
     * Tells whether a chat avatar ticket is live.
     *
     * @param ticket the ticket
     * @return {@code false} when unknown, expired or not a chat avatar's
     */
    public boolean acceptsChatPhoto(String ticket) {
        try (Held held = exclusive()) {
            return uploads.chatPhotoTicket(ticket, now());
        }
    }

    /**
     * Receives a chat avatar's bytes posted to its ticket's address; they are checked when the avatar is set.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes
     * @return the upload's key, the {@code file} string to set it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket
     */
    public String receiveChatPhoto(String ticket, String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = exclusive()) {
            return uploads.receiveChatPhoto(ticket, fileName, content, now());
        }
    }

    /**
     * Sets a chat's avatar from the actor's upload, which is used once whatever happens (F-CHAT-06).
     *
     * @param actor who sets it: the uploader
     * @param file the upload's key
     * @return the chat the upload was for
     * @throws ValidationException with {@code INVALID_ARGUMENT} when it is not the actor's upload, expired, was used
     *     already or is not a JPEG or PNG image of at most 5 MB
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public ChatId setChatPhotoFromUpload(UserId actor, String file) {
        try (Held held = exclusive()) {
            UploadPipeline.ChatPhotoUpload upload = uploads.takeChatPhoto(actor, file, now());
            setChatPhoto(actor, upload.chat(), org.sferum.sdk.chats.ChatPhoto.of(upload.fileName(), upload.content()));
            return upload.chat();
        }
    }

    /**
     * How many chat avatar tickets and unused uploads are held: for tests of their expiry.
     *
     * @return the number
     */
    public int heldChatPhotoUploads() {
        try (Held held = exclusive()) {
            return uploads.held(true);
        }
    }

    /**
     * Sets a chat's appearance, as {@code CHANGE_INFO} allows (F-CHAT-11).
     *
     * @param actor who sets it
     * @param chatId the chat
     * @param appearance the theme
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public void setChatAppearance(UserId actor, ChatId chatId, org.sferum.sdk.chats.ChatAppearance appearance) {
        Objects.requireNonNull(appearance, "appearance");
        try (Held held = exclusive()) {
            ChatState chat = memberChat(actor, chatId);
            requireAllowed(chat, actor, org.sferum.sdk.chats.ChatAction.CHANGE_INFO);
            chat.appearance = appearance;
        }
    }

    // ---------------------------------------------------------------- events

    /** Each user's event sinks; guarded by the lock. */
    private final Map<UserId, List<java.util.function.Consumer<org.sferum.sdk.events.SferumEvent>>> sinks =
            new HashMap<>();

    /**
     * Delivers a user's events (F-EMB-02) to a sink, called under the engine's lock: the sink must only hand
     * them over (to a queue or another thread) and return.
     *
     * @param user whose events
     * @param sink where they go
     * @return closes the subscription
     */
    public Runnable subscribe(UserId user, java.util.function.Consumer<org.sferum.sdk.events.SferumEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        try (Held held = exclusive()) {
            account(user);
            sinks.computeIfAbsent(user, u -> new ArrayList<>()).add(sink);
        }
        return () -> {
            try (Held held = exclusive()) {
                List<java.util.function.Consumer<org.sferum.sdk.events.SferumEvent>> mine = sinks.get(user);
                if (mine != null) {
                    mine.remove(sink);
                }
            }
        };
    }

    /** Hands one user's event to their sinks; under the lock (the sinks only queue). */
    void emit(UserId to, org.sferum.sdk.events.SferumEvent event) {
        List<java.util.function.Consumer<org.sferum.sdk.events.SferumEvent>> mine = sinks.get(to);
        if (mine != null) {
            for (java.util.function.Consumer<org.sferum.sdk.events.SferumEvent> sink : List.copyOf(mine)) {
                sink.accept(event);
            }
        }
    }

    private record IdempotencyKey(UserId author, long peerId, int randomId) {
    }

    private record Remembered(long messageId, Instant at) {
    }

    /** An access token's user and, for VK ID's tokens, its expiry ({@code null}: never). */
    private record IssuedToken(UserId user, Instant expiresAt) {
    }

    // ---------------------------------------------------------------- attachments (F-ATT-01, F-ATT-03)

    /**
     * How long an upload address ({@code photos.getMessagesUploadServer}, {@code docs.getMessagesUploadServer}) and
     * an upload not yet saved ({@code photos.saveMessagesPhoto}, {@code docs.save}) stay valid, on the engine's
     * clock [choice: 1 h, as {@link #CHAT_PHOTO_UPLOAD_LIFETIME}; VK publishes no figure].
     */
    public static final Duration UPLOAD_LIFETIME = UploadPipeline.LIFETIME;
    /** The largest photo, in bytes: VK's public 50 MB (F-ATT-01). */
    public static final int MAX_PHOTO_BYTES = UploadPipeline.MAX_PHOTO_BYTES;
    /** The largest file, in bytes: VK's public 200 MB (F-ATT-03). */
    public static final int MAX_FILE_BYTES = UploadPipeline.MAX_FILE_BYTES;
    /** The largest video, in bytes [choice: 1 GB] (F-ATT-02). */
    public static final int MAX_VIDEO_BYTES = UploadPipeline.MAX_VIDEO_BYTES;
    /** [choice] Where the fake says attached photos are served, until {@link #serveAttachmentsAt} says otherwise. */
    public static final String DEFAULT_ATTACHMENT_URL_BASE = "https://sferum.test/attachment/";

    /** The upload pipeline; guarded by the lock. */
    private final UploadPipeline uploads;
    /** The attachments' rules; guarded by the lock. */
    private final AttachmentRules attachmentRules;

    private String secret() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Sets where attached photos are served: a photo's URL is this base followed by its secret key.
     *
     * @param base the base, ending in {@code /}
     */
    public void serveAttachmentsAt(String base) {
        Objects.requireNonNull(base, "base");
        try (Held held = exclusive()) {
            attachmentRules.serveAt(base);
        }
    }

    /**
     * Gives a user an upload address's ticket (F-ATT-01, F-ATT-03), valid {@link #UPLOAD_LIFETIME}.
     *
     * @param actor who will upload
     * @param kind what the address accepts
     * @return the ticket, a secret
     */
    public String openUpload(UserId actor, UploadKind kind) {
        Objects.requireNonNull(kind, "kind");
        try (Held held = exclusive()) {
            account(actor);
            return uploads.open(actor, kind, now());
        }
    }

    /**
     * Opens a video upload, as VK's {@code video.save}: the video's title and id are fixed now, its bytes come to the
     * ticket's address within {@link #UPLOAD_LIFETIME} (F-ATT-02).
     *
     * @param actor who will upload
     * @param title the title, 1 to 128 characters
     * @return the ticket (a secret) and the video as it will be
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a bad title
     */
    public Map.Entry<String, org.sferum.sdk.attachments.Attachment.Video> openVideoUpload(UserId actor, String title) {
        try (Held held = exclusive()) {
            account(actor);
            return attachmentRules.openVideo(actor, title, now());
        }
    }

    /**
     * Receives a video's bytes at its ticket's address; the ticket is used once and the video is saved.
     *
     * @param ticket the ticket
     * @param content the bytes
     * @return the video
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or bytes that are
     *     empty, too large or not a video
     */
    public org.sferum.sdk.attachments.Attachment.Video receiveVideo(String ticket, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = exclusive()) {
            return (org.sferum.sdk.attachments.Attachment.Video) attachmentRules.receiveVideo(ticket, content, now());
        }
    }

    /**
     * Receives a video streamed to its ticket's address (F-ATT-02): the bytes go straight into the
     * {@link BlobStore} without the engine's lock (a store with a memory cap spills them to disk), then are checked
     * by their size and first bytes under the lock, like {@link #receiveVideo(String, byte[])}; refused bytes are
     * removed.
     *
     * @param ticket the video ticket
     * @param content the bytes; read to the end (or past the limit), not closed
     * @return the video
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a video that
     *     breaks the rules (empty, larger than {@link #MAX_VIDEO_BYTES}, not a video format)
     * @throws IOException if reading the stream fails (nothing is kept)
     */
    public org.sferum.sdk.attachments.Attachment.Video receiveVideo(String ticket, InputStream content)
            throws IOException {
        return streamed(ticket, true, content, (key, size) -> (org.sferum.sdk.attachments.Attachment.Video)
                attachmentRules.receiveStoredVideo(ticket, key, size, now()));
    }

    /**
     * Uploads a video in one step, as the fake does (F-ATT-02).
     *
     * @param actor the uploader
     * @param title the title
     * @param content the bytes
     * @return the video
     */
    public org.sferum.sdk.attachments.Attachment.Video uploadVideo(UserId actor, String title, byte[] content) {
        try (Held held = exclusive()) {
            return receiveVideo(openVideoUpload(actor, title).getKey(), content);
        }
    }

    /**
     * Tells what a live ticket accepts.
     *
     * @param ticket the ticket
     * @return its kind; empty when unknown or expired
     */
    public Optional<UploadKind> uploadKind(String ticket) {
        try (Held held = exclusive()) {
            return uploads.messageTicketKind(ticket, now());
        }
    }

    /**
     * Receives the bytes posted to a ticket's address and checks them.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes
     * @return the upload's key, a secret to save it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a file that
     *     breaks the rules (empty, too large, a wrong type)
     */
    public String receiveUpload(String ticket, String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = exclusive()) {
            return uploads.receive(ticket, fileName, content, now());
        }
    }

    /**
     * Receives a photo or file streamed to its ticket's address: the bytes go straight into the {@link BlobStore}
     * without the engine's lock (a store with a memory cap spills them to disk), then are checked by their size and
     * first bytes under the lock, with the same rules as {@link #receiveUpload(String, String, byte[])}; refused
     * bytes are removed.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes; read to the end (or past the limit), not closed
     * @return the upload's key, a secret to save it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a file that
     *     breaks the rules (empty, too large, a wrong type)
     * @throws IOException if reading the stream fails (nothing is kept)
     */
    public String receiveUpload(String ticket, String fileName, InputStream content) throws IOException {
        return streamed(ticket, false, content, (key, size) -> uploads.receiveStored(ticket, fileName, key, size,
                now()));
    }

    /** What is done with a streamed upload's blob key and size under the lock. */
    private interface Received<T> {
        T apply(String blobKey, long size);
    }

    /** Checks the ticket under the lock, streams the bytes into the store without it, then finishes under it. */
    private <T> T streamed(String ticket, boolean video, InputStream content, Received<T> finish) throws IOException {
        Objects.requireNonNull(content, "content");
        UploadPipeline.Staged staged;
        try (Held held = exclusive()) {
            staged = uploads.stage(ticket, video, now());
        }
        long size = uploads.stream(staged, content);
        try (Held held = exclusive()) {
            return finish.apply(staged.blobKey(), size);
        }
    }

    /**
     * Saves an upload as the actor's photo or file, once.
     *
     * @param actor who saves it: the uploader
     * @param uploadKey the upload's key
     * @param kind what it must be
     * @param title a file's title; empty keeps the file's name
     * @return the photo or file, ready to attach
     * @throws ValidationException with {@code INVALID_ARGUMENT} when it is not the actor's upload of that kind,
     *     was saved already or expired
     */
    public org.sferum.sdk.attachments.Attachment saveUpload(UserId actor, String uploadKey, UploadKind kind,
                                                            Optional<String> title) {
        try (Held held = exclusive()) {
            account(actor);
            return attachmentRules.save(actor, uploadKey, kind, title, now());
        }
    }

    /**
     * Uploads and saves in one step, as the fake does (F-ATT-01, F-ATT-03).
     *
     * @param actor the uploader
     * @param kind photo or file
     * @param fileName the file's name
     * @param content the bytes
     * @return the photo or file
     */
    public org.sferum.sdk.attachments.Attachment upload(UserId actor, UploadKind kind, String fileName,
                                                        byte[] content) {
        try (Held held = exclusive()) {
            String ticket = openUpload(actor, kind);
            return saveUpload(actor, receiveUpload(ticket, fileName, content), kind, Optional.empty());
        }
    }

    /**
     * Returns the bytes of an attached photo or file by its secret key, for serving its address.
     *
     * @param key the last part of its address
     * @return the bytes; empty for an unknown key or an item not attached to a message
     */
    public Optional<byte[]> attachmentContent(String key) {
        try (Held held = exclusive()) {
            return attachmentRules.content(key);
        }
    }

    /**
     * Opens the bytes of an attached photo or file by its secret key for streaming, so that serving a large file
     * needs no copy of it in memory.
     *
     * @param key the last part of its address
     * @return the size and a stream to close; empty for an unknown key or an item not attached to a message
     */
    public Optional<StoredContent> attachmentStream(String key) {
        try (Held held = exclusive()) {
            return attachmentRules.stream(key);
        }
    }

    /**
     * How many upload tickets and unsaved uploads are held: for tests of their expiry.
     *
     * @return the number
     */
    public int heldUploads() {
        try (Held held = exclusive()) {
            return uploads.held(false);
        }
    }

    /**
     * Lists the messages of a chat that carry attachments, newest first, as the reader sees them (F-ATT-05,
     * F-CHAT-04): only a member may ask, and a message hidden from the reader (deleted, cleared, expired) is left
     * out with its attachments.
     *
     * @param actor a member of the chat
     * @param chatId the chat
     * @return the messages, newest first
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} for anyone else
     */
    public List<Message> messagesWithAttachments(UserId actor, ChatId chatId) {
        try (Held held = exclusive()) {
            ChatState chat = memberChat(actor, chatId);
            List<Message> out = new ArrayList<>();
            for (StoredMessage message : AttachmentRules.newestWithAttachments(chat.visibleTo(actor, now()))) {
                out.add(direct.view(message, actor));
            }
            return out;
        }
    }

    /**
     * Creates a poll of the actor, to attach to a message (F-ATT-04).
     *
     * @param actor the creator
     * @param question the question, 1 to 255 characters
     * @param answers 1 to 10 answers, each 1 to 100 characters
     * @param anonymous whether the voters are hidden
     * @return the poll
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a question or answers out of those bounds
     */
    public org.sferum.sdk.attachments.Attachment.Poll createPoll(UserId actor, String question, List<String> answers,
                                                                 boolean anonymous) {
        try (Held held = exclusive()) {
            account(actor);
            return attachmentRules.createPoll(actor, question, answers, anonymous, now());
        }
    }

    /**
     * Votes in a poll once, for one answer (F-ATT-04).
     *
     * @param actor the voter: the poll's creator or a member who sees its message
     * @param poll the poll
     * @param answerIndexes exactly one index, from 0
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} when the actor cannot see the poll
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a bad choice
     * @throws org.sferum.sdk.error.ConflictException with {@code CONFLICT} when the actor has voted already
     */
    public void vote(UserId actor, org.sferum.sdk.attachments.MediaId poll, List<Integer> answerIndexes) {
        try (Held held = exclusive()) {
            attachmentRules.vote(visiblePoll(actor, poll), actor, answerIndexes);
        }
    }

    /**
     * Reads a poll's results as the actor sees them (F-ATT-04); an anonymous poll hides its voters.
     *
     * @param actor the reader: the poll's creator or a member who sees its message
     * @param poll the poll
     * @return the results
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} when the actor cannot see the poll
     */
    public org.sferum.sdk.attachments.PollResults pollResults(UserId actor, org.sferum.sdk.attachments.MediaId poll) {
        try (Held held = exclusive()) {
            return attachmentRules.results(visiblePoll(actor, poll), actor);
        }
    }

    /** A poll the actor may see: who sees a message sees its poll. Under the lock. */
    private AttachmentRules.Item visiblePoll(UserId actor, org.sferum.sdk.attachments.MediaId poll) {
        Objects.requireNonNull(poll, "poll");
        account(actor);
        Instant now = now();
        return attachmentRules.poll(actor, poll, id -> {
            StoredMessage message = messagesById.get(id);
            ChatState chat = message == null ? null : chats.get(message.chat.peerId());
            return chat != null && chat.isMember(actor) && chat.sees(actor, message, now);
        });
    }
}
