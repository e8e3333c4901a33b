package org.sferum.sdk.testkit.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.users.UserId;

/**
 * The state every service of the engine shares and the locks that guard it: users, chats (with their members and
 * messages), the index of messages by id, the upload pipeline and the event sinks. It holds the two rules every
 * service needs, in one place each: who is a chat's member ({@link #memberChat}) and who may do what in a chat
 * ({@link #requireAllowed}).
 *
 * <p>Locks: the global read-write lock, taken exclusively ({@link #exclusive}) by every operation that spans chats
 * or changes who is where, shared ({@link #shared}) by message traffic, which also holds its one chat's monitor.
 * Order: global, then at most one chat monitor, then the sinks' own locks. See "Concurrency and ordering" in
 * {@code docs/architecture.md}.
 */
final class PlatformState {

    private final Clock clock;
    /** The platform's randomness: tokens, keys, links. */
    final SecureRandom random = new SecureRandom();
    /**
     * The global lock: held exclusively ({@link #exclusive}) by every operation that spans chats or changes who is
     * where, shared ({@link #shared}) by message traffic, which also holds the monitor of its one chat. See
     * "Concurrency" in {@code docs/architecture.md}.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every user by id; written under the exclusive lock. */
    final Map<UserId, UserAccount> users = new LinkedHashMap<>();
    /** Every chat, group or one-to-one, by peer id; written under the exclusive lock. */
    final Map<Long, ChatState> chats = new LinkedHashMap<>();
    /** Every message by id; written under a chat's monitor, so concurrent. */
    final Map<Long, StoredMessage> messagesById = new ConcurrentHashMap<>();
    /** Orders chats by their latest creation or message. */
    final AtomicLong nextActivity = new AtomicLong(1);
    /** The upload pipeline of every upload (chat avatars and attachments); guarded by the exclusive lock. */
    final UploadPipeline uploads;
    /** One-to-one chats and contacts; see {@link DirectChats}. */
    final DirectChats direct = new DirectChats(chats, user -> account(user).person());
    /** Who hears which chat event (F-EMB-02). */
    final ChatEvents chatEvents = new ChatEvents(this::emit, (message, reader) -> direct.view(message, reader),
            user -> users.containsKey(user) && users.get(user).bot());
    /** Each user's event sinks; guarded by the lock. */
    private final Map<UserId, List<Consumer<SferumEvent>>> sinks =
            new HashMap<>();

    PlatformState(Clock clock, BlobStore blobs) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uploads = new UploadPipeline(this::secret, Objects.requireNonNull(blobs, "blobs"));
    }

    Clock clock() {
        return clock;
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
     * Takes the global lock shared: for message traffic, which then takes its chat's monitor ({@link MessageService}), and
     * for reads of what only exclusive operations change (users, tokens, chats and their members).
     */
    Held shared() {
        lock.readLock().lock();
        return lock.readLock()::unlock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Returns a user's account; the caller holds the global lock. */
    UserAccount account(UserId user) {
        UserAccount account = users.get(Objects.requireNonNull(user, "user"));
        if (account == null) {
            throw new NotFoundException(ErrorCode.USER_NOT_FOUND, "there is no user " + user.value());
        }
        return account;
    }

    /**
     * Finds a chat the actor is a member of (opening a one-to-one chat on first use); the caller holds the global
     * lock, exclusively for a one-to-one chat.
     */
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
    static void requireAllowed(ChatState chat, UserId actor, ChatAction action) {
        PermissionLevel level = chat.settings.level(action);
        MemberRole role = chat.members.get(actor).role();
        boolean allowed = role == MemberRole.OWNER
                || level == PermissionLevel.ALL
                || (level == PermissionLevel.OWNER_AND_ADMINS && role == MemberRole.ADMIN);
        if (!allowed) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT, "the settings of chat "
                    + chat.id.localId() + " allow " + action + " to " + level + " only");
        }
    }

    /** A fresh random secret: 18 bytes, URL-safe Base64. */
    String secret() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Adds a user's event sink; see {@link PlatformEngine#subscribe}. */
    Runnable subscribe(UserId user, Consumer<SferumEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        try (Held held = exclusive()) {
            account(user);
            sinks.computeIfAbsent(user, u -> new ArrayList<>()).add(sink);
        }
        return () -> {
            try (Held held = exclusive()) {
                List<Consumer<SferumEvent>> mine = sinks.get(user);
                if (mine != null) {
                    mine.remove(sink);
                }
            }
        };
    }

    /** Hands one user's event to their sinks; under the lock (the sinks only queue). */
    void emit(UserId to, SferumEvent event) {
        List<Consumer<SferumEvent>> mine = sinks.get(to);
        if (mine != null) {
            for (Consumer<SferumEvent> sink : List.copyOf(mine)) {
                sink.accept(event);
            }
        }
    }
}
