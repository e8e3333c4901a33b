package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An OAuth error answer of a VK ID endpoint: HTTP 400 with {@code {"error", "error_description", "state"?,
 * "error_reason"?}} ({@code docs/wire/vk-id.md}). The description never holds a parameter's value.
 */
final class OAuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String reason;

    /**
     * Creates the failure.
     *
     * @param error the OAuth {@code error}, such as {@code invalid_grant}
     * @param reason the emulator's {@code error_reason}, or {@code null}
     * @param description what was wrong and what to do
     */
    OAuthFailure(String error, String reason, String description) {
        super(description, null, false, false);
        this.error = error;
        this.reason = reason;
    }

    /**
     * Returns the OAuth {@code error}.
     *
     * @return the error
     */
    String error() {
        return error;
    }

    /**
     * Returns the {@code error_reason}.
     *
     * @return the reason, if any
     */
    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Renders the answer's body.
     *
     * @param state the request's {@code state}, echoed when present
     * @return the body
     */
    ObjectNode body(Optional<String> state) {
        ObjectNode body = JsonNodes.object();
        body.put("error", error);
        body.put("error_description", getMessage());
        state.ifPresent(value -> body.put("state", value));
        if (reason != null) {
            body.put("error_reason", reason);
        }
        return body;
    }
}
