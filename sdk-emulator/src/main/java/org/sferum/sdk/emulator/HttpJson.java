package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Writes JSON answers: UTF-8, {@code Content-Type: application/json; charset=utf-8}, the request id echoed. */
final class HttpJson {
    /** The request id header sdk-core sends and the emulator echoes. */
    static final String REQUEST_ID = "X-Request-Id";
    private static final int MAX_REQUEST_ID_LENGTH = 200;

    private HttpJson() {
    }

    /**
     * Returns the request's {@code X-Request-Id}, when it is printable ASCII of a sane length.
     *
     * @param exchange the exchange
     * @return the request id
     */
    static Optional<String> requestId(EmulatorExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst(REQUEST_ID);
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID_LENGTH
                || !id.chars().allMatch(c -> c > ' ' && c <= '~')) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /**
     * Sends a JSON answer and closes the exchange.
     *
     * @param exchange the exchange
     * @param status the HTTP status
     * @param body the JSON body
     * @throws IOException if the client went away
     */
    static void send(EmulatorExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JsonNodes.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        requestId(exchange).ifPresent(id -> exchange.getResponseHeaders().set(REQUEST_ID, id));
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendAndClose(status, head ? null : bytes);
    }

    /**
     * Builds the body of a control API error: {@code {"error": {"code": …, "message": …}}}.
     *
     * @param code a short machine-readable code such as {@code not_found}
     * @param message what was wrong and what to do
     * @return the body
     */
    static ObjectNode controlError(String code, String message) {
        ObjectNode body = JsonNodes.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return body;
    }
}
