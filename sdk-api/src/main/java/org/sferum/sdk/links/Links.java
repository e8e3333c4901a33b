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
     * Completes linking from the callback's query parameters: checks state, exchanges the code, verifies the ID
     * token and stores the link.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callbackQuery the query parameters of the redirect back
     * @return the link
     */
    Link complete(Map<String, String> callbackQuery);

    /**
     * Completes linking from the full callback URI the browser was redirected to.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LINKING}.
     *
     * @param callback the callback URI with its query
     * @return the link
     */
    default Link complete(URI callback) {
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
        return complete(query);
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
