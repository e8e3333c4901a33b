package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.TestClock;

/**
 * The emulator's MAX face over raw HTTP (F-EMB-08): every answer is checked against the MAX Bot API's OpenAPI
 * schema ({@link MaxSchema}; a missing schema fails), the bad inputs of issue 11 each get their status and
 * {@code code}, and the two faces share one engine: what a person posts on the VK face reaches the bot as
 * {@code message_created}, and what the bot posts is in the VK history.
 */
class MaxWireTest {
    private static final MaxSchema SCHEMA = MaxSchema.load();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestClock clock;
    private SferumEmulator emulator;
    private Wire vk;
    private DemoSchool school;
    private SeededBot bot;
    private URI max;

    @BeforeEach
    void start() {
        clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        emulator = SferumEmulator.builder().clock(clock).maxPort(0).start();
        vk = new Wire(emulator);
        school = emulator.demoSchool().orElseThrow();
        bot = emulator.demoBot().orElseThrow();
        max = emulator.maxUri().orElseThrow();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The class chat made on the VK face, with the bot added and, when asked, made an admin. */
    private long classChat(boolean botAdmin) {
        SeededUser teacher = school.teacher();
        List<String> ids = new ArrayList<>();
        for (SeededUser student : school.students()) {
            ids.add(Long.toString(student.id().value()));
        }
        ids.add(Long.toString(bot.id().value()));
        JsonNode created = vk.ok(teacher, "messages.createChat", "title", "5в Математика", "user_ids",
                String.join(",", ids));
        long peer = ChatId.GROUP_CHAT_OFFSET + created.get("chat_id").asLong();
        if (botAdmin) {
            vk.ok(teacher, "messages.setMemberRole", "peer_id", Long.toString(peer), "member_id",
                    Long.toString(bot.id().value()), "role", "admin");
        }
        return -(peer - ChatId.GROUP_CHAT_OFFSET);
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String token, String method, String pathTemplate, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(max + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = Wire.JSON.readTree(response.body());
        SCHEMA.checkResponse(method, pathTemplate, response.statusCode(), json);
        return new Answer(response.statusCode(), json);
    }

    private Answer asBot(String method, String pathTemplate, String path, JsonNode body) throws Exception {
        return call(bot.token().secret(), method, pathTemplate, path, body);
    }

    private static ObjectNode text(String text) {
        return Wire.JSON.createObjectNode().put("text", text);
    }

    @Test
    @DisplayName("F-EMB-08 GET /me answers the bot (is_bot); /_emulator/demo lists the bot with its token and chats on both faces")
    void meAndDemo() throws Exception {
        Answer me = asBot("GET", "/me", "/me", null);
        assertEquals(200, me.status());
        assertEquals(bot.id().value(), me.body().path("user_id").asLong());
        assertTrue(me.body().path("is_bot").asBoolean());
        assertEquals(SeededBot.DEMO_NAME, me.body().path("first_name").asText());
        long chat = classChat(true);
        HttpResponse<String> demo = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUri()
                + "/_emulator/demo")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode bots = Wire.JSON.readTree(demo.body()).path("bots");
        assertEquals(1, bots.size());
        assertEquals(bot.token().secret(), bots.get(0).path("token").asText());
        assertEquals(chat, bots.get(0).path("chats").get(0).path("chat_id").asLong());
        assertEquals(ChatId.GROUP_CHAT_OFFSET - chat, bots.get(0).path("chats").get(0).path("peer_id").asLong());
    }

    @Test
    @DisplayName("F-EMB-08 the bot posts, reads, edits, pins and deletes over the MAX face; the VK face sees the same chat")
    void messagesBothFaces() throws Exception {
        long chat = classChat(true);
        long peer = ChatId.GROUP_CHAT_OFFSET - chat;
        Answer sent = asBot("POST", "/messages", "/messages?chat_id=" + chat, text("Домашнее задание: №15"));
        assertEquals(200, sent.status());
        String mid = sent.body().path("message").path("body").path("mid").asText();
        assertEquals(chat, sent.body().path("message").path("recipient").path("chat_id").asLong());
        JsonNode history = vk.ok(school.teacher(), "messages.getHistory", "peer_id", Long.toString(peer));
        assertEquals("Домашнее задание: №15", history.path("items").get(0).path("text").asText());
        assertEquals(bot.id().value(), history.path("items").get(0).path("from_id").asLong());

        clock.advance(Duration.ofSeconds(1));
        long vkMessage = vk.ok(school.students().get(0), "messages.send", "peer_id", Long.toString(peer),
                "message", "Спасибо", "random_id", "7").asLong();
        Answer list = asBot("GET", "/messages", "/messages?chat_id=" + chat + "&count=10", null);
        assertEquals(List.of("Спасибо", "Домашнее задание: №15"), texts(list.body().path("messages")));
        assertEquals(String.format("mid.%016x", vkMessage),
                list.body().path("messages").get(0).path("body").path("mid").asText());
        Answer older = asBot("GET", "/messages", "/messages?chat_id=" + chat + "&before="
                + list.body().path("messages").get(0).path("timestamp").asLong(), null);
        assertEquals(List.of("Домашнее задание: №15"), texts(older.body().path("messages")));

        Answer reply = asBot("POST", "/messages", "/messages?chat_id=" + chat, text("Пожалуйста").set("link",
                Wire.JSON.createObjectNode().put("type", "reply").put("mid", String.format("mid.%016x", vkMessage))));
        assertEquals("reply", reply.body().path("message").path("link").path("type").asText());

        assertEquals(200, asBot("PUT", "/messages", "/messages?message_id=" + mid, text("Домашнее задание: №16"))
                .status());
        assertEquals("Домашнее задание: №16", asBot("GET", "/messages/{messageId}", "/messages/" + mid, null)
                .body().path("body").path("text").asText());
        Answer ownerOnly = asBot("PUT", "/chats/{chatId}/pin", "/chats/" + chat + "/pin",
                Wire.JSON.createObjectNode().put("message_id", mid));
        assertEquals(403, ownerOnly.status(), "the default settings let only the owner pin (F-CHAT-03)");
        assertFalse(asBot("GET", "/chats/{chatId}/members/me", "/chats/" + chat + "/members/me", null).body()
                .path("permissions").toString().contains("pin_message"));
        emulator.engine().chats().updateChatSettings(school.teacher().id(), ChatId.group(-chat),
                new ChatSettings(Map.of(ChatAction.CHANGE_PIN, PermissionLevel.OWNER_AND_ADMINS)));
        assertTrue(asBot("GET", "/chats/{chatId}/members/me", "/chats/" + chat + "/members/me", null).body()
                .path("permissions").toString().contains("pin_message"));
        assertEquals(200, asBot("PUT", "/chats/{chatId}/pin", "/chats/" + chat + "/pin",
                Wire.JSON.createObjectNode().put("message_id", mid)).status());
        assertEquals(mid, asBot("GET", "/chats/{chatId}/pin", "/chats/" + chat + "/pin", null).body()
                .path("message").path("body").path("mid").asText());
        assertEquals(200, asBot("DELETE", "/chats/{chatId}/pin", "/chats/" + chat + "/pin", null).status());
        assertTrue(asBot("GET", "/chats/{chatId}/pin", "/chats/" + chat + "/pin", null).body().path("message")
                .isNull());
        assertEquals(200, asBot("DELETE", "/messages", "/messages?message_id=" + mid, null).status());
        assertEquals(404, asBot("GET", "/messages/{messageId}", "/messages/" + mid, null).status());
    }

    @Test
    @DisplayName("F-EMB-08 GET /chats/{id} and /members: title, owner, the bot an admin with read_all_messages, paging by marker")
    void chatAndMembers() throws Exception {
        long chat = classChat(true);
        Answer info = asBot("GET", "/chats/{chatId}", "/chats/" + chat, null);
        assertEquals("5в Математика", info.body().path("title").asText());
        assertEquals(school.teacher().id().value(), info.body().path("owner_id").asLong());
        assertEquals(5, info.body().path("participants_count").asInt());
        Answer first = asBot("GET", "/chats/{chatId}/members", "/chats/" + chat + "/members?count=3", null);
        assertEquals(3, first.body().path("members").size());
        Answer rest = asBot("GET", "/chats/{chatId}/members", "/chats/" + chat + "/members?count=3&marker="
                + first.body().path("marker").asLong(), null);
        assertEquals(2, rest.body().path("members").size());
        assertTrue(rest.body().path("marker").isNull());
        Answer me = asBot("GET", "/chats/{chatId}/members/me", "/chats/" + chat + "/members/me", null);
        assertTrue(me.body().path("is_admin").asBoolean());
        assertTrue(me.body().path("permissions").toString().contains("read_all_messages"));
    }

    @Test
    @DisplayName("F-EMB-08 GET /updates: a person's VK message reaches the admin bot as message_created, its edit as message_edited; the marker commits")
    void updatesAcrossFaces() throws Exception {
        long chat = classChat(true);
        long peer = ChatId.GROUP_CHAT_OFFSET - chat;
        Answer initial = asBot("GET", "/updates", "/updates?timeout=0", null);
        long marker = initial.body().path("marker").asLong();
        vk.ok(school.teacher(), "messages.send", "peer_id", Long.toString(peer), "message", "Урок в 9:00",
                "random_id", "11");
        Answer updates = asBot("GET", "/updates", "/updates?timeout=5&marker=" + marker, null);
        List<String> created = new ArrayList<>();
        for (JsonNode update : updates.body().path("updates")) {
            if (update.path("update_type").asText().equals("message_created")) {
                created.add(update.path("message").path("body").path("text").asText());
                assertEquals(school.teacher().id().value(), update.path("message").path("sender").path("user_id")
                        .asLong());
            }
        }
        assertEquals(List.of("Урок в 9:00"), created);
        long next = updates.body().path("marker").asLong();
        long sentId = -1;
        for (JsonNode h : vk.ok(school.teacher(), "messages.getHistory", "peer_id", Long.toString(peer)).path("items")) {
            if (h.path("text").asText().equals("Урок в 9:00")) {
                sentId = h.path("id").asLong();
            }
        }
        vk.ok(school.teacher(), "messages.edit", "peer_id", Long.toString(peer), "message_id", Long.toString(sentId),
                "message", "Урок в 9:30");
        Answer edited = asBot("GET", "/updates", "/updates?timeout=5&marker=" + next, null);
        JsonNode edit = edited.body().path("updates").get(0);
        assertEquals("message_edited", edit.path("update_type").asText());
        assertEquals("Урок в 9:30", edit.path("message").path("body").path("text").asText());
        assertEquals(String.format("mid.%016x", sentId), edit.path("message").path("body").path("mid").asText());
        next = edited.body().path("marker").asLong();
        assertTrue(next > marker);
        Answer again = asBot("GET", "/updates", "/updates?timeout=0&marker=" + next, null);
        assertEquals(0, again.body().path("updates").size(), "committed updates are not answered again");
        asBot("POST", "/messages", "/messages?chat_id=" + chat, text("Бот пишет"));
        Answer own = asBot("GET", "/updates", "/updates?timeout=0&marker=" + next, null);
        assertFalse(own.body().toString().contains("Бот пишет"), "a bot does not hear its own messages");
    }

    @Test
    @DisplayName("F-EMB-08 a bot that is a plain member hears no group messages (read_all_messages is an admin's)")
    void plainMemberHearsNothing() throws Exception {
        long chat = classChat(false);
        long peer = ChatId.GROUP_CHAT_OFFSET - chat;
        long marker = asBot("GET", "/updates", "/updates?timeout=0", null).body().path("marker").asLong();
        vk.ok(school.teacher(), "messages.send", "peer_id", Long.toString(peer), "message", "Только людям",
                "random_id", "12");
        Answer updates = asBot("GET", "/updates", "/updates?timeout=0&marker=" + marker, null);
        assertFalse(updates.body().toString().contains("Только людям"), updates.body().toString());
        assertEquals(200, asBot("POST", "/messages", "/messages?chat_id=" + chat, text("Но писать можно")).status());
    }

    @Test
    @DisplayName("F-EMB-08 bad input: wrong token 401, a person's token 401, query token 401, chat not joined 403 chat.denied, 4,001 characters 400, unknown mid 404")
    void badInput() throws Exception {
        long chat = classChat(true);
        Answer wrong = call("max1.wrong-token", "GET", "/me", "/me", null);
        assertEquals(401, wrong.status());
        assertEquals("verify.token", wrong.body().path("code").asText());
        assertEquals(401, call(school.teacher().token().secret(), "GET", "/me", "/me", null).status());
        assertEquals(401, call(null, "GET", "/me", "/me?access_token=" + bot.token().secret(), null).status());
        assertFalse(wrong.body().toString().contains("max1.wrong-token"), "the token is not echoed");

        JsonNode other = vk.ok(school.outsider(), "messages.createChat", "title", "Чужой чат", "user_ids",
                Long.toString(school.parent().id().value()));
        long foreign = -other.get("chat_id").asLong();
        Answer denied = asBot("POST", "/messages", "/messages?chat_id=" + foreign, text("Привет"));
        assertEquals(403, denied.status());
        assertEquals("chat.denied", denied.body().path("code").asText());
        assertEquals(403, asBot("GET", "/chats/{chatId}", "/chats/" + foreign, null).status());

        Answer tooLong = asBot("POST", "/messages", "/messages?chat_id=" + chat, text("я".repeat(4001)));
        assertEquals(400, tooLong.status());
        assertEquals("text.too.long", tooLong.body().path("code").asText());
        assertEquals(200, asBot("POST", "/messages", "/messages?chat_id=" + chat, text("я".repeat(4000))).status());

        Answer unknown = asBot("GET", "/messages/{messageId}", "/messages/mid.00000000000f4240", null);
        assertEquals(404, unknown.status());
        assertEquals("not.found", unknown.body().path("code").asText());
        assertEquals(404, asBot("PUT", "/messages", "/messages?message_id=mid.nonsense", text("x")).status());
        assertEquals(405, asBot("PATCH", "/chats/{chatId}", "/chats/" + chat, text("x")).status());
        HttpResponse<String> unknownPath = http.send(HttpRequest.newBuilder(URI.create(max + "/chats"))
                .header("Authorization", bot.token().secret()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknownPath.statusCode());
        assertTrue(SCHEMA.problemsOf("Error", Wire.JSON.readTree(unknownPath.body())).isEmpty());
    }

    @Test
    @DisplayName("F-EMB-08 the schema check itself fails on a wrong answer (a string user_id, a missing mid, an unknown update type)")
    void schemaCheckCanFail() {
        JsonNode bad = Wire.JSON.createObjectNode().put("user_id", "1").put("first_name", "A").put("is_bot", true);
        assertFalse(SCHEMA.problemsOf("User", bad).isEmpty());
        ObjectNode message = Wire.JSON.createObjectNode().put("timestamp", 1);
        message.putObject("recipient").put("chat_type", "chat");
        message.putObject("body").put("seq", 1);
        assertFalse(SCHEMA.problemsOf("Message", message).isEmpty());
        JsonNode update = Wire.JSON.createObjectNode().put("update_type", "lesson_started").put("timestamp", 1);
        assertFalse(SCHEMA.problemsOf("Update", update).isEmpty());
        JsonNode removed = Wire.JSON.createObjectNode().put("update_type", "message_removed").put("timestamp", 1);
        assertFalse(SCHEMA.problemsOf("Update", removed).isEmpty(), "message_removed needs message_id, chat_id, user_id");
        assertThrows(AssertionError.class, () -> SCHEMA.checkResponse("GET", "/me", 200, bad));
    }

    /** A tiny PNG: the engine tells a photo by its first bytes. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1};

    private String uploadUrl(String type) throws Exception {
        Answer endpoint = asBot("POST", "/uploads", "/uploads?type=" + type, null);
        assertEquals(200, endpoint.status(), endpoint.body().toString());
        return endpoint.body().path("url").asText();
    }

    private HttpResponse<String> post(String url, String contentType, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("F-EMB-08 F-ATT-01 uploads: POST /uploads?type=image, the image posted as multipart 'data', the message carries it; the VK face sees the photo")
    void imageUpload() throws Exception {
        long chat = classChat(true);
        String url = uploadUrl("image");
        assertTrue(url.startsWith(max + MaxUploads.PATH), url);
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"board.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(head);
        multipart.write(PNG);
        multipart.write(tail);
        HttpResponse<String> uploaded = post(url, "multipart/form-data; boundary=" + boundary, Map.of(),
                multipart.toByteArray());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String token = Wire.JSON.readTree(uploaded.body()).path("photos").path("1").path("token").asText();
        assertFalse(token.isEmpty(), uploaded.body());
        ObjectNode message = text("Доска после урока");
        message.putArray("attachments").addObject().put("type", "image").putObject("payload").put("token", token);
        assertTrue(SCHEMA.problemsOf("NewMessageBody", message).isEmpty(), SCHEMA.problemsOf("NewMessageBody",
                message).toString());
        Answer sent = asBot("POST", "/messages", "/messages?chat_id=" + chat, message);
        assertEquals(200, sent.status(), sent.body().toString());
        JsonNode attachment = sent.body().path("message").path("body").path("attachments").get(0);
        assertEquals("image", attachment.path("type").asText());
        JsonNode history = vk.ok(school.teacher(), "messages.getHistory", "peer_id",
                Long.toString(ChatId.GROUP_CHAT_OFFSET - chat));
        assertEquals("photo", history.path("items").get(0).path("attachments").get(0).path("type").asText());
        Answer again = asBot("POST", "/messages", "/messages?chat_id=" + chat, message);
        assertEquals(400, again.status(), "an upload's token is saved once (the engine's rule)");
    }

    @Test
    @DisplayName("F-EMB-08 F-ATT-03 resumable upload: Content-Range chunks, a wrong offset is 416 with the offset, a connection cut at half keeps what arrived and the upload goes on from there")
    void resumableUpload() throws Exception {
        long chat = classChat(true);
        String url = uploadUrl("file");
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) ('a' + i % 26);
        }
        int half = file.length / 2;
        // the first chunk claims the whole file, but the connection is cut after half of it
        URI address = URI.create(url);
        try (java.net.Socket socket = new java.net.Socket(address.getHost(), address.getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + address.getRawPath() + " HTTP/1.1\r\nHost: " + address.getAuthority()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;"
                    + " filename=\"homework.txt\"\r\nContent-Range: bytes 0-" + (file.length - 1) + "/" + file.length
                    + "\r\nContent-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(file, 0, half);
            out.flush();
        }
        JsonNode status = awaitReceived(url, half);
        assertEquals(file.length, status.path("total").asLong());
        // a small chunk from 0: the server answers 416 without reading on, and a large body still being written
        // when it closes would make the client see a broken pipe instead of the answer
        HttpResponse<String> restart = post(url, "application/octet-stream", Map.of("Content-Range", "bytes 0-999/"
                + file.length), java.util.Arrays.copyOfRange(file, 0, 1000));
        assertEquals(416, restart.statusCode(), "a restart from 0 is refused: the upload goes on from " + half);
        assertEquals("bytes=0-" + (half - 1), restart.headers().firstValue("Range").orElse(""));
        HttpResponse<String> rest = post(url, "application/octet-stream", Map.of("Content-Range", "bytes " + half
                + "-" + (file.length - 1) + "/" + file.length, "Content-Disposition", "attachment; filename=\"x\""),
                java.util.Arrays.copyOfRange(file, half, file.length));
        assertEquals(200, rest.statusCode(), rest.body());
        String token = Wire.JSON.readTree(rest.body()).path("token").asText();
        JsonNode done = Wire.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("[\"0-" + (half - 1) + "\",\"" + half + "-" + (file.length - 1) + "\"]",
                done.path("ranges").toString(), "the second part continued at the offset");
        ObjectNode message = text("Домашнее задание во вложении");
        message.putArray("attachments").addObject().put("type", "file").putObject("payload").put("token", token);
        Answer sent = asBot("POST", "/messages", "/messages?chat_id=" + chat, message);
        assertEquals(200, sent.status(), sent.body().toString());
        JsonNode attachment = sent.body().path("message").path("body").path("attachments").get(0);
        assertEquals("homework.txt", attachment.path("filename").asText());
        assertEquals(file.length, attachment.path("size").asLong());
    }

    @Test
    @DisplayName("F-EMB-08 uploads bad input: type=photo, an unknown type, a program as a file (the engine's rule), a file with another attachment, an unknown upload address")
    void uploadRefusals() throws Exception {
        assertEquals(400, asBot("POST", "/uploads", "/uploads?type=photo", null).status());
        assertEquals(400, asBot("POST", "/uploads", "/uploads?type=sticker", null).status());
        String url = uploadUrl("file");
        byte[] program = {'M', 'Z', 0, 0, 1, 2, 3};
        HttpResponse<String> refused = post(url, "application/octet-stream", Map.of("Content-Range", "bytes 0-6/7",
                "Content-Disposition", "attachment; filename=\"homework.exe\""), program);
        assertEquals(400, refused.statusCode());
        assertTrue(SCHEMA.problemsOf("Error", Wire.JSON.readTree(refused.body())).isEmpty());
        assertTrue(refused.body().contains("programs"), refused.body());
        HttpResponse<String> unknown = post(max + MaxUploads.PATH + "no-such-ticket", "application/octet-stream",
                Map.of("Content-Range", "bytes 0-6/7"), program);
        assertEquals(404, unknown.statusCode());
        long chat = classChat(true);
        ObjectNode message = text("Два вложения");
        message.putArray("attachments").add(Wire.JSON.createObjectNode().put("type", "file").set("payload",
                Wire.JSON.createObjectNode().put("token", "a"))).add(Wire.JSON.createObjectNode().put("type", "image")
                .set("payload", Wire.JSON.createObjectNode().put("token", "b")));
        assertEquals(400, asBot("POST", "/messages", "/messages?chat_id=" + chat, message).status());
    }

    @Test
    @DisplayName("F-EMB-08 inline keyboard: a «Подключиться» link button under the bot's message, kept and shown with it; other button types and a bad url are 400")
    void linkButton() throws Exception {
        long chat = classChat(true);
        ObjectNode message = text("Урок математики начинается");
        ObjectNode button = Wire.JSON.createObjectNode().put("type", "link").put("text", "Подключиться")
                .put("url", "https://sferum.test/call/lesson-1");
        message.putArray("attachments").addObject().put("type", "inline_keyboard").putObject("payload")
                .putArray("buttons").addArray().add(button);
        assertTrue(SCHEMA.problemsOf("NewMessageBody", message).isEmpty(), SCHEMA.problemsOf("NewMessageBody",
                message).toString());
        Answer sent = asBot("POST", "/messages", "/messages?chat_id=" + chat, message);
        assertEquals(200, sent.status(), sent.body().toString());
        String mid = sent.body().path("message").path("body").path("mid").asText();
        JsonNode read = asBot("GET", "/messages/{messageId}", "/messages/" + mid, null).body();
        JsonNode keyboard = read.path("body").path("attachments").get(0);
        assertEquals("inline_keyboard", keyboard.path("type").asText());
        assertEquals(button, keyboard.path("payload").path("buttons").get(0).get(0));
        ObjectNode callback = text("Нажмите");
        callback.putArray("attachments").addObject().put("type", "inline_keyboard").putObject("payload")
                .putArray("buttons").addArray().addObject().put("type", "callback").put("text", "Да")
                .put("payload", "yes");
        assertEquals(400, asBot("POST", "/messages", "/messages?chat_id=" + chat, callback).status());
        ObjectNode badUrl = text("Ссылка");
        badUrl.putArray("attachments").addObject().put("type", "inline_keyboard").putObject("payload")
                .putArray("buttons").addArray().addObject().put("type", "link").put("text", "Открыть")
                .put("url", "javascript:alert(1)");
        assertEquals(400, asBot("POST", "/messages", "/messages?chat_id=" + chat, badUrl).status());
    }

    private JsonNode awaitReceived(String url, long bytes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode status = Wire.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (status.path("received").asLong() == bytes || System.nanoTime() > deadline) {
                assertEquals(bytes, status.path("received").asLong(), status.toString());
                return status;
            }
            Thread.sleep(20);
        }
    }

    private static List<String> texts(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.path("body").path("text").asText()));
        return out;
    }
}
