package org.sferum.sdk.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends HTML answers ({@code text/html; charset=utf-8}, never cached); the pages come from {@link Templates}, which
 * escape.
 */
final class Html {
    private Html() {
    }

    /**
     * Sends an HTML page and closes the exchange.
     *
     * @param exchange the exchange
     * @param status the HTTP status
     * @param page the page
     * @throws IOException if the client went away
     */
    static void send(EmulatorExchange exchange, int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendAndClose(status, head ? null : bytes);
    }
}
