package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The wire of the direct part of the chats issue ({@code docs/wire/chats-direct.md}): one-to-one chats by
 * {@code peer_id}, announcement chats, replies by {@code forward}, {@code friends.get} and the push settings,
 * checked against the VK schema.
 */
class DirectMethodsTest extends EmulatorTestBase {
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private JsonNode refused(int code, Supplier<JsonNode> request) {
        StateSnapshot before = StateSnapshot.of(emulator);
        JsonNode body = request.get();
        JsonNode error = wire.error(body);
        assertEquals(code, error.get("error_code").asInt(), body::toString);
        assertEquals(before, StateSnapshot.of(emulator), "a refused request must change nothing");
        return error;
    }

    private JsonNode refused(int code, SeededUser as, String method, String... pairs) {
        return refused(code, () -> wire.call(as, method, pairs));
    }

    private static String id(SeededUser user) {
        return Long.toString(user.id().value());
    }

    @Test
    @DisplayName("F-CHAT-12 a one-to-one chat is peer_id = the other user, listed with peer type user and no chat_settings")
    void oneToOne() {
        classChat();
        long sent = send(teacher, student1.id().value(), "Иван, зайди после урока");

        JsonNode body = wire.call(student1, "messages.getConversations");
        schema.check("messages/responses.json", "messages_getConversations_response", body);
        JsonNode item = body.get("response").get("items").get(0);
        JsonNode conversation = item.get("conversation");
        assertEquals(teacher.id().value(), conversation.get("peer").get("id").asLong());
        assertEquals("user", conversation.get("peer").get("type").asText());
        assertFalse(conversation.get("peer").has("local_id"));
        assertFalse(conversation.has("chat_settings"));
        assertEquals(1, conversation.get("unread_count").asInt());
        assertEquals(sent, item.get("last_message").get("id").asLong());
        assertEquals(teacher.id().value(), item.get("last_message").get("peer_id").asLong());

        JsonNode history = wire.call(teacher, "messages.getHistory", "peer_id", id(student1));
        schema.check("messages/responses.json", "messages_getHistory_response", history);
        JsonNode message = history.get("response").get("items").get(0);
        assertEquals(student1.id().value(), message.get("peer_id").asLong(), "each side sees the other's id");
        assertEquals(1, message.get("out").asInt());
        assertEquals(1, message.get("conversation_message_id").asInt());
    }

    @Test
    @DisplayName("F-CHAT-12 one-to-one with a non-contact is 902, with an unknown user 113, with oneself 100")
    void oneToOneRefusals() {
        classChat();
        JsonNode error = refused(902, outsider, "messages.send", "peer_id", id(teacher), "message", "Здравствуйте");
        assertFalse(error.toString().contains("Здравствуйте"));
        refused(902, teacher, "messages.getHistory", "peer_id", id(outsider));
        refused(902, parent, "messages.send", "peer_id", id(student1), "message", "Привет", "random_id", "5");
        refused(113, teacher, "messages.send", "peer_id", "999999999", "message", "Кто здесь?");
        refused(100, teacher, "messages.send", "peer_id", id(teacher), "message", "Себе");
    }

    @Test
    @DisplayName("F-CHAT-12 only_admins_write makes an announcement chat: members get 1012 and can_write says so")
    void announcementChat() {
        JsonNode created = wire.ok(teacher, "messages.createChat", "title", "Объявления школы",
                "user_ids", id(student1) + "," + id(student2), "permissions", "{\"only_admins_write\":true}");
        long peer = ChatId.GROUP_CHAT_OFFSET + created.get("chat_id").asLong();
        long announcement = send(teacher, peer, "Завтра сокращённые уроки");

        refused(1012, student1, "messages.send", "peer_id", Long.toString(peer), "message", "А во сколько?");
        assertEquals(List.of(announcement), ids(wire.ok(student2, "messages.getHistory", "peer_id",
                Long.toString(peer)).get("items")));

        JsonNode body = wire.call(student1, "messages.getConversations");
        schema.check("messages/responses.json", "messages_getConversations_response", body);
        JsonNode conversation = body.get("response").get("items").get(0).get("conversation");
        assertFalse(conversation.get("can_write").get("allowed").asBoolean());
        assertEquals(1012, conversation.get("can_write").get("reason").asInt());
        assertTrue(conversation.get("chat_settings").get("permissions").get("only_admins_write").asBoolean());
        JsonNode owners = wire.ok(teacher, "messages.getConversations").get("items").get(0).get("conversation");
        assertFalse(owners.has("can_write"), "the owner may write: can_write is left out");

        refused(100, teacher, "messages.createChat", "title", "Кружок", "permissions",
                "{\"only_admins_write\":\"yes\"}");
    }

    @Test
    @DisplayName("F-MSG-09 messages.send with forward is_reply answers a group chat message in the author's one-to-one chat")
    void privateReplyByForward() {
        long peer = classChat();
        long question = send(teacher, peer, "Кто не сдал тетради?");
        String forward = "{\"peer_id\":" + peer + ",\"conversation_message_ids\":[1],\"is_reply\":true}";
        long reply = wire.ok(student1, "messages.send", "peer_id", id(teacher), "message", "Я забыл дома",
                "random_id", "77", "forward", forward).asLong();

        JsonNode history = wire.call(teacher, "messages.getHistory", "peer_id", id(student1));
        schema.check("messages/responses.json", "messages_getHistory_response", history);
        JsonNode message = history.get("response").get("items").get(0);
        assertEquals(reply, message.get("id").asLong());
        JsonNode original = message.get("reply_message");
        assertEquals(question, original.get("id").asLong());
        assertEquals(peer, original.get("peer_id").asLong());
        assertEquals(teacher.id().value(), original.get("from_id").asLong());
        assertEquals(reply, wire.ok(student1, "messages.send", "peer_id", id(teacher), "message", "Я забыл дома",
                "random_id", "77", "forward", forward).asLong(), "idempotent by random_id");

        refused(917, outsider, "messages.send", "peer_id", id(teacher), "message", "Я тоже", "forward", forward);
        refused(100, student1, "messages.send", "peer_id", id(teacher), "message", "Ответ", "forward", "{not json");
        refused(104, student1, "messages.send", "peer_id", id(teacher), "message", "Ответ", "forward",
                "{\"peer_id\":" + peer + ",\"conversation_message_ids\":[9],\"is_reply\":true}");
        refused(100, student1, "messages.send", "peer_id", id(teacher), "message", "Ответ", "forward", forward,
                "reply_to", Long.toString(question));
        refused(104, student1, "messages.send", "peer_id", id(student2), "message", "Видел?", "forward", forward);
    }

    @Test
    @DisplayName("F-ACC-01 friends.get lists the user's contacts: ids, or users with fields, by name, paged")
    void contacts() {
        classChat();
        JsonNode plain = wire.call(teacher, "friends.get");
        schema.check("friends/responses.json", "friends_get_response", plain);
        assertEquals(3, plain.get("response").get("count").asInt());

        JsonNode body = wire.call(teacher, "friends.get", "fields", "first_name,last_name", "order", "name");
        schema.check("friends/responses.json", "friends_get_fields_response", body);
        JsonNode items = body.get("response").get("items");
        assertEquals(List.of(student2.id().value(), student1.id().value(), student3.id().value()), ids(items));
        assertEquals("Козлова", items.get(0).get("last_name").asText());
        assertEquals("Мария", items.get(0).get("first_name").asText());

        JsonNode page = wire.ok(teacher, "friends.get", "offset", "1", "count", "1", "fields", "first_name");
        assertEquals(3, page.get("count").asInt());
        assertEquals(List.of(student1.id().value()), ids(page.get("items")));
        assertEquals(0, wire.ok(outsider, "friends.get").get("count").asInt());

        refused(15, teacher, "friends.get", "user_id", id(student1));
        refused(100, teacher, "friends.get", "count", "5001");
        refused(100, teacher, "friends.get", "order", "alphabet");
    }

    @Test
    @DisplayName("F-ACC-02 account.getPushSettings and setPushSettings carry group (chat) and private (msg) chats and sound")
    void pushSettings() {
        JsonNode body = wire.call(teacher, "account.getPushSettings");
        schema.check("account/responses.json", "account_getPushSettings_response", body);
        JsonNode settings = body.get("response").get("settings");
        assertEquals("[\"on\"]", settings.get("msg").toString());
        assertEquals("[\"on\"]", settings.get("chat").toString());

        assertEquals(1, wire.ok(teacher, "account.setPushSettings", "device_id", "web",
                "settings", "{\"chat\":[\"off\",\"no_sound\"],\"msg\":\"on,no_sound\",\"like\":[\"off\"]}").asInt());
        assertEquals(new NotificationSettings(false, true, false),
                emulator.engine().users().notificationSettings(teacher.id()));
        JsonNode after = wire.call(teacher, "account.getPushSettings");
        schema.check("account/responses.json", "account_getPushSettings_response", after);
        assertEquals("[\"off\",\"no_sound\"]", after.get("response").get("settings").get("chat").toString());

        wire.ok(teacher, "account.setPushSettings", "device_id", "web", "key", "chat", "value", "on");
        assertEquals(new NotificationSettings(true, true, true), emulator.engine().users().notificationSettings(teacher.id()));
        assertEquals(new NotificationSettings(true, true, true), emulator.engine().users().notificationSettings(student1.id()));

        refused(100, teacher, "account.setPushSettings", "settings", "{\"msg\":[\"off\"]}");
        refused(100, teacher, "account.setPushSettings", "device_id", "web", "settings", "{\"msg\":[\"loud\"]}");
        refused(100, teacher, "account.setPushSettings", "device_id", "web", "settings", "{\"msg\":[\"on\",\"off\"]}");
        refused(100, teacher, "account.setPushSettings", "device_id", "web", "value", "on");
        refused(100, teacher, "account.setPushSettings", "device_id", "web");
        assertEquals(new NotificationSettings(true, true, true), emulator.engine().users().notificationSettings(teacher.id()));
    }
}
