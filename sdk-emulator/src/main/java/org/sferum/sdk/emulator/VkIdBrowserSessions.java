package org.sferum.sdk.emulator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sferum.sdk.users.UserId;

/**
 * The browser sessions the emulator's VK ID pages leave behind ({@code docs/wire/call-page.md}, "Who the page
 * knows"): when a login ends with a code, the browser gets an HttpOnly, SameSite=Lax cookie on the emulator's
 * origin, limited to {@code /call/}, naming the educational profile that signed in. The call page uses it to open
 * the call as that user. Kept in memory; the secret is never logged.
 */
final class VkIdBrowserSessions {
    /** The cookie's name. */
    static final String COOKIE = "sferum_vkid_session";
    /** How long a session lasts after the login. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, Session> bySecret = new ConcurrentHashMap<>();
    private final Clock clock;

    /**
     * One browser's session.
     *
     * @param user the educational profile that signed in
     * @param csrf the token the call page's forms carry
     * @param expiresAt when it ends
     */
    record Session(UserId user, String csrf, Instant expiresAt) {
        /**
         * Checks a submitted form token in constant time.
         *
         * @param submitted the form's value, may be null
         * @return whether it is this session's
         */
        boolean csrfMatches(String submitted) {
            return submitted != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    submitted.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Creates the store.
     *
     * @param clock the real clock (sessions expire on wall time, not on the emulator's adjustable clock)
     */
    VkIdBrowserSessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens a session for a user who just signed in.
     *
     * @param user the profile
     * @param secure whether the emulator serves TLS (the cookie is then Secure)
     * @return the Set-Cookie header value
     */
    String open(UserId user, boolean secure) {
        Instant now = clock.instant();
        bySecret.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        String secret = random();
        bySecret.put(secret, new Session(user, random(), now.plus(LIFETIME)));
        return COOKIE + "=" + secret + "; Path=" + CallPages.PATH_PREFIX + "; Max-Age=" + LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /**
     * The session of a request's cookie.
     *
     * @param exchange the request
     * @return the session, if its cookie names a live one
     */
    Optional<Session> of(EmulatorExchange exchange) {
        return cookie(exchange, COOKIE).map(bySecret::get).filter(s -> clock.instant().isBefore(s.expiresAt()));
    }

    /**
     * The first non-empty value of a cookie in a request.
     *
     * @param exchange the request
     * @param name the cookie's name
     * @return its value
     */
    static Optional<String> cookie(EmulatorExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(name + "=") && trimmed.length() > name.length() + 1) {
                    return Optional.of(trimmed.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
