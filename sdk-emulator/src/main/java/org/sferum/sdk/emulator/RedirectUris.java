package org.sferum.sdk.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizationResult;

/** Builds the redirects back to a school system ({@code docs/wire/vk-id.md}, "Redirect back"). */
final class RedirectUris {
    /** The {@code type} of VK ID's authorization codes. */
    static final String CODE_TYPE = "code_v2";

    private RedirectUris() {
    }

    /**
     * Builds the redirect that ends a login: {@code code, state, device_id, expires_in, type} when confirmed,
     * {@code error, error_description, state} when not.
     *
     * @param result the end of the flow
     * @return the URI to send the browser to
     */
    static String of(AuthorizationResult result) {
        StringBuilder query = new StringBuilder();
        if (result.code().isPresent()) {
            append(query, "code", result.code().get());
            append(query, "state", result.state());
            result.deviceId().ifPresent(id -> append(query, "device_id", id));
            append(query, "expires_in", Long.toString(result.expiresIn()));
            append(query, "type", CODE_TYPE);
        } else {
            String error = result.error().orElse("access_denied");
            append(query, "error", error);
            append(query, "error_description", "access_denied".equals(error)
                    ? "the user cancelled the authorization" : "the authorization failed");
            append(query, "state", result.state());
        }
        return withQuery(result.redirectUri(), query);
    }

    /**
     * Builds an error redirect for a bad authorization request.
     *
     * @param redirectUri the registered redirect URI
     * @param error the OAuth error, such as {@code invalid_request}
     * @param description what was wrong, without any parameter's value
     * @param state the request's state, if any
     * @return the URI to send the browser to
     */
    static String error(String redirectUri, String error, String description, String state) {
        StringBuilder query = new StringBuilder();
        append(query, "error", error);
        append(query, "error_description", description);
        if (state != null && !state.isEmpty()) {
            append(query, "state", state);
        }
        return withQuery(redirectUri, query);
    }

    /**
     * Encodes parameters as a query string, in the map's order.
     *
     * @param params the parameters
     * @return the query, without {@code ?}
     */
    static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> append(query, name, value));
        return query.toString();
    }

    private static String withQuery(String redirectUri, StringBuilder query) {
        int fragment = redirectUri.indexOf('#');
        String base = fragment < 0 ? redirectUri : redirectUri.substring(0, fragment);
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
    }
}
