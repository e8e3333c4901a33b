package org.sferum.sdk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads control API requests: a JSON object body, or the query string. */
final class ControlRequest {
    /** The largest JSON body read. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private ControlRequest() {
    }

    /** A control API request that cannot be answered, with its HTTP status and machine-readable code. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        /**
         * Creates the refusal.
         *
         * @param status the HTTP status
         * @param code a short code such as {@code invalid_json}
         * @param message what was wrong and what to do; never a secret
         */
        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        /**
         * Returns the HTTP status.
         *
         * @return the status
         */
        int status() {
            return status;
        }

        /**
         * Returns the machine-readable code.
         *
         * @return the code, such as {@code invalid_json}
         */
        String code() {
            return code;
        }

        /**
         * Returns the body of the answer.
         *
         * @return {@code {"error": {"code", "message"}}}
         */
        ObjectNode body() {
            return HttpJson.controlError(code, getMessage());
        }
    }

    /**
     * Reads the body as a JSON object.
     *
     * @param exchange the exchange
     * @return the object
     * @throws IOException if the body cannot be read
     * @throws Refused 400 when it is not a JSON object or too large
     */
    static JsonNode jsonObject(EmulatorExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refused(413, "too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = JsonNodes.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new Refused(400, "invalid_json", "send a JSON object with Content-Type: application/json");
        }
        return body;
    }

    /**
     * Reads the query string.
     *
     * @param exchange the exchange
     * @return the parameters
     * @throws Refused 400 when the query is malformed
     */
    static Map<String, String> query(EmulatorExchange exchange) {
        Map<String, String> query = new HashMap<>();
        try {
            UrlForm.decodeInto(exchange.getRequestURI().getRawQuery(), query);
        } catch (VkFailure e) {
            throw new Refused(400, "invalid_request", e.getMessage());
        }
        return query;
    }

    /**
     * Returns a text field that must be present.
     *
     * @param json the object
     * @param name the field
     * @return the text
     * @throws Refused 400 when it is missing, empty or not text
     */
    static String text(JsonNode json, String name) {
        return optionalText(json, name).orElseThrow(() -> new Refused(400, "invalid_request",
                name + " is required, as a JSON string"));
    }

    /**
     * Returns a text field, when present.
     *
     * @param json the object
     * @param name the field
     * @return the text, empty when missing or null
     * @throws Refused 400 when it is present but not text
     */
    static Optional<String> optionalText(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new Refused(400, "invalid_request", name + " must be a non-empty JSON string");
        }
        return Optional.of(value.asText());
    }
}
