package org.sferum.sdk.emulator;

import java.io.IOException;

/**
 * Credentialed CORS for browser clients of {@code /oauth2/*} ({@code docs/wire/vk-id.md}, "Browser clients"): a
 * request with {@code Origin} gets that origin back with credentials allowed; a preflight ({@code OPTIONS}) gets 204
 * with the allowed methods and the requested headers.
 */
final class Cors {
    /** The methods a preflight allows. */
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final long MAX_AGE_SECONDS = 600;

    private Cors() {
    }

    /**
     * Adds the CORS headers to the answer of a request that carries {@code Origin}; does nothing otherwise.
     *
     * @param exchange the exchange, before its headers are sent
     */
    static void allow(EmulatorExchange exchange) {
        var response = exchange.getResponseHeaders();
        response.add("Vary", "Origin");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || origin.isEmpty() || !printable(origin)) {
            return;
        }
        response.set("Access-Control-Allow-Origin", origin);
        response.set("Access-Control-Allow-Credentials", "true");
    }

    /**
     * The CORS prelude of a browser-facing handler: answers a preflight (and then the handler is done), or adds the
     * CORS headers to the coming answer.
     *
     * @param exchange the exchange, before anything is sent
     * @return whether a preflight was answered and the exchange closed
     * @throws IOException if the client went away
     */
    static boolean answerPreflightOrAllow(EmulatorExchange exchange) throws IOException {
        if (isPreflight(exchange)) {
            preflight(exchange);
            return true;
        }
        allow(exchange);
        return false;
    }

    /**
     * Tells whether a request is a preflight.
     *
     * @param exchange the exchange
     * @return whether its method is {@code OPTIONS}
     */
    static boolean isPreflight(EmulatorExchange exchange) {
        return "OPTIONS".equalsIgnoreCase(exchange.getRequestMethod());
    }

    /**
     * Answers a preflight with 204 and closes the exchange.
     *
     * @param exchange the exchange
     * @throws IOException if the client went away
     */
    static void preflight(EmulatorExchange exchange) throws IOException {
        allow(exchange);
        var response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
        String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        if (requested != null && !requested.isEmpty() && printable(requested)) {
            response.set("Access-Control-Allow-Headers", requested);
            response.add("Vary", "Access-Control-Request-Headers");
        }
        response.set("Access-Control-Max-Age", Long.toString(MAX_AGE_SECONDS));
        response.set("Allow", ALLOWED_METHODS);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static boolean printable(String value) {
        return value.length() <= 2048 && value.chars().allMatch(c -> c >= ' ' && c <= '~');
    }
}
