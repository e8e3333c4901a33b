package org.sferum.sdk.testkit.engine;

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
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The in-memory model of the platform, where every rule is enforced once: the fake and the emulator both call
 * it. Thread-safe: each operation runs under one lock, so concurrent operations happen in one order that every
 * reader sees. Time comes from the injected {@link Clock} only; timestamps are kept to the second, as the
 * wire carries them.
 *
 * <p>Every operation names the acting user; checks of membership and rights happen here, never in the faces.
 */
public final class PlatformEngine {
    /** How long a {@code random_id} is remembered for idempotent sends (see {@code docs/wire/vk-api.md}). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);

    private static final long FIRST_USER_ID = 100_001;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private final VkIdEngine vkId;

    private final Map<UserId, UserAccount> users = new LinkedHashMap<>();
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    private final Map<Long, ChatState> chats = new LinkedHashMap<>();
    private final Map<Long, StoredMessage> messagesById = new HashMap<>();
    private final Map<IdempotencyKey, Remembered> sentByRandomId = new HashMap<>();
    private long nextUserId = FIRST_USER_ID;
    private long nextChatLocalId = 1;
    private long nextMessageId = 1;
    /** Orders chats by their latest creation or message. */
    private long nextActivity = 1;

    /**
     * Creates an empty platform.
     *
     * @param clock the clock every time-dependent rule reads
     */
    public PlatformEngine(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.vkId = new VkIdEngine(this);
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

    private Instant now() {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
            chat.lastActivity = nextActivity++;
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
        synchronized (lock) {
            ChatState chat = memberChat(actor, id);
            return new Chat(DirectChats.idFor(chat, actor), direct.titleFor(chat, actor), chat.owner,
                    List.copyOf(chat.members.values()), chat.settings);
        }
    }

    /**
     * Lists the actor's chats, most recently active first (F-SECT-01).
     *
     * @param actor who asks
     * @param filter which chats
     * @return the chats
     */
    public List<ChatSummary> conversations(UserId actor, ChatFilter filter) {
        synchronized (lock) {
            account(actor);
            List<ChatState> mine = new ArrayList<>();
            for (ChatState chat : chats.values()) {
                if (chat.isMember(actor) && DirectChats.listed(chat)) {
                    mine.add(chat);
                }
            }
            mine.sort(Comparator.comparingLong(PlatformEngine::activity).reversed());
            List<ChatSummary> out = new ArrayList<>();
            for (ChatState chat : mine) {
                ChatSummary summary = summary(actor, chat);
                boolean keep;
                switch (filter) {
                    case UNREAD:
                        keep = summary.unreadCount() > 0;
                        break;
                    case ARCHIVED:
                        keep = summary.archived();
                        break;
                    case ALL:
                    default:
                        keep = !summary.archived();
                        break;
                }
                if (keep) {
                    out.add(summary);
                }
            }
            return out;
        }
    }

    private static long activity(ChatState chat) {
        return chat.lastActivity;
    }

    /**
     * Makes a member leave a group chat (as unlinking does, F-LINK-07). The owner may leave too; the chat and its
     * messages stay for the other members.
     *
     * @param actor who leaves
     * @param chatId the chat
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} if the actor is not a member
     */
    public void leaveChat(UserId actor, ChatId chatId) {
        synchronized (lock) {
            ChatState chat = memberChat(actor, chatId);
            chat.members.remove(actor);
            chat.readUpTo.remove(actor);
        }
    }

    /**
     * Lists the group chats a user is a member of, archived ones included, in the order they were created.
     *
     * @param user the user
     * @return the chats' ids
     */
    public List<ChatId> chatsOf(UserId user) {
        synchronized (lock) {
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
        Optional<Message> last = chat.messages.isEmpty() ? Optional.empty()
                : Optional.of(direct.view(chat.messages.get(chat.messages.size() - 1), actor));
        return new ChatSummary(DirectChats.idFor(chat, actor), direct.titleFor(chat, actor), last, chat.unreadFor(actor), false, false, false,
                chat.members.size());
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
        synchronized (lock) {
            if (!draft.attachments().isEmpty() || !draft.forwarded().isEmpty()) {
                throw new UnsupportedOperationException(
                        "attachments and forwarding are not implemented yet (see docs/status.md)");
            }
            ChatState chat = memberChat(actor, chatId);
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
                if (target == null || !(target.chat.equals(chat.id) || direct.isPrivateReply(chat, target, actor))) {
                    throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "the message replied to ("
                            + draft.replyTo().get().value() + ") is not in this chat; reply to a message of the same chat");
                }
            }
            StoredMessage message = new StoredMessage(nextMessageId++, chat.id, chat.lastCmid() + 1, actor,
                    draft.text(), now, draft.replyTo(), draft.randomId().orElse(0));
            chat.messages.add(message);
            messagesById.put(message.id, message);
            chat.readUpTo.put(actor, message.cmid);
            chat.lastActivity = nextActivity++;
            if (key != null) {
                sentByRandomId.put(key, new Remembered(message.id, now));
            }
            return direct.view(message, actor);
        }
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
        synchronized (lock) {
            if (count < 0 || count > 200) {
                throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                        "count must be between 0 and 200, got " + count);
            }
            if (offset < 0 && anchor.isEmpty()) {
                throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                        "a negative offset needs a start message");
            }
            ChatState chat = memberChat(actor, chatId);
            List<StoredMessage> ordered = new ArrayList<>(chat.messages);
            boolean newestFirst = order == HistoryOrder.NEWEST_FIRST;
            if (newestFirst) {
                java.util.Collections.reverse(ordered);
            }
            int start = 0;
            if (anchor.isPresent()) {
                long a = anchor.get().value();
                start = ordered.size();
                for (int i = 0; i < ordered.size(); i++) {
                    long id = ordered.get(i).id;
                    if (newestFirst ? id <= a : id >= a) {
                        start = i;
                        break;
                    }
                }
            }
            int from = Math.max(0, Math.min(ordered.size(), start + offset));
            int to = Math.min(ordered.size(), from + count);
            List<Message> items = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                items.add(direct.view(ordered.get(i), actor));
            }
            return new HistoryWindow(items, ordered.size(), to < ordered.size());
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
        synchronized (lock) {
            ChatState chat = memberChat(actor, chatId);
            long cmid = chat.lastCmid();
            if (upTo.isPresent()) {
                StoredMessage message = messagesById.get(upTo.get().value());
                if (message == null || !message.chat.equals(chat.id)) {
                    throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                            "message " + upTo.get().value() + " is not in this chat");
                }
                cmid = message.cmid;
            }
            chat.readUpTo.merge(actor, cmid, Math::max);
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
        synchronized (lock) {
            return memberChat(actor, chatId).unreadFor(actor);
        }
    }

    /**
     * Finds a message the reader can see: one of a chat the reader is a member of.
     *
     * @param reader who reads
     * @param id the message
     * @return the message, or empty when it does not exist or the reader may not see it
     */
    public Optional<Message> visibleMessage(UserId reader, MessageId id) {
        synchronized (lock) {
            account(reader);
            StoredMessage message = messagesById.get(Objects.requireNonNull(id, "message").value());
            if (message == null) {
                return Optional.empty();
            }
            ChatState chat = chats.get(message.chat.peerId());
            return chat != null && chat.isMember(reader) ? Optional.of(direct.view(message, reader)) : Optional.empty();
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
        synchronized (lock) {
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
        synchronized (lock) {
            ChatState chat = memberChat(reader, chatId);
            long own = chat.readUpTo.getOrDefault(reader, 0L);
            long others = 0;
            for (Map.Entry<UserId, Long> entry : chat.readUpTo.entrySet()) {
                if (!entry.getKey().equals(reader)) {
                    others = Math.max(others, entry.getValue());
                }
            }
            return new ReadState(idAtCmid(chat, own), idAtCmid(chat, others));
        }
    }

    private static long idAtCmid(ChatState chat, long cmid) {
        // cmids count 1, 2, 3… in list order, so the message with cmid n sits at index n - 1.
        return cmid <= 0 || cmid > chat.messages.size() ? 0 : chat.messages.get((int) cmid - 1).id;
    }

    // ---------------------------------------------------------------- chats issue: per-user chat actions (F-CHAT-07, F-CHAT-08)

    // ---------------------------------------------------------------- chats issue: chat management (F-CHAT-03 … F-CHAT-06, F-CHAT-10)

    // ---------------------------------------------------------------- chats issue: message actions (F-MSG-02 … F-MSG-10, F-CHAT-09, F-CHAT-11)

    // ---------------------------------------------------------------- chats issue: one-to-one chats, contacts, notifications (F-CHAT-12, F-MSG-09, F-ACC-01, F-ACC-02)

    /** One-to-one chats and contacts; see {@link DirectChats}. Initialised after {@link #chats}. */
    private final DirectChats direct = new DirectChats(chats, this::person);
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
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
        synchronized (lock) {
            account(actor);
            notificationPrefs.set(actor, Objects.requireNonNull(settings, "notification settings"));
        }
    }


    // ---------------------------------------------------------------- rules shared by all operations

    private ChatState memberChat(UserId actor, ChatId id) {
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

    private record IdempotencyKey(UserId author, long peerId, int randomId) {
    }

    private record Remembered(long messageId, Instant at) {
    }

    /** An access token's user and, for VK ID's tokens, its expiry ({@code null}: never). */
    private record IssuedToken(UserId user, Instant expiresAt) {
    }
}
