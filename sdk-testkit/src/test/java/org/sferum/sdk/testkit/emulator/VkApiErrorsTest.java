package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every refusal answers HTTP 200 with the VK error envelope and the exact {@code error_code} of the table in
 * docs/wire/vk-api.md, and leaves the platform as it was.
 */
class VkApiErrorsTest extends EmulatorTestBase {
    private long peer;
    private long otherPeer;
    private long otherChatMessage;

    @BeforeEach
    void arrange() {
        peer = classChat();
        otherPeer = createChat(teacher, "Родители 5в", parent);
        send(teacher, peer, "Добрый день");
        otherChatMessage = send(teacher, otherPeer, "Собрание в четверг");
    }

    /** Runs a request that must be refused; checks the code, the envelope and that nothing changed. */
    private JsonNode refused(int code, Supplier<JsonNode> request) {
        StateSnapshot before = StateSnapshot.of(emulator);
        JsonNode body = request.get();
        JsonNode error = wire.error(body);
        assertEquals(code, error.get("error_code").asInt(), body::toString);
        assertEquals(before, StateSnapshot.of(emulator), "a refused request must change nothing");
        return error;
    }

    private JsonNode refused(int code, String method, String... pairs) {
        return refused(code, () -> wire.call(teacher, method, pairs));
    }

    private static String param(JsonNode error, String key) {
        for (JsonNode param : error.get("request_params")) {
            if (param.get("key").asText().equals(key)) {
                return param.get("value").asText();
            }
        }
        return null;
    }

    @Test
    @DisplayName("F-MSG-01 a call without v is refused with 8, and request_params echoes method and oauth only")
    void missingVersion() {
        JsonNode error = refused(8, () -> Wire.json(wire.send(wire.post("messages.send",
                Wire.form("peer_id", Long.toString(peer), "message", "Текст"))
                .header("Authorization", "Bearer " + teacher.token().secret()).build())));
        assertEquals("Invalid request: v is required", error.get("error_msg").asText());
        assertEquals(2, error.get("request_params").size());
        assertEquals("messages.send", param(error, "method"));
        assertEquals("1", param(error, "oauth"));
    }

    @Test
    @DisplayName("F-MSG-01 a version other than 5.x is refused with 8")
    void badVersion() {
        JsonNode error = refused(8, () -> Wire.json(wire.send(wire.get("/method/users.get",
                Wire.form("v", "4.104", "access_token", teacher.token().secret())).build())));
        assertEquals("4.104", param(error, "v"));
    }

    @Test
    @DisplayName("F-MSG-01 an unknown method is refused with 3")
    void unknownMethod() {
        JsonNode error = refused(3, "messages.deleteEverything");
        assertTrue(error.get("error_msg").asText().startsWith("Unknown method passed: "));
        assertEquals("messages.deleteEverything", param(error, "method"));
        assertEquals(Wire.VERSION, param(error, "v"));
        refused(3, () -> Wire.json(wire.send(wire.get("/method/", Wire.form("v", Wire.VERSION)).build())));
    }

    @Test
    @DisplayName("F-MSG-01 a missing, unknown or revoked token is refused with 5")
    void authentication() {
        refused(5, () -> wire.call((String) null, "messages.getConversations"));
        refused(5, () -> wire.call("vk1.a.not-a-real-token", "messages.getConversations"));
        refused(5, () -> Wire.json(wire.send(wire.post("users.get", Wire.form("v", Wire.VERSION))
                .header("Authorization", "Basic " + teacher.token().secret()).build())));
        emulator.engine().users().revokeToken(student3.token().secret());
        JsonNode error = refused(5, () -> wire.call(student3, "messages.send", "peer_id", Long.toString(peer),
                "message", "Я тут"));
        assertTrue(error.get("error_msg").asText().startsWith("User authorization failed: "));
    }

    @Test
    @DisplayName("F-MSG-01 a user outside the chat can neither read its history nor write to it: 917")
    void nonMember() {
        refused(917, () -> wire.call(outsider, "messages.getHistory", "peer_id", Long.toString(peer)));
        refused(917, () -> wire.call(parent, "messages.send", "peer_id", Long.toString(peer), "message", "Здравствуйте"));
        refused(917, () -> wire.call(student1, "messages.markAsRead", "peer_id", Long.toString(otherPeer)));
    }

    @Test
    @DisplayName("F-MSG-01 an unknown chat is refused with 927")
    void unknownChat() {
        refused(927, "messages.getHistory", "peer_id", "2000000999");
        refused(927, "messages.send", "peer_id", "2000000999", "message", "Есть кто?");
    }

    @Test
    @DisplayName("F-MSG-01 a message over 9000 characters is refused with 914; 9000 characters are sent")
    void tooLong() {
        refused(914, "messages.send", "peer_id", Long.toString(peer), "message", "я".repeat(9001));
        String emoji = "\uD83D\uDCDA";
        refused(914, "messages.send", "peer_id", Long.toString(peer), "message", emoji.repeat(9001));
        long id = send(teacher, peer, emoji.repeat(9000));
        assertTrue(id > 0);
    }

    @Test
    @DisplayName("F-MSG-01 an empty or blank message is refused with 100")
    void emptyMessage() {
        refused(100, "messages.send", "peer_id", Long.toString(peer), "message", "");
        refused(100, "messages.send", "peer_id", Long.toString(peer), "message", "   \n ");
        refused(100, "messages.send", "peer_id", Long.toString(peer));
    }

    @Test
    @DisplayName("F-MSG-01 a malformed or missing peer_id is refused with 100 naming peer_id")
    void malformedPeer() {
        for (String bad : List.of("abc", "12.5", "2000000001x", "99999999999999999999", "-5", "0")) {
            JsonNode error = refused(100, "messages.send", "peer_id", bad, "message", "Текст");
            assertTrue(error.get("error_msg").asText().contains("peer_id"), error::toString);
        }
        JsonNode missing = refused(100, "messages.getHistory");
        assertEquals("One of the parameters specified was missing or invalid: peer_id is required (or user_id, or "
                + "chat_id)",
                missing.get("error_msg").asText());
    }

    @Test
    @DisplayName("F-MSG-02 a reply to a message of another chat is refused with 104")
    void replyFromAnotherChat() {
        refused(104, "messages.send", "peer_id", Long.toString(peer), "message", "Ответ",
                "reply_to", Long.toString(otherChatMessage));
        refused(104, "messages.send", "peer_id", Long.toString(peer), "message", "Ответ", "reply_to", "999");
        refused(100, "messages.send", "peer_id", Long.toString(peer), "message", "Ответ", "reply_to", "первое");
    }

    @Test
    @DisplayName("F-MSG-11 malformed paging and ids are refused with 100 naming the parameter")
    void malformedParameters() {
        String p = Long.toString(peer);
        assertTrue(refused(100, "messages.getHistory", "peer_id", p, "count", "201").get("error_msg").asText()
                .contains("count"));
        refused(100, "messages.getHistory", "peer_id", p, "count", "-1");
        refused(100, "messages.getHistory", "peer_id", p, "offset", "-1");
        assertTrue(refused(100, "messages.getHistory", "peer_id", p, "rev", "2").get("error_msg").asText()
                .contains("rev"));
        assertTrue(refused(100, "messages.getHistory", "peer_id", p, "start_message_id", "x").get("error_msg")
                .asText().contains("start_message_id"));
        assertTrue(refused(100, "messages.send", "peer_id", p, "message", "Текст", "random_id", "4294967296")
                .get("error_msg").asText().contains("random_id"));
        assertTrue(refused(100, "messages.getById", "message_ids", "1,,2").get("error_msg").asText()
                .contains("message_ids"));
        refused(100, "messages.getById");
        StringBuilder many = new StringBuilder("1");
        for (int i = 2; i <= 101; i++) {
            many.append(',').append(i);
        }
        refused(100, "messages.getById", "message_ids", many.toString());
        refused(100, "messages.getConversations", "count", "0");
        refused(100, "messages.getConversations", "filter", "important");
        refused(100, "users.get", "user_ids", "durov");
    }

    @Test
    @DisplayName("F-CHAT-02 a blank title, a missing title, an unknown member or bad permissions are refused; no chat is created")
    void createChatRefusals() {
        refused(100, "messages.createChat", "title", "   ");
        assertTrue(refused(100, "messages.createChat", "user_ids", "100002").get("error_msg").asText()
                .contains("title"));
        refused(100, "messages.createChat", "title", "Т".repeat(129));
        refused(113, "messages.createChat", "title", "Кружок", "user_ids", "100002,999999");
        refused(100, "messages.createChat", "title", "Кружок", "user_ids", "0");
        refused(100, "messages.createChat", "title", "Кружок", "permissions", "not json");
        refused(100, "messages.createChat", "title", "Кружок", "permissions", "{\"invite\":\"everyone\"}");
        refused(100, "messages.createChat", "title", "Кружок", "permissions", "{\"fly\":\"all\"}");
        refused(100, "messages.createChat", "title", "Кружок", "permissions", "{\"change_admins\":\"all\"}");
    }

    @Test
    @DisplayName("F-MSG-01, F-ATT-01 an attachment type the emulator does not have (audio) is refused with 100")
    void notImplemented() {
        refused(100, "messages.send", "peer_id", Long.toString(peer), "message", "Аудио",
                "attachment", "audio100001_1");
    }

    @Test
    @DisplayName("F-MSG-01 no refusal carries the token or the message text in error_msg or request_params")
    void noSecretsInErrors() {
        String secretText = "Секретный текст " + "я".repeat(9000);
        JsonNode tooLong = refused(914, () -> wire.call(teacher, "messages.send", "peer_id", Long.toString(peer),
                "message", secretText, "access_token", teacher.token().secret()));
        JsonNode nonMember = refused(917, () -> wire.call(outsider, "messages.send", "peer_id", Long.toString(peer),
                "message", "Секретный текст"));
        JsonNode badToken = refused(5, () -> wire.call("vk1.a.leaked-token-value", "messages.send",
                "peer_id", Long.toString(peer), "message", "Секретный текст"));
        for (JsonNode error : List.of(tooLong, nonMember, badToken)) {
            String text = error.toString();
            assertFalse(text.contains("Секретный"), text);
            assertFalse(text.contains(teacher.token().secret()), text);
            assertFalse(text.contains(outsider.token().secret()), text);
            assertFalse(text.contains("leaked-token-value"), text);
            for (JsonNode param : error.get("request_params")) {
                assertTrue(List.of("method", "oauth", "v").contains(param.get("key").asText()), text);
            }
        }
    }
}
