package org.sferum.sdk.samples.journal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP request to the journal and the ways to answer it. */
final class Request {
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> query;
    private Map<String, String> form;

    Request(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    HttpExchange exchange() {
        return exchange;
    }

    /**
     * The path and query the browser asked for, to come back to it (the demo clock's button).
     *
     * @return the path with its query
     */
    String pathAndQuery() {
        String raw = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (raw == null ? "" : "?" + raw);
    }

    /**
     * Answers with a resource of the journal (its script, its icon).
     *
     * @param contentType the type
     * @param body the bytes
     * @throws IOException if the answer cannot be sent
     */
    void resource(String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /**
     * The raw query string, for the VK ID callback only; never logged.
     *
     * @return the raw query, or empty
     */
    String rawQuery() {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? "" : raw;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * A field of the URL-encoded form body.
     *
     * @param name the field
     * @return its value, or empty
     * @throws IOException if the body cannot be read or is too big
     */
    Optional<String> form(String name) throws IOException {
        if (form == null) {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
                if (body.length > MAX_FORM_BYTES) {
                    throw new IOException("form too big");
                }
                form = parse(new String(body, StandardCharsets.UTF_8));
            }
        }
        return Optional.ofNullable(form.get(name));
    }

    Optional<String> cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", Collections.emptyList())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    void setCookie(String value) {
        exchange.getResponseHeaders().add("Set-Cookie", value);
    }

    void html(int status, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        securityHeaders();
        if ("HEAD".equals(method())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Answers 303 See Other.
     *
     * @param location where to
     * @throws IOException if the answer cannot be sent
     */
    void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        securityHeaders();
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private void securityHeaders() {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        // The callback URL carries the authorization code: it must not leak to the next site in a Referer.
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                        + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(key, value);
            } catch (IllegalArgumentException malformed) {
                // a malformed pair is ignored
            }
        }
        return values;
    }
}
