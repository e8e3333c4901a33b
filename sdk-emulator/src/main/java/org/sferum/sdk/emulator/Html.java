package org.sferum.sdk.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Escapes text for HTML and sends HTML answers ({@code text/html; charset=utf-8}, never cached). */
final class Html {
    private Html() {
    }

    /**
     * Escapes text for an element's content or a double-quoted attribute value.
     *
     * @param text the text, possibly {@code null} (escaped as empty)
     * @return the escaped text
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Reverses {@link #escape}, for the driver that reads the emulator's own pages.
     *
     * @param html the escaped text
     * @return the text
     */
    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
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
