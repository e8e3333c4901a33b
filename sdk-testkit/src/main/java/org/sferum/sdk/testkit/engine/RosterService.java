package org.sferum.sdk.testkit.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.plan.PlatformChat;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * The platform's side of roster sync (F-EMB-01) and its automatic chats (F-CHAT-01), reached as
 * {@link PlatformEngine#roster()}. The fake applies plans through it directly; the emulator's methods
 * ({@code roster.*} of the partner contract, and the public {@code messages.addChatUser},
 * {@code messages.removeChatUser}, {@code messages.setMemberRole} as the school's service account) call it or the
 * chat service. The rules, in this one place:
 * <ul>
 *   <li>each school has one <b>service account</b>, a platform user that owns the school's automatic chats; only
 *       it may create, fill, empty or archive them ({@code PERMISSION_DENIED} otherwise);</li>
 *   <li>an automatic chat is created with its key, title and settings («Только создатель» by default) in one step,
 *       so there is never a chat without its key; creating a key that exists changes nothing;</li>
 *   <li>the <b>class teacher is admin</b>: the person named when the chat was created becomes its admin when
 *       they join it, whenever that is;</li>
 *   <li>the platform knows which school accounts are linked to which user ({@link #accountLinked},
 *       {@link #accountUnlinked}, told by the linking side); only linked people are added;</li>
 *   <li><b>pending</b> people: the chats waiting for an account not linked yet are remembered; when it links it is
 *       added to them (and made admin where it is the class teacher); when it unlinks it leaves its automatic chats
 *       and they wait for it again, so linking again puts it back;</li>
 *   <li>an <b>archived</b> chat moves to each member's archive, keeps its members as history and takes no new
 *       ones ({@code CONFLICT});</li>
 *   <li>chats without a key, made by hand, are never changed here.</li>
 * </ul>
 * A test can make the platform fail ({@link #failAfter}) to show that an apply stopped midway resumes cleanly.
 * Thread-safe: every operation holds the engine's global lock exclusively.
 */
public final class RosterService {
    private final PlatformState state;
    private final UserDirectory users;
    private final ChatService chats;
    /** The service account of each school; guarded by the lock. */
    private final Map<String, UserId> serviceAccounts = new HashMap<>();
    private final Map<UserId, String> schoolOfService = new HashMap<>();
    /** The automatic chats by key, in the order created; guarded by the lock. */
    private final Map<AutomaticChatKey, AutomaticChat> automatic = new LinkedHashMap<>();
    private final Map<ChatId, AutomaticChatKey> keyOf = new HashMap<>();
    /** School accounts linked to users, both ways; guarded by the lock. */
    private final Map<SchoolAccountId, UserId> links = new HashMap<>();
    private final Map<UserId, SchoolAccountId> accountOf = new HashMap<>();
    /** The chats waiting for accounts not linked (or unlinked); guarded by the lock. */
    private final Map<SchoolAccountId, Set<AutomaticChatKey>> waiting = new HashMap<>();
    /** Operations left before the injected failure; negative when none is injected. */
    private long failAfter = -1;

    private static final class AutomaticChat {
        final ChatId id;
        final SchoolAccountId admin;
        boolean archived;

        AutomaticChat(ChatId id, SchoolAccountId admin) {
            this.id = id;
            this.admin = admin;
        }
    }

    RosterService(PlatformState state, UserDirectory users, ChatService chats) {
        this.state = state;
        this.users = users;
        this.chats = chats;
    }

    /**
     * Returns a school's service account, creating it the first time: the platform user that owns the school's
     * automatic chats.
     *
     * @param schoolId the school system's id of the school
     * @return the account
     */
    public UserId serviceAccount(String schoolId) {
        Objects.requireNonNull(schoolId, "school id");
        try (Held held = state.exclusive()) {
            UserId existing = serviceAccounts.get(schoolId);
            if (existing != null) {
                return existing;
            }
            // [choice] The platform has no role for a school's own account; it appears as staff.
            UserId created = users.createUser("Школа", schoolId, Role.TEACHER);
            serviceAccounts.put(schoolId, created);
            schoolOfService.put(created, schoolId);
            return created;
        }
    }

    /**
     * Issues an access token for a school's service account, as the platform gives it to the school system.
     *
     * @param schoolId the school
     * @return the token
     */
    public String serviceToken(String schoolId) {
        return users.issueToken(serviceAccount(schoolId));
    }

    /**
     * Tells which school a user is the service account of.
     *
     * @param user the user
     * @return the school's id, empty for everybody else
     */
    public Optional<String> schoolOf(UserId user) {
        try (Held held = state.exclusive()) {
            return Optional.ofNullable(schoolOfService.get(user));
        }
    }

    /**
     * Returns what the planner reads of the platform, as of now: every service account's chats (automatic ones with
     * their key and linked members, the others with none) and who is linked.
     *
     * @return a copy, not updated later
     */
    public PlatformView view() {
        try (Held held = state.exclusive()) {
            return PlatformView.of(chatsOwnedBy(schoolOfService.keySet()), Set.copyOf(links.keySet()));
        }
    }

    /**
     * Returns the chats of one school's service account, as the wire's {@code roster.getChats} lists them: the
     * automatic ones with their key and linked members, the others (made by hand) with none.
     *
     * @param actor the school's service account
     * @return the chats, in the order they were created
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} if the actor is no school's service account
     */
    public List<PlatformChat> chatsOf(UserId actor) {
        try (Held held = state.exclusive()) {
            if (!schoolOfService.containsKey(actor)) {
                throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "only a school's service account"
                        + " lists its chats");
            }
            return chatsOwnedBy(Set.of(actor));
        }
    }

    /**
     * Returns which of the given school accounts are linked, and to whom, as the wire's {@code roster.getLinks}.
     *
     * @param accounts the accounts asked about
     * @return the linked ones and their users
     */
    public Map<SchoolAccountId, UserId> linksOf(java.util.Collection<SchoolAccountId> accounts) {
        try (Held held = state.exclusive()) {
            Map<SchoolAccountId, UserId> out = new LinkedHashMap<>();
            for (SchoolAccountId account : accounts) {
                UserId user = links.get(account);
                if (user != null) {
                    out.put(account, user);
                }
            }
            return out;
        }
    }

    private List<PlatformChat> chatsOwnedBy(Set<UserId> owners) {
        List<PlatformChat> out = new ArrayList<>();
        for (ChatState chat : state.chats.values()) {
            if (!owners.contains(chat.owner)) {
                continue;
            }
            AutomaticChatKey key = keyOf.get(chat.id);
            Set<SchoolAccountId> members = new HashSet<>();
            if (key != null) {
                for (UserId member : chat.members.keySet()) {
                    SchoolAccountId account = accountOf.get(member);
                    if (account != null) {
                        members.add(account);
                    }
                }
            }
            out.add(new PlatformChat(Long.toString(chat.id.localId()), key,
                    key != null && automatic.get(key).archived, members));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the platform's chat of an automatic chat's key.
     *
     * @param key the key
     * @return the chat, empty when there is none
     */
    public Optional<ChatId> chatOf(AutomaticChatKey key) {
        try (Held held = state.exclusive()) {
            return Optional.ofNullable(automatic.get(key)).map(c -> c.id);
        }
    }

    /**
     * Creates an automatic chat owned by the school's service account, with its key, in one step.
     *
     * @param actor the school's service account
     * @param key the key
     * @param title the title
     * @param admin the class teacher, made admin when they join; or {@code null}
     * @param settings who may do what («Только создатель» for a roster's chats)
     * @return whether the chat was created ({@code false}: a chat of this key exists, nothing changed)
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} if the actor is not that school's service
     *         account
     */
    public boolean createChat(UserId actor, AutomaticChatKey key, String title, SchoolAccountId admin,
                              ChatSettings settings) {
        try (Held held = state.exclusive()) {
            requireService(actor, key);
            if (automatic.containsKey(key)) {
                return false;
            }
            operation();
            ChatId id = chats.createChat(actor, new NewChat(title, Set.of(), settings));
            automatic.put(key, new AutomaticChat(id, admin));
            keyOf.put(id, key);
            return true;
        }
    }

    /**
     * Adds a linked person to an automatic chat, making them admin if they are its class teacher.
     *
     * @param actor the school's service account
     * @param key the chat
     * @param account the person
     * @return whether anything changed ({@code false}: already a member)
     * @throws NotFoundException with {@code NOT_LINKED} if the account is not linked, {@code CHAT_NOT_FOUND} if there
     *         is no such chat
     * @throws ConflictException with {@code CONFLICT} if the chat is archived
     */
    public boolean addMember(UserId actor, AutomaticChatKey key, SchoolAccountId account) {
        try (Held held = state.exclusive()) {
            requireService(actor, key);
            AutomaticChat chat = existing(key);
            UserId user = links.get(account);
            if (user == null) {
                throw new NotFoundException(ErrorCode.NOT_LINKED, "school account " + account
                        + " is not linked to VK ID yet: it waits as pending and is added when it links");
            }
            return join(actor, key, chat, account, user);
        }
    }

    /**
     * Tells whether a chat is an automatic chat of roster sync, whose members the rules here govern.
     *
     * @param chatId the chat
     * @return whether it has a key
     */
    public boolean isAutomatic(ChatId chatId) {
        try (Held held = state.exclusive()) {
            return keyOf.containsKey(chatId);
        }
    }

    /**
     * Adds a user to an automatic chat by the platform's ids, as {@code messages.addChatUser} does on the wire: the
     * same rules as {@link #addMember} (archived chats take nobody; the class teacher becomes admin).
     *
     * @param actor the school's service account
     * @param chatId the automatic chat
     * @param user the user
     * @return whether anything changed
     */
    public boolean addUser(UserId actor, ChatId chatId, UserId user) {
        try (Held held = state.exclusive()) {
            AutomaticChatKey key = automaticKey(chatId);
            requireService(actor, key);
            state.account(user);
            return join(actor, key, automatic.get(key), accountOf.get(user), user);
        }
    }

    /**
     * Removes a user from an automatic chat by the platform's ids, as {@code messages.removeChatUser} does on the
     * wire: the same rules as {@link #removeMember}.
     *
     * @param actor the school's service account
     * @param chatId the automatic chat
     * @param user the user
     * @return whether anything changed
     */
    public boolean removeUser(UserId actor, ChatId chatId, UserId user) {
        try (Held held = state.exclusive()) {
            AutomaticChatKey key = automaticKey(chatId);
            requireService(actor, key);
            SchoolAccountId account = accountOf.get(user);
            boolean changed = account != null && waiting.getOrDefault(account, new HashSet<>()).remove(key);
            if (state.chats.get(chatId.peerId()).isMember(user)) {
                operation();
                chats.removeChatMember(actor, chatId, user);
                changed = true;
            }
            return changed;
        }
    }

    /**
     * Tells whether a user joining an automatic chat is to be its admin: the person named as its class teacher.
     * The emulator's {@code messages.addChatUser} asks it to follow up with {@code messages.setMemberRole}.
     *
     * @param chatId the chat
     * @param user the user
     * @return whether the user is the chat's class teacher
     */
    public boolean isClassTeacher(ChatId chatId, UserId user) {
        try (Held held = state.exclusive()) {
            AutomaticChatKey key = keyOf.get(chatId);
            SchoolAccountId account = accountOf.get(user);
            return key != null && account != null && account.equals(automatic.get(key).admin);
        }
    }

    /**
     * Removes a person from an automatic chat; they no longer wait for it either.
     *
     * @param actor the school's service account
     * @param key the chat
     * @param account the person
     * @return whether anything changed
     */
    public boolean removeMember(UserId actor, AutomaticChatKey key, SchoolAccountId account) {
        try (Held held = state.exclusive()) {
            requireService(actor, key);
            AutomaticChat chat = existing(key);
            UserId user = links.get(account);
            if (user == null) {
                Set<AutomaticChatKey> wait = waiting.get(account);
                return wait != null && wait.remove(key);
            }
            return removeUser(actor, chat.id, user);
        }
    }

    /**
     * Archives an automatic chat the roster no longer asks for: its members stay, as history; nobody joins it.
     *
     * @param actor the school's service account
     * @param key the chat
     * @return whether anything changed
     */
    public boolean archive(UserId actor, AutomaticChatKey key) {
        try (Held held = state.exclusive()) {
            requireService(actor, key);
            AutomaticChat chat = existing(key);
            if (chat.archived) {
                return false;
            }
            operation();
            chat.archived = true;
            // it moves to every member's archive (ChatFilter.ARCHIVED); the members stay, as history
            for (UserId member : List.copyOf(state.chats.get(chat.id.peerId()).members.keySet())) {
                chats.setArchived(member, chat.id, true);
            }
            for (Set<AutomaticChatKey> wait : waiting.values()) {
                wait.remove(key);
            }
            return true;
        }
    }

    /**
     * Remembers the chats of the actor's school waiting for an account that is not linked yet, replacing what of
     * that school waited before (a parent may wait for chats of several schools, each told by its own service
     * account); if the account is linked by now, it is added at once.
     *
     * @param actor the service account of the school the chats are in
     * @param account the person
     * @param keys the chats of that school waiting for them
     * @return whether anything changed
     */
    public boolean setPending(UserId actor, SchoolAccountId account, List<AutomaticChatKey> keys) {
        try (Held held = state.exclusive()) {
            String school = schoolOfService.get(Objects.requireNonNull(actor, "actor"));
            if (school == null) {
                throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "only a school's service account"
                        + " tells which chats wait for a person");
            }
            for (AutomaticChatKey key : keys) {
                requireService(actor, key);
            }
            UserId user = links.get(Objects.requireNonNull(account, "account"));
            if (user != null) {
                boolean changed = false;
                for (AutomaticChatKey key : keys) {
                    AutomaticChat chat = automatic.get(key);
                    if (chat != null && !chat.archived) {
                        changed |= join(actor, key, chat, account, user);
                    }
                }
                return changed;
            }
            Set<AutomaticChatKey> before = waiting.getOrDefault(account, Set.of());
            Set<AutomaticChatKey> after = new HashSet<>(keys);
            for (AutomaticChatKey key : before) {
                if (!key.schoolId().equals(school)) {
                    after.add(key);
                }
            }
            waiting.put(account, after);
            return !after.equals(before);
        }
    }

    /**
     * Returns the chats waiting for an account.
     *
     * @param account the account
     * @return the keys, empty when none
     */
    public Set<AutomaticChatKey> pendingFor(SchoolAccountId account) {
        try (Held held = state.exclusive()) {
            return Set.copyOf(waiting.getOrDefault(account, Set.of()));
        }
    }

    /**
     * Learns that a school account was linked to a user (F-LINK): the account is added to the automatic chats
     * waiting for it, and made admin where it is the class teacher. Chats that were archived meanwhile are skipped.
     *
     * @param account the school account
     * @param user its user
     */
    public void accountLinked(SchoolAccountId account, UserId user) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        try (Held held = state.exclusive()) {
            state.account(user);
            links.put(account, user);
            accountOf.put(user, account);
            Set<AutomaticChatKey> wait = waiting.remove(account);
            if (wait == null) {
                return;
            }
            for (AutomaticChatKey key : wait) {
                AutomaticChat chat = automatic.get(key);
                if (chat != null && !chat.archived) {
                    join(serviceAccounts.get(key.schoolId()), key, chat, account, user);
                }
            }
        }
    }

    /**
     * Learns that a school account was unlinked: it leaves its automatic chats (archived ones keep it, as
     * history), which wait for it again, so linking again puts it back.
     *
     * @param account the school account
     */
    public void accountUnlinked(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        try (Held held = state.exclusive()) {
            UserId user = links.remove(account);
            if (user == null) {
                return;
            }
            accountOf.remove(user);
            Set<AutomaticChatKey> wait = waiting.computeIfAbsent(account, a -> new HashSet<>());
            for (Map.Entry<AutomaticChatKey, AutomaticChat> e : automatic.entrySet()) {
                AutomaticChat chat = e.getValue();
                ChatState held2 = state.chats.get(chat.id.peerId());
                if (!chat.archived && held2.isMember(user)) {
                    wait.add(e.getKey());
                    chats.leaveChat(user, chat.id);
                }
            }
        }
    }

    /**
     * Makes the platform fail (as an outage would, {@code SERVICE_UNAVAILABLE}) after the given number of further
     * roster operations, for tests of an apply stopped midway. Each failure happens before the operation changes
     * anything.
     *
     * @param operations how many operations succeed first; negative to stop failing
     */
    public void failAfter(long operations) {
        try (Held held = state.exclusive()) {
            this.failAfter = operations;
        }
    }

    private boolean join(UserId service, AutomaticChatKey key, AutomaticChat chat, SchoolAccountId account,
                         UserId user) {
        if (chat.archived) {
            throw new ConflictException(ErrorCode.CONFLICT, "automatic chat " + key + " is archived; it takes no"
                    + " new members");
        }
        ChatState held = state.chats.get(chat.id.peerId());
        boolean member = held.isMember(user);
        boolean admin = account != null && account.equals(chat.admin);
        boolean isAdmin = member && held.members.get(user).role() == org.sferum.sdk.chats.MemberRole.ADMIN;
        if (member && (!admin || isAdmin)) {
            return false;
        }
        operation();
        if (!member) {
            chats.addChatMember(service, chat.id, user);
        }
        if (admin) {
            chats.setChatAdmin(service, chat.id, user, true);
        }
        return true;
    }

    private void requireService(UserId actor, AutomaticChatKey key) {
        Objects.requireNonNull(key, "chat key");
        String school = schoolOfService.get(Objects.requireNonNull(actor, "actor"));
        if (!key.schoolId().equals(school)) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "only the service account of school "
                    + key.schoolId() + " may change its automatic chats");
        }
    }

    private AutomaticChatKey automaticKey(ChatId chatId) {
        AutomaticChatKey key = keyOf.get(Objects.requireNonNull(chatId, "chat"));
        if (key == null) {
            throw new NotFoundException(ErrorCode.CHAT_NOT_FOUND, "chat " + chatId + " is not an automatic chat");
        }
        return key;
    }

    private AutomaticChat existing(AutomaticChatKey key) {
        AutomaticChat chat = automatic.get(key);
        if (chat == null) {
            throw new NotFoundException(ErrorCode.CHAT_NOT_FOUND, "there is no automatic chat " + key
                    + "; create it first (the plan does, before adding its members)");
        }
        return chat;
    }

    /** Counts down the injected failure. */
    private void operation() {
        if (failAfter == 0) {
            throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "the platform is unavailable (injected by"
                    + " RosterService.failAfter); try again later");
        }
        if (failAfter > 0) {
            failAfter--;
        }
    }
}
