package org.sferum.sdk.samples.journal;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The journal's own cookie sessions (nothing to do with the SDK's tokens): a random id in an HttpOnly,
 * SameSite=Lax cookie, and per session the logged-in journal user and a CSRF token that every POST form carries.
 * Kept in memory: the sample runs on one node.
 */
final class WebSessions {
    /** The session cookie's name. */
    static final String COOKIE = "journal_session";
    /** The form field of the CSRF token. */
    static final String CSRF_FIELD = "csrf";

    /** A session ends this long after the login (or the first visit), whatever happens in between. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, WebSession> byId = new ConcurrentHashMap<>();

    /**
     * One browser's session.
     *
     * @param id the cookie value
     * @param csrf the CSRF token of its forms
     * @param user the logged-in journal user, empty before the login
     * @param expiresAt when the session ends
     */
    record WebSession(String id, String csrf, Optional<JournalUser> user, Instant expiresAt) {
        /**
         * Checks a submitted CSRF token in constant time.
         *
         * @param submitted the form's value, may be null
         * @return whether it is this session's token
         */
        boolean csrfMatches(String submitted) {
            return submitted != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    submitted.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Finds the session of a cookie value.
     *
     * @param id the cookie value, may be null
     * @return the session
     */
    Optional<WebSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        WebSession session = byId.get(id);
        if (session != null && !Instant.now().isBefore(session.expiresAt())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /**
     * Opens a new session; a login always opens a new one, so an id known before the login is worthless after.
     *
     * @param user the logged-in user, or empty
     * @return the session
     */
    WebSession open(Optional<JournalUser> user) {
        Instant now = Instant.now();
        byId.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        WebSession session = new WebSession(random(), random(), user, now.plus(LIFETIME));
        byId.put(session.id(), session);
        return session;
    }

    /**
     * Ends a session.
     *
     * @param session the session
     */
    void close(WebSession session) {
        byId.remove(session.id());
    }

    /**
     * The Set-Cookie value of a session.
     *
     * @param session the session
     * @return the header value
     */
    static String cookie(WebSession session) {
        return COOKIE + "=" + session.id() + "; Path=/; Max-Age=" + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Lax";
    }

    /**
     * The Set-Cookie value that removes the session cookie.
     *
     * @return the header value
     */
    static String expiredCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
