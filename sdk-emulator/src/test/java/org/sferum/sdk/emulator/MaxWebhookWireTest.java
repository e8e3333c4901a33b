package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.TestClock;

/**
 * The MAX face's webhooks (F-EMB-08): subscriptions checked against the schema, one update per POST with the
 * secret header, an endpoint that is down retried with backoff on the emulator's clock (nothing lost, nothing
 * doubled), given up after 8 hours, and no long polling while subscribed.
 */
class MaxWebhookWireTest {
    private static final MaxSchema SCHEMA = MaxSchema.load();
    private static final String SECRET = "school-webhook_secret-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private TestClock clock;
    private SferumEmulator emulator;
    private SeededBot bot;
    private DemoSchool school;
    private ChatId chat;
    private LoopbackReceiver receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    private record Received(String secret, JsonNode update, int answered) {
    }

    @BeforeEach
    void start() throws Exception {
        clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        emulator = SferumEmulator.builder().clock(clock).maxPort(0).start();
        bot = emulator.demoBot().orElseThrow();
        school = emulator.demoSchool().orElseThrow();
        chat = emulator.engine().chats().createChat(school.teacher().id(),
                NewChat.of("5в Математика", java.util.Set.of(school.students().get(0).id(), bot.id())));
        emulator.engine().chats().setChatAdmin(school.teacher().id(), chat, bot.id(), true);
        receiver = new LoopbackReceiver((headers, body) -> {
            int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
            try {
                received.add(new Received(headers.get("x-max-bot-api-secret"), Wire.JSON.readTree(body), status));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return status;
        });
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        emulator.close();
    }

    private URI hook() {
        return receiver.uri("/hook");
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.maxUri().orElseThrow() + path))
                .header("Authorization", bot.token().secret()).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        SCHEMA.checkResponse(method, path.contains("?") ? path.substring(0, path.indexOf('?')) : path,
                response.statusCode(), Wire.JSON.readTree(response.body()));
        return response;
    }

    private void subscribe() throws Exception {
        ObjectNode body = Wire.JSON.createObjectNode().put("url", hook().toString()).put("secret", SECRET);
        body.putArray("update_types").add("message_created").add("message_removed");
        assertEquals(200, call("POST", "/subscriptions", body.toString()).statusCode());
    }

    private void personSays(String text) {
        emulator.engine().messages().send(school.students().get(0).id(), chat,
                org.sferum.sdk.messages.Draft.text(text));
    }

    private Received next() throws InterruptedException {
        Received got = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(got, "no webhook request within 10 s");
        return got;
    }

    @Test
    @DisplayName("F-EMB-08 POST /subscriptions (listed by GET), then each update is POSTed once with the secret header")
    void delivers() throws Exception {
        subscribe();
        JsonNode listed = Wire.JSON.readTree(call("GET", "/subscriptions", null).body());
        assertEquals(hook().toString(), listed.path("subscriptions").get(0).path("url").asText());
        personSays("Урок в 9:00");
        personSays("Урок в 10:00");
        Received first = next();
        Received second = next();
        assertEquals(SECRET, first.secret());
        assertEquals(List.of("Урок в 9:00", "Урок в 10:00"), List.of(
                first.update().path("message").path("body").path("text").asText(),
                second.update().path("message").path("body").path("text").asText()));
        assertTrue(SCHEMA.problemsOf("Update", first.update()).isEmpty(), first.update().toString());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "nothing more, nothing twice");
    }

    @Test
    @DisplayName("F-EMB-08 an endpoint that is down is retried with backoff on the emulator's clock: nothing lost, nothing doubled")
    void retries() throws Exception {
        failFirst.set(2);
        subscribe();
        personSays("Домашнее задание");
        personSays("Контрольная в пятницу");
        Received attempt1 = next();
        assertEquals(503, attempt1.answered());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "no retry before the backoff has passed");
        clock.advance(Duration.ofSeconds(1));
        Received attempt2 = next();
        assertEquals(503, attempt2.answered());
        assertEquals(attempt1.update(), attempt2.update(), "the same update again, not the next one");
        clock.advance(Duration.ofSeconds(2));
        Received delivered = next();
        assertEquals(200, delivered.answered());
        assertEquals("Домашнее задание", delivered.update().path("message").path("body").path("text").asText());
        Received following = next();
        assertEquals("Контрольная в пятницу", following.update().path("message").path("body").path("text").asText());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "each delivered once");
    }

    @Test
    @DisplayName("F-EMB-08 after 8 hours of failures an update is dropped and the next one goes")
    void givesUpAfterEightHours() throws Exception {
        failFirst.set(1_000);
        subscribe();
        personSays("Старое");
        next();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60 && clock.instant().isBefore(Instant.parse("2026-09-01T14:01:00Z")); i++) {
            clock.advance(Duration.ofMinutes(10));
            Received again = received.poll(2, TimeUnit.SECONDS);
            if (again != null) {
                statuses.add(again.answered());
            }
        }
        assertTrue(statuses.size() >= 40, "retried about every 10 minutes for 8 hours: " + statuses.size());
        failFirst.set(0);
        received.clear();
        personSays("Новое");
        Received fresh = next();
        assertEquals("Новое", fresh.update().path("message").path("body").path("text").asText(),
                "the old update was dropped after 8 hours");
    }

    @Test
    @DisplayName("F-EMB-08 bad subscriptions: a bad secret, a URL outside loopback; polling while subscribed is 405; DELETE stops delivery")
    void badSubscriptions() throws Exception {
        assertEquals(400, call("POST", "/subscriptions", "{\"url\":\"" + hook() + "\",\"secret\":\"bad secret!\"}")
                .statusCode());
        assertEquals(400, call("POST", "/subscriptions", "{\"url\":\"https://example.org/hook\"}").statusCode());
        subscribe();
        assertEquals(405, call("GET", "/updates", null).statusCode());
        assertEquals(200, call("DELETE", "/subscriptions?url=" + java.net.URLEncoder.encode(hook().toString(),
                StandardCharsets.UTF_8), null).statusCode());
        personSays("После отписки");
        assertNull(received.poll(500, TimeUnit.MILLISECONDS), "nothing is delivered after DELETE");
        assertEquals(200, call("GET", "/updates?timeout=0", null).statusCode());
    }
}
