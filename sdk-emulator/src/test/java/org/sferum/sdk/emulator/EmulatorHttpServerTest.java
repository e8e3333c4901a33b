package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * F-EMB-04, issues 9 and 12: the emulator's HTTP layer (Jetty) against bad clients and for case-sensitive ones —
 * headers as VK sends them, stalled and slow clients, oversized bodies refused before they are read, the control
 * API's Host check, the security headers, and ASCII-only numbers.
 */
class EmulatorHttpServerTest extends EmulatorTestBase {
    private static final String JSON = "Content-Type: application/json; charset=utf-8";

    private String usersGet() {
        return "GET /method/users.get?v=5.199&access_token=" + teacher.token().secret() + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n";
    }

    /** A normal call with a one-second budget: it must be answered while bad clients hold connections. */
    private void normalCallWithinOneSecond() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(emulator.baseUri().resolve(
                "/method/users.get?v=5.199")).header("Authorization", "Bearer " + teacher.token().secret())
                .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertTrue(Wire.json(answer).has("response"), answer::body);
    }

    @Test
    @DisplayName("F-EMB-04 the VK API answers with 'Content-Type: application/json; charset=utf-8' spelled exactly so")
    void contentTypeAsVkSendsIt() throws Exception {
        try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
            raw.send(usersGet());
            RawHttp.Answer answer = raw.read();
            assertEquals(200, answer.status());
            assertTrue(answer.hasHeaderLine(JSON), answer.headers());
            assertTrue(answer.body().startsWith("{\"response\":"), answer.body());
        }
    }

    @ParameterizedTest(name = "{0} stalled connections")
    @ValueSource(ints = {8, 100, 1000})
    @DisplayName("F-EMB-04 clients that send half a request line and stall do not delay a normal request")
    void stalledClients(int count) throws Exception {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                RawHttp raw = new RawHttp(emulator.baseUri(), 2_000);
                stalled.add(raw);
                raw.send("GET /method/users.get?v=5.1");
            }
            normalCallWithinOneSecond();
            normalCallWithinOneSecond();
        } finally {
            for (RawHttp raw : stalled) {
                raw.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} slow clients")
    @ValueSource(ints = {8, 100, 1000})
    @DisplayName("F-EMB-04 clients that trickle their headers and bodies do not delay a normal request")
    void slowClients(int count) throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                RawHttp raw = new RawHttp(emulator.baseUri(), 2_000);
                slow.add(raw);
                raw.send(i % 2 == 0 ? "POST /method/messages.send HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nv=5"
                        : "GET /method/users.get HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            }
            for (int round = 0; round < 3; round++) {
                for (RawHttp raw : slow) {
                    raw.send("1");
                }
                normalCallWithinOneSecond();
                Thread.sleep(100);
            }
        } finally {
            for (RawHttp raw : slow) {
                raw.close();
            }
        }
    }

    @Test
    @DisplayName("F-EMB-04 a 10 MB form body is refused with 413 and VK's error 8 before it is read")
    void tenMegabyteForm() throws Exception {
        try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
            raw.send("POST /method/messages.send HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (10 << 20) + "\r\n\r\n"
                    + "v=5.199&message=" + "a".repeat(1000));
            RawHttp.Answer answer = raw.read();
            assertEquals(413, answer.status());
            assertTrue(answer.hasHeaderLine(JSON), answer.headers());
            JsonNode error = Wire.parse(answer.body()).get("error");
            assertEquals(8, error.get("error_code").asInt(), answer.body());
            assertFalse(answer.body().contains("Exception"), "no stack trace");
            assertTrue(raw.closedByServer(), "the rest of the body is not read");
        }
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-01 a 2 GB upload is refused with 413 before it is read")
    void twoGigabyteUpload() throws Exception {
        JsonNode server = wire.ok(teacher, "docs.getMessagesUploadServer", "peer_id",
                Long.toString(teacher.id().value()));
        java.net.URI upload = java.net.URI.create(server.get("upload_url").asText());
        try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
            raw.send("POST " + upload.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + (2L << 30) + "\r\n\r\n"
                    + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n"
                    + "x".repeat(4096));
            RawHttp.Answer answer = raw.read();
            assertEquals(413, answer.status());
            assertTrue(answer.body().contains("larger than"), answer.body());
            assertFalse(answer.body().contains("Exception"), "no stack trace");
        }
        normalCallWithinOneSecond();
        assertEquals(0, emulator.blobStore().bytesInMemory(), "nothing of the refused upload is held in memory");
        assertEquals(0, emulator.blobStore().blobsOnDisk(), "nor on disk");
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-01 a chunked photo upload past 50 MB is refused as it streams; nothing is kept")
    void chunkedOversizedPhoto() throws Exception {
        JsonNode server = wire.ok(teacher, "photos.getMessagesUploadServer", "peer_id",
                Long.toString(teacher.id().value()));
        byte[] head = ("--xyz\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.png\"\r\n\r\n"
                + "\u0089PNG\r\n\u001a\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long size = org.sferum.sdk.testkit.engine.AttachmentService.MAX_PHOTO_BYTES + 1L;
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
                new java.io.SequenceInputStream(new java.io.InputStream() {
                    private long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                }, new java.io.ByteArrayInputStream("\r\n--xyz--\r\n".getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1))));
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.get("upload_url").asText()))
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode error = Wire.parse(answer.body()).get("error");
        assertEquals(100, error.get("error_code").asInt(), answer.body());
        assertTrue(error.get("error_msg").asText().contains("larger than"), answer.body());
        assertEquals(0, emulator.blobStore().bytesInMemory(), "nothing of the refused upload is held in memory");
        assertEquals(0, emulator.blobStore().blobsOnDisk(), "nor on disk");
    }

    @Test
    @DisplayName("F-EMB-04 5,000 concurrent keep-alive connections are each answered twice, none reset")
    void fiveThousandKeepAlive() throws Exception {
        int count = 5_000;
        int threads = 16;
        String request = "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        List<RawHttp> clients = java.util.Collections.synchronizedList(new ArrayList<>(count));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        // A shared 2-core machine may take a minute to open 5,000 connections: the first ones must not be closed
        // as idle meanwhile (the idle timeout is a separate rule).
        SferumEmulator patient = SferumEmulator.builder().seedDemo(false).idleTimeout(Duration.ofMinutes(5)).start();
        try {
            java.util.concurrent.CyclicBarrier allOpen = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<Integer>> answered = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                answered.add(pool.submit(() -> {
                    List<RawHttp> mine = new ArrayList<>();
                    int ok = 0;
                    for (int i = 0; i < share; i++) {
                        RawHttp raw = new RawHttp(patient.baseUri(), 60_000);
                        mine.add(raw);
                        clients.add(raw);
                        raw.send(request);
                        ok += raw.read().status() == 200 ? 1 : 0;
                    }
                    allOpen.await(60, java.util.concurrent.TimeUnit.SECONDS); // every connection is open now
                    for (RawHttp raw : mine) {
                        raw.send(request); // the same connection, kept alive
                        ok += raw.read().status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> future : answered) {
                total += future.get(300, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(2 * count, total, "every request on every connection answered 200");
        } finally {
            pool.shutdownNow();
            for (RawHttp raw : clients) {
                raw.close();
            }
            patient.close();
        }
    }

    @Test
    @DisplayName("issue 12: the control API answers only to a loopback Host (DNS rebinding)")
    void controlApiChecksHost() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost:8080", "[::1]:9", "LOCALHOST")) {
            try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
                raw.send("GET /_emulator/demo HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
                assertEquals(200, raw.read().status(), host);
            }
        }
        for (String host : List.of("evil.example", "127.0.0.1.evil.example", "evil.example:80", "localhost.")) {
            try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
                raw.send("GET /_emulator/demo HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
                RawHttp.Answer answer = raw.read();
                assertEquals(403, answer.status(), host);
                assertFalse(answer.body().contains("access_token"), "no token leaks to " + host);
            }
        }
    }

    @Test
    @DisplayName("issue 12: with a control token the control API needs it in X-Emulator-Token")
    void controlToken() throws Exception {
        String token = "0123456789abcdef-secret";
        try (SferumEmulator guarded = SferumEmulator.builder().controlToken(token).start()) {
            try (RawHttp raw = new RawHttp(guarded.baseUri(), 5_000)) {
                raw.send("GET /_emulator/demo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                RawHttp.Answer answer = raw.read();
                assertEquals(401, answer.status());
                assertFalse(answer.body().contains("access_token"));
                raw.send("GET /_emulator/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Emulator-Token: wrong\r\n\r\n");
                assertEquals(401, raw.read().status());
                raw.send("GET /_emulator/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Emulator-Token: " + token + "\r\n\r\n");
                assertEquals(200, raw.read().status());
            }
        }
    }

    @Test
    @DisplayName("issue 12: HTML pages and served files carry CSP, nosniff and Referrer-Policy")
    void securityHeaders() throws Exception {
        try (RawHttp raw = new RawHttp(emulator.baseUri(), 5_000)) {
            raw.send("GET /authorize?response_type=code HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Answer page = raw.read();
            assertTrue(page.headers().contains("Content-Type: text/html; charset=utf-8"), page.headers());
            assertSecurityHeaders(page);
            raw.send("GET /attachment/none HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertSecurityHeaders(raw.read());
            raw.send(usersGet());
            assertSecurityHeaders(raw.read());
        }
    }

    private static void assertSecurityHeaders(RawHttp.Answer answer) {
        assertTrue(answer.hasHeaderLine("X-Content-Type-Options: nosniff"), answer.headers());
        assertTrue(answer.hasHeaderLine("Referrer-Policy: no-referrer"), answer.headers());
        assertTrue(answer.hasHeaderLine("Content-Security-Policy: " + EmulatorHttpServer.CONTENT_SECURITY_POLICY),
                answer.headers());
    }

    @Test
    @DisplayName("issue 12 F-MSG-01: a peer_id in non-ASCII digits is VK error 100, and nothing is sent")
    void nonAsciiDigits() {
        long peer = classChat();
        String arabicIndic = "٢٠٠٠٠٠٠٠٠١";
        JsonNode answer = wire.call(teacher, "messages.send", "peer_id", arabicIndic, "message", "x",
                "random_id", "1");
        assertEquals(100, answer.path("error").path("error_code").asInt(), answer.toString());
        JsonNode history = wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer));
        assertEquals(0, history.get("count").asInt());
        String body = new String(answer.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertFalse(body.contains("Exception"));
    }
}
