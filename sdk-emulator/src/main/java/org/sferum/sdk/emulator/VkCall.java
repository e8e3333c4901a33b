package org.sferum.sdk.emulator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One VK API call as read off the wire.
 *
 * @param method the method name from {@code /method/{name}}
 * @param params the query and form parameters, merged (form wins)
 * @param bearerToken the token of an {@code Authorization: Bearer} header, if any
 */
record VkCall(String method, Map<String, String> params, Optional<String> bearerToken) {
    /**
     * Validates and copies the fields.
     *
     * @param method the method name
     * @param params the merged parameters
     * @param bearerToken the bearer token, if any
     */
    VkCall {
        Objects.requireNonNull(method, "method");
        params = Map.copyOf(params);
        Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /**
     * Returns the access token: the {@code access_token} parameter, else the bearer header.
     *
     * @return the token, if the call carries one
     */
    Optional<String> accessToken() {
        String param = params.get("access_token");
        return param != null && !param.isEmpty() ? Optional.of(param) : bearerToken;
    }

    /**
     * Returns the API version parameter {@code v}.
     *
     * @return the version, if given and not empty
     */
    Optional<String> version() {
        return Optional.ofNullable(params.get("v")).filter(v -> !v.isEmpty());
    }
}
