package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.emulator.VkIdWire.Authorization;

/** Browser clients of VK ID: credentialed CORS on {@code /oauth2/*}, and the emulator over TLS. */
class VkIdCorsTlsTest {
    private static final String ORIGIN = "https://school.example:8443";

    private static void assertCors(HttpHeaders headers) {
        assertEquals(ORIGIN, headers.firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", headers.firstValue("Access-Control-Allow-Credentials").orElse(""));
        assertTrue(headers.allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), headers::toString);
    }

    @Test
    @DisplayName("F-LINK-11 /oauth2/* echo the Origin with credentials allowed, on success and on error; none without Origin")
    void corsHeaders() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            for (String path : List.of("/oauth2/auth", "/oauth2/user_info", "/oauth2/public_info", "/oauth2/logout",
                    "/oauth2/revoke")) {
                HttpResponse<String> response = wire.send(HttpRequest.newBuilder(emulator.baseUri().resolve(path))
                        .header("Origin", ORIGIN)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=" + DemoSchool.CLIENT_ID)).build());
                assertEquals(400, response.statusCode(), path);
                assertCors(response.headers());
            }
            Authorization authorization = wire.authorization();
            Map<String, String> params = VkIdWire.codeGrant(authorization,
                    wire.loginWithProfile(authorization, emulator.demoSchool().orElseThrow().teacher()));
            HttpResponse<String> ok = wire.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/oauth2/auth"))
                    .header("Origin", ORIGIN)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(VkIdWire.form(params))).build());
            assertEquals(200, ok.statusCode(), ok::body);
            assertCors(ok.headers());

            HttpResponse<String> noOrigin = wire.postForm("/oauth2/user_info", "client_id", DemoSchool.CLIENT_ID);
            assertTrue(noOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    @DisplayName("F-LINK-11 a CORS preflight answers 204 with the allowed methods and the requested headers")
    void preflight() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            for (String path : List.of("/oauth2/auth", "/oauth2/revoke", "/.well-known/jwks.json")) {
                HttpResponse<String> response = wire.send(HttpRequest.newBuilder(emulator.baseUri().resolve(path))
                        .header("Origin", ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, x-request-id")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(204, response.statusCode(), path);
                assertCors(response.headers());
                assertEquals("GET, POST, OPTIONS",
                        response.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
                assertEquals("content-type, x-request-id",
                        response.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
                assertEquals("", response.body());
            }
        }
    }

    @Test
    @DisplayName("F-LINK-11 with tls(true) the emulator listens on https://127.0.0.1; a client with sslContext() completes a link, one without fails")
    void tls() throws Exception {
        try (SferumEmulator emulator = SferumEmulator.builder().tls(true).start()) {
            assertTrue(emulator.tls());
            assertTrue(emulator.baseUri().toString().matches("https://127\\.0\\.0\\.1:\\d+"), emulator::toString);
            VkIdWire wire = new VkIdWire(emulator);
            assertEquals(200, wire.get(emulator.baseUri().resolve("/_emulator/health")).statusCode());

            Authorization authorization = wire.authorization();
            Map<String, String> callback = wire.loginWithProfile(authorization,
                    emulator.demoSchool().orElseThrow().teacher());
            assertEquals(emulator.demoSchool().orElseThrow().teacher().id().value(),
                    wire.exchange(authorization, callback).get("user_id").asLong(),
                    "the driver and the token endpoint work over TLS");

            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            IOException refused = assertThrows(IOException.class, () -> untrusting.send(HttpRequest.newBuilder(
                    emulator.baseUri().resolve("/_emulator/health")).build(), HttpResponse.BodyHandlers.ofString()));
            assertTrue(refused instanceof SSLHandshakeException || refused.getCause() != null, refused::toString);

            HttpClient viaLocalhost = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
            HttpResponse<String> localhost = viaLocalhost.send(HttpRequest.newBuilder(java.net.URI.create(
                    "https://localhost:" + emulator.baseUri().getPort() + "/_emulator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, localhost.statusCode(), "the certificate also names localhost");
        }
    }

    @Test
    @DisplayName("plain HTTP is the default, and sslContext() is then the JVM's default context")
    void plainByDefault() throws Exception {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            assertFalse(emulator.tls());
            assertEquals(javax.net.ssl.SSLContext.getDefault(), emulator.sslContext());
        }
    }

    @Test
    @DisplayName("--tls prints 'Sferum emulator listening on https://127.0.0.1:PORT'")
    void cliTls() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = EmulatorMain.start(EmulatorOptions.parse("--port", "0", "--tls"), out)) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(printed.matches("Sferum emulator listening on https://127\\.0\\.0\\.1:\\d+\\R"), printed);
            assertEquals("Sferum emulator listening on " + emulator.baseUri() + System.lineSeparator(), printed);
        }
    }
}
