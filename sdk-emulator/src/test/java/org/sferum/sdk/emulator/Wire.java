package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sferum.sdk.testkit.SeededUser;

/** Raw VK API requests against a running emulator, with {@link HttpClient} only. */
final class Wire {
    static final String VERSION = "5.199";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Wire(SferumEmulator emulator) {
        this.base = emulator.baseUri();
    }

    /** Form-encodes name/value pairs. */
    static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** A POST of {@code /method/{name}} with v and the user's token in the Authorization header. */
    JsonNode call(SeededUser as, String method, String... pairs) {
        return call(as.token().secret(), method, pairs);
    }

    /** A POST of {@code /method/{name}} with v and a bearer token (none when {@code null}). */
    JsonNode call(String token, String method, String... pairs) {
        String[] withVersion = new String[pairs.length + 2];
        withVersion[0] = "v";
        withVersion[1] = VERSION;
        System.arraycopy(pairs, 0, withVersion, 2, pairs.length);
        HttpRequest.Builder request = post(method, form(withVersion));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return json(send(request.build()));
    }

    /** The {@code response} of a call that must succeed. */
    JsonNode ok(SeededUser as, String method, String... pairs) {
        JsonNode body = call(as, method, pairs);
        assertTrue(body.has("response"), () -> method + " failed: " + body);
        assertEquals(1, body.size(), () -> "only response expected: " + body);
        return body.get("response");
    }

    /** The {@code error} of a call that must fail, after checking the envelope's shape. */
    JsonNode error(JsonNode body) {
        assertTrue(body.has("error"), () -> "expected an error: " + body);
        assertEquals(1, body.size(), () -> "only error expected: " + body);
        JsonNode error = body.get("error");
        assertTrue(error.get("error_code").isInt(), error::toString);
        assertTrue(error.get("error_msg").isTextual(), error::toString);
        assertTrue(error.get("request_params").isArray(), error::toString);
        return error;
    }

    /** A POST with a raw form body. */
    HttpRequest.Builder post(String method, String body) {
        return HttpRequest.newBuilder(base.resolve("/method/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A GET of a path with a raw query (or none). */
    HttpRequest.Builder get(String path, String query) {
        return HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query))).GET();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the HTTP framing of a VK API answer (200, JSON content type), parses it, and checks it against VK's
     * schema ({@link VkSchema#checkAnswer}) when it answers a {@code /method/} call: every answer the wire tests
     * read is validated, and a missing schema fails the test.
     */
    static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("application/json; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(null));
        JsonNode body = parse(response.body());
        String path = response.request().uri().getPath();
        if (path != null && path.startsWith("/method/")) {
            SCHEMA.get().checkAnswer(path.substring("/method/".length()), body);
        }
        return body;
    }

    /** VK's schema, loaded once for all wire tests (failing them when it is missing). */
    private static final java.util.function.Supplier<VkSchema> SCHEMA = new java.util.function.Supplier<>() {
        private VkSchema schema;

        @Override
        public synchronized VkSchema get() {
            if (schema == null) {
                schema = VkSchema.load();
            }
            return schema;
        }
    };

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
