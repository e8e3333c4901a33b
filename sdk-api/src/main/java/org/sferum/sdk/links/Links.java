package org.sferum.sdk.links;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/** Linking school accounts to VK ID educational profiles (F-LINK-01 … F-LINK-11). */
public interface Links {

    /**
     * Starts linking: returns the VK ID authorization URI to redirect the user to.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param account the school account
     * @param role the role the school system gives it
     * @return where to redirect
     */
    LinkStart start(SchoolAccountId account, Role role);

    /**
     * Completes linking from the callback's query parameters, for the school account signed in to the browser the
     * callback came to: checks that the callback's state was started for that account, then exchanges the code,
     * verifies the ID token and stores the link. This is the safe call (issue 12, linking CSRF): a state an
     * attacker started for their own account and slipped into a victim's browser is refused, because the victim's
     * session is signed in as another account.
     *
     * <p>A callback whose state was started for another account is refused with
     * {@link org.sferum.sdk.error.ErrorCode#STATE_MISMATCH} before the code is spent, and changes nothing: no link,
     * no tokens, and the pending linking stays for its own account.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callbackQuery the query parameters of the redirect back
     * @param expectedAccount the school account signed in to the session the callback came to
     * @return the link
     */
    Link complete(Map<String, String> callbackQuery, SchoolAccountId expectedAccount);

    /**
     * Completes linking from the full callback URI the browser was redirected to, for the school account signed in
     * to that browser; see {@link #complete(Map, SchoolAccountId)}.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callback the callback URI with its query
     * @param expectedAccount the school account signed in to the session the callback came to
     * @return the link
     */
    default Link complete(URI callback, SchoolAccountId expectedAccount) {
        return complete(queryOf(callback), expectedAccount);
    }

    /**
     * Completes linking from the callback's query parameters for whichever account the state was started for.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callbackQuery the query parameters of the redirect back
     * @return the link
     * @deprecated open to linking CSRF: the state alone decides the account, so a state an attacker started for
     *     their own account and got a victim to sign in with links the attacker's account to the victim's VK ID
     *     profile. Use {@link #complete(Map, SchoolAccountId)} with the account signed in to the session the
     *     callback came to.
     */
    @Deprecated
    Link complete(Map<String, String> callbackQuery);

    /**
     * Completes linking from the full callback URI for whichever account the state was started for.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callback the callback URI with its query
     * @return the link
     * @deprecated open to linking CSRF, like {@link #complete(Map)}; use {@link #complete(URI, SchoolAccountId)}.
     */
    @Deprecated
    default Link complete(URI callback) {
        return complete(queryOf(callback));
    }

    /**
     * Reads the query parameters of a callback URI (the first value of each name).
     *
     * @param callback the callback URI
     * @return the parameters, decoded
     */
    static Map<String, String> queryOf(URI callback) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = callback.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(key, value);
            }
        }
        return query;
    }

    /**
     * Finds the link of a school account.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param account the school account
     * @return the link, if any
     */
    Optional<Link> find(SchoolAccountId account);

    /**
     * Unlinks a school account (F-LINK-07): leaves the school's chats, revokes the tokens, removes the link.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param account the school account
     * @param confirmed must be {@code true}: the user confirmed «Вы будете удалены из всех чатов»
     */
    void unlink(SchoolAccountId account, boolean confirmed);
}
