package org.sferum.sdk.emulator;

import java.util.Map;
import java.util.Optional;

/** Reads the parameters of VK ID's {@code /oauth2/*} endpoints. */
final class OAuthParams {
    private OAuthParams() {
    }

    /**
     * Returns a parameter that must be present and not empty.
     *
     * @param params the parameters
     * @param name the name
     * @return the value
     * @throws OAuthFailure {@code invalid_request} / {@code missing_parameter} when it is missing or empty
     */
    static String required(Map<String, String> params, String name) {
        return optional(params, name).orElseThrow(() -> new OAuthFailure("invalid_request", "missing_parameter",
                name + " is required"));
    }

    /**
     * Returns a parameter when present and not empty.
     *
     * @param params the parameters
     * @param name the name
     * @return the value
     */
    static Optional<String> optional(Map<String, String> params, String name) {
        return Optional.ofNullable(params.get(name)).filter(value -> !value.isEmpty());
    }
}
