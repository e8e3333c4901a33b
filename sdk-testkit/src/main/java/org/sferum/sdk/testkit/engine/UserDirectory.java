package org.sferum.sdk.testkit.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.testkit.engine.vkid.PlatformUsers;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The users of the platform, their access tokens, contacts and notification settings, reached as
 * {@link PlatformEngine#users()}. The rules it enforces:
 * <ul>
 *   <li>every user has an educational profile and a role from the school system; an unknown user is
 *       {@code USER_NOT_FOUND};</li>
 *   <li>access tokens: issued for a user, forever (the demo seed's) or until an instant (VK ID's); a missing,
 *       unknown or revoked token is {@code AUTHENTICATION_FAILED}, an expired one {@code TOKEN_EXPIRED}
 *       (F-LINK-11);</li>
 *   <li>contacts: who shares a group chat with the user (F-ACC-01), in {@link DirectChats};</li>
 *   <li>notification settings, each user's own (F-ACC-02), in {@link NotificationPrefs};</li>
 *   <li>bots (the MAX messenger's Bot API, F-EMB-08) are users with {@link UserAccount#bot()} set: members of
 *       chats like anyone, authenticated by a bot token ({@link #issueBotToken}); a person's token is not a bot
 *       token ({@link #authenticateBot}).</li>
 * </ul>
 * It is the {@link PlatformUsers} that VK ID reaches the platform through. Thread-safe: reads take the global lock
 * shared, changes exclusively.
 */
public final class UserDirectory implements PlatformUsers {

    private static final long FIRST_USER_ID = 100_001;

    private final PlatformState state;
    /** The access tokens issued, by token string; guarded by the lock. */
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    /** Each user's notification settings; guarded by the lock. */
    private final NotificationPrefs notificationPrefs = new NotificationPrefs();
    private long nextUserId = FIRST_USER_ID;

    UserDirectory(PlatformState state) {
        this.state = state;
    }

    /**
     * Returns the clock tokens expire on: the engine's.
     *
     * @return the clock
     */
    @Override
    public Clock clock() {
        return state.clock();
    }


    /**
     * Creates a user with an educational profile.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param role the role from the school system
     * @return the new user's id
     */
    public UserId createUser(String firstName, String lastName, Role role) {
        try (Held held = state.exclusive()) {
            UserId id = UserId.of(nextUserId++);
            state.users.put(id, new UserAccount(new Person(id, firstName, lastName), Objects.requireNonNull(role)));
            return id;
        }
    }

    /**
     * Creates a bot (F-EMB-08): a user with {@link UserAccount#bot()} set, named {@code name}, with the role
     * {@link Role#STUDENT}.
     *
     * @param name the bot's name, 1 to 64 characters
     * @return the bot's user id
     * @throws org.sferum.sdk.error.ValidationException if the name is blank or longer than 64 characters
     */
    public UserId createBot(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 64) {
            throw new org.sferum.sdk.error.ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "a bot's name must be 1 to 64 characters, got " + name.length());
        }
        try (Held held = state.exclusive()) {
            UserId id = UserId.of(nextUserId++);
            state.users.put(id, new UserAccount(new Person(id, name, ""), Role.STUDENT, true));
            return id;
        }
    }

    /**
     * Issues a bot token that never expires.
     *
     * @param bot a bot made by {@link #createBot}
     * @return the token
     * @throws NotFoundException if the user is unknown
     * @throws org.sferum.sdk.error.ValidationException if the user is not a bot
     */
    public String issueBotToken(UserId bot) {
        if (!isBot(bot)) {
            throw new org.sferum.sdk.error.ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "user " + bot.value() + " is not a bot; only bots get bot tokens");
        }
        return newToken("max1.", bot, null);
    }

    /**
     * Authenticates a bot token.
     *
     * @param token the token from the {@code Authorization} header
     * @return the bot
     * @throws AuthenticationException if the token is missing, unknown, revoked or a person's
     */
    public UserId authenticateBot(String token) {
        UserId user = authenticate(token);
        if (!isBot(user)) {
            throw new AuthenticationException(ErrorCode.AUTHENTICATION_FAILED,
                    "the token is a person's access token, not a bot token; use the bot's token");
        }
        return user;
    }

    /**
     * Tells whether a user is a bot.
     *
     * @param user the user
     * @return whether the user exists and is a bot
     */
    public boolean isBot(UserId user) {
        try (Held held = state.shared()) {
            UserAccount account = state.users.get(user);
            return account != null && account.bot();
        }
    }

    /**
     * Returns the bots, in the order they were made.
     *
     * @return the bots' user ids
     */
    public List<UserId> bots() {
        try (Held held = state.shared()) {
            return state.users.entrySet().stream().filter(e -> e.getValue().bot()).map(Map.Entry::getKey)
                    .toList();
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
        try (Held held = state.exclusive()) {
            state.account(user);
            byte[] bytes = new byte[32];
            state.random.nextBytes(bytes);
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
        try (Held held = state.exclusive()) {
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
        try (Held held = state.shared()) {
            IssuedToken issued = token == null ? null : tokens.get(token);
            if (issued == null) {
                throw new AuthenticationException(ErrorCode.AUTHENTICATION_FAILED,
                        "the access token is missing, unknown or revoked; obtain a new one by linking again");
            }
            if (issued.expiresAt != null && !state.now().isBefore(issued.expiresAt)) {
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
        try (Held held = state.shared()) {
            return state.account(user).person();
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
        try (Held held = state.shared()) {
            return state.account(user);
        }
    }

    /**
     * Lists the people the actor can reach (F-ACC-01): [choice] every user who shares a group chat with the actor,
     * by last name, then first name (Russian collation), then id.
     *
     * @param actor who asks
     * @return the contacts
     */
    public List<Person> contacts(UserId actor) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return state.direct.contacts(actor);
        }
    }

    /**
     * Returns a user's notification settings (F-ACC-02); everything on, with sound, until changed.
     *
     * @param actor the user
     * @return the settings
     */
    public NotificationSettings notificationSettings(UserId actor) {
        try (Held held = state.exclusive()) {
            state.account(actor);
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
        try (Held held = state.exclusive()) {
            state.account(actor);
            notificationPrefs.set(actor, Objects.requireNonNull(settings, "notification settings"));
        }
    }

    /** An access token's user and, for VK ID's tokens, its expiry ({@code null}: never). */
    private record IssuedToken(UserId user, Instant expiresAt) {
    }
}
