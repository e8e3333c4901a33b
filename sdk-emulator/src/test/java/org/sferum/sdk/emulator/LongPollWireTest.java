package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The user long poll on the wire (docs/wire/events.md, F-EMB-02): {@code messages.getLongPollServer} as the
 * VK schema has it, {@code a_check} answering at once or holding, {@code ts} numbering, the {@code failed} answers,
 * call events as update 900, chat events as VK's own updates, and held requests that neither block the emulator's other handlers nor outlive it.
 */
class LongPollWireTest extends EmulatorTestBase {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Server(String server, String key, long ts) {
    }

    private Server server(SeededUser user) {
        JsonNode body = wire.call(user, "messages.getLongPollServer", "lp_version", "3");
        JsonNode response = body.get("response");
        return new Server(response.get("server").asText(), response.get("key").asText(), response.get("ts").asLong());
    }

    private HttpRequest check(Server server, String key, long ts, int wait) {
        return HttpRequest.newBuilder(URI.create("http://" + server.server() + "?act=a_check&key=" + key + "&ts=" + ts
                + "&wait=" + wait + "&mode=2&version=3")).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private JsonNode poll(Server server, long ts, int wait) {
        return Wire.json(wire.send(check(server, server.key(), ts, wait)));
    }

    private CompletableFuture<HttpResponse<String>> hold(Server server, long ts) {
        return http.sendAsync(check(server, server.key(), ts, 25), HttpResponse.BodyHandlers.ofString());
    }

    private CallId startCall(long peer) {
        return emulator.engine().calls().startCallInChat(teacher.id(), ChatId.of(peer), true).id();
    }

    @Test
    @DisplayName("F-EMB-02: messages.getLongPollServer answers server, key and ts as the VK schema says")
    void serverAsSchema() {
        JsonNode body = wire.call(student1, "messages.getLongPollServer", "need_pts", "0", "lp_version", "3");
        VkSchema.load().check("messages/responses.json", "messages_getLongPollServer_response", body);
        JsonNode response = body.get("response");
        assertFields(response, "server", "key", "ts");
        assertEquals(emulator.baseUri().getAuthority() + "/lp/im", response.get("server").asText());
        assertEquals(1, response.get("ts").asLong());
        assertFalse(response.get("key").asText().equals(server(student1).key()), "a new key each time");
    }

    @Test
    @DisplayName("F-EMB-02: a call event is update 900 with a JSON object; ts counts the user's updates")
    void callEventUpdate() {
        long peer = classChat();
        Server server = server(student1);
        assertEquals(Wire.parse("{\"ts\":1,\"updates\":[]}"), poll(server, server.ts(), 0));
        CallId call = startCall(peer);

        JsonNode answer = poll(server, server.ts(), 0);
        assertEquals(2, answer.get("ts").asLong());
        JsonNode update = answer.get("updates").get(0);
        assertEquals(900, update.get(0).asInt());
        assertEquals("call_started", update.get(1).get("event").asText());
        assertEquals(call.value(), update.get(1).get("call_id").asText());
        assertEquals("chat", update.get(1).get("type").asText());
        assertEquals("5в Математика", update.get(1).get("title").asText());
        assertEquals(answer, poll(server, server.ts(), 0), "kept: the same ts reads the same updates");
        assertEquals(0, poll(server, 2, 0).get("updates").size());
    }

    private JsonNode pollMode(Server server, long ts, int mode) {
        return Wire.json(wire.send(HttpRequest.newBuilder(URI.create("http://" + server.server() + "?act=a_check&key="
                + server.key() + "&ts=" + ts + "&wait=0&mode=" + mode + "&version=3")).GET().build()));
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-01, F-MSG-07, F-MSG-06, F-MSG-11, F-CHAT-05: chat events are VK's updates 4, 5, 2, 6/7 and 52; mode decides the attachments object and the random id")
    void chatEventUpdates() {
        long peer = classChat();
        Server author = server(teacher);
        Server reader = server(student1);
        long id = send(teacher, peer, "Первая\nстрока", "random_id", "77");
        long sentAt = emulator.engine().messages().visibleMessage(teacher.id(), org.sferum.sdk.messages.MessageId.of(id))
                .orElseThrow().sentAt().getEpochSecond();
        wire.ok(teacher, "messages.edit", "peer_id", Long.toString(peer), "message_id", Long.toString(id),
                "message", "Вторая");
        wire.ok(student1, "messages.markAsRead", "peer_id", Long.toString(peer), "start_message_id", Long.toString(id));
        wire.ok(teacher, "messages.delete", "message_ids", Long.toString(id), "delete_for_all", "1");
        wire.ok(teacher, "messages.removeChatUser", "chat_id", Long.toString(peer - ChatId.GROUP_CHAT_OFFSET),
                "user_id", Long.toString(student2.id().value()));

        JsonNode mine = pollMode(author, author.ts(), 130).get("updates");
        assertEquals(Wire.parse("[4," + id + ",2," + peer + "," + sentAt + ",\"Первая<br>строка\",{\"from\":\""
                + teacher.id().value() + "\"},{},77]"), mine.get(0), "the author's own: OUTBOX, random id (mode 128)");
        assertEquals(5, mine.get(1).get(0).asInt());
        assertEquals("Вторая", mine.get(1).get(5).asText());
        assertEquals(Wire.parse("[7," + peer + "," + id + "," + student1.id().value() + "]"), mine.get(2));
        assertEquals(Wire.parse("[2," + id + ",131200," + peer + "]"), mine.get(3));
        assertEquals(Wire.parse("[52,7," + peer + "," + student2.id().value() + "]"), mine.get(4));
        assertEquals(5, mine.size());

        JsonNode theirs = pollMode(reader, reader.ts(), 0).get("updates");
        assertEquals(Wire.parse("[4," + id + ",1," + peer + "," + sentAt + ",\"Первая<br>строка\",{\"from\":\""
                + teacher.id().value() + "\"}]"), theirs.get(0), "mode 0: no attachments object, no random id");
        assertEquals(Wire.parse("[6," + peer + "," + id + "]"), theirs.get(2), "the reader's own read");
        assertEquals(8, pollMode(reader, reader.ts(), 2).get("updates").get(0).size(), "mode 2: the attachments object");
    }

    @Test
    @DisplayName("F-EMB-02: a held request is answered as soon as an event arrives, or empty when wait runs out")
    void heldUntilEvent() throws Exception {
        long peer = classChat();
        Server server = server(student1);
        CompletableFuture<HttpResponse<String>> held = hold(server, server.ts());
        assertThrows(TimeoutException.class, () -> held.get(200, TimeUnit.MILLISECONDS));
        startCall(peer);
        JsonNode answer = Wire.json(held.get(10, TimeUnit.SECONDS));
        assertEquals(1, answer.get("updates").size());

        long started = System.nanoTime();
        JsonNode empty = poll(server, answer.get("ts").asLong(), 1);
        assertEquals(0, empty.get("updates").size());
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(900), "held about one second");
    }

    @Test
    @DisplayName("F-EMB-02: held requests do not take the emulator's threads; closing the emulator ends them")
    void heldRequestsDoNotBlock() throws Exception {
        Server server = server(student1);
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            held.add(hold(server, server.ts()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.longPoll().held() < held.size() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(held.size(), emulator.longPoll().held(), "every request is parked");
        HttpResponse<String> users = http.send(wire.post("users.get", Wire.form("v", Wire.VERSION))
                .header("Authorization", "Bearer " + teacher.token().secret()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(Wire.json(users).has("response"), users::body);
        held.forEach(future -> assertFalse(future.isDone(), "still held"));

        emulator.close();
        for (CompletableFuture<HttpResponse<String>> future : held) {
            try {
                HttpResponse<String> answer = future.get(5, TimeUnit.SECONDS);
                assertEquals(Wire.parse("{\"ts\":1,\"updates\":[]}"), Wire.json(answer));
            } catch (ExecutionException connectionClosed) {
                // also an end: the server stopped
            }
        }
    }

    @Test
    @DisplayName("F-EMB-02: an unknown key is failed 2; a ts out of range is failed 1 with the ts to go on with")
    void failures() {
        long peer = classChat();
        Server server = server(student1);
        startCall(peer);
        assertEquals(Wire.parse("{\"failed\":2}"), Wire.json(wire.send(check(server, "nokey", 1, 0))));
        assertEquals(Wire.parse("{\"failed\":1,\"ts\":2}"), poll(server, 99, 0), "ahead: the next");
        assertEquals(Wire.parse("{\"failed\":1,\"ts\":1}"), poll(server, -5, 0), "behind: the oldest kept");
        HttpResponse<String> noAct = wire.send(HttpRequest.newBuilder(URI.create("http://" + server.server()
                + "?key=" + server.key() + "&ts=1")).GET().build());
        assertEquals(400, noAct.statusCode());
    }

    @Test
    @DisplayName("F-EMB-02: a key expires an hour after it was given (failed 2); a new key goes on from the same ts")
    void keyExpires() {
        long peer = classChat();
        Server first = server(student1);
        clock.advance(Duration.ofHours(1));
        startCall(peer);
        assertEquals(Wire.parse("{\"failed\":2}"), poll(first, first.ts(), 0));
        Server second = server(student1);
        JsonNode answer = poll(second, first.ts(), 0);
        assertEquals(1, answer.get("updates").size(), "nothing lost across the new key");
    }

    @Test
    @DisplayName("F-EMB-02: a_check also accepts a form POST, as VK's Java SDK sends it; other users' events stay out")
    void formPostAndOwnEventsOnly() {
        long peer = classChat();
        Server server = server(student1);
        Server outsiderServer = server(outsider);
        startCall(peer);
        HttpResponse<String> answer = wire.send(HttpRequest.newBuilder(URI.create("http://" + server.server()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Wire.form("act", "a_check", "key", server.key(), "ts", "1",
                        "wait", "0"))).build());
        assertEquals(1, Wire.json(answer).get("updates").size());
        assertEquals(0, poll(outsiderServer, outsiderServer.ts(), 0).get("updates").size());
    }

    private static <T extends Throwable> void assertThrows(Class<T> type,
                                                           org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(type, call);
    }
}
