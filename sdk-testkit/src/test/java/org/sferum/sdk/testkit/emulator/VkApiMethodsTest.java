package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.testkit.SeededUser;

/** Every method of the slice, answered over the wire in the shape of docs/wire/vk-api.md and the VK schema. */
class VkApiMethodsTest extends EmulatorTestBase {
    private static final String[] MESSAGE_FIELDS = {"id", "date", "peer_id", "from_id", "out", "text",
        "conversation_message_id", "version", "attachments", "fwd_messages", "important", "is_hidden"};

    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    @Test
    @DisplayName("F-CHAT-02 messages.createChat answers chat_id and the peer ids it added, and the chat exists")
    void createChat() {
        JsonNode body = wire.call(teacher, "messages.createChat", "title", "  5в Математика  ",
                "user_ids", student2.id().value() + "," + student1.id().value());
        schema.check("messages/responses.json", "messages_createChat_withPeerIds_response", body);
        JsonNode response = body.get("response");
        assertFields(response, "chat_id", "peer_ids");
        assertEquals(1, response.get("chat_id").asInt());
        assertEquals(List.of(student1.id().value(), student2.id().value()),
                List.of(response.get("peer_ids").get(0).asLong(), response.get("peer_ids").get(1).asLong()));
        var chat = emulator.engine().chats().chat(teacher.id(), ChatId.group(1));
        assertEquals("5в Математика", chat.title());
        assertEquals(3, chat.members().size());
        assertEquals(teacher.id(), chat.owner());
    }

    @Test
    @DisplayName("F-CHAT-02 messages.createChat accepts no members: the creator alone")
    void createChatAlone() {
        JsonNode response = wire.ok(teacher, "messages.createChat", "title", "Черновик", "user_ids", "");
        assertEquals(0, response.get("peer_ids").size());
        assertEquals(1, emulator.engine().chats().chat(teacher.id(), ChatId.group(response.get("chat_id").asLong()))
                .members().size());
    }

    @Test
    @DisplayName("F-CHAT-03 messages.createChat reads permissions; missing keys mean owner; the list shows them")
    void createChatWithPermissions() {
        JsonNode response = wire.ok(teacher, "messages.createChat", "title", "Кружок",
                "user_ids", Long.toString(student1.id().value()),
                "permissions", "{\"invite\":\"all\",\"change_info\":\"owner_and_admins\"}");
        ChatId id = ChatId.group(response.get("chat_id").asLong());
        var settings = emulator.engine().chats().chat(teacher.id(), id).settings();
        assertEquals(PermissionLevel.ALL, settings.level(ChatAction.INVITE));
        assertEquals(PermissionLevel.OWNER_AND_ADMINS, settings.level(ChatAction.CHANGE_INFO));
        assertEquals(PermissionLevel.OWNER, settings.level(ChatAction.CALL));

        JsonNode chatSettings = wire.ok(student1, "messages.getConversations").get("items").get(0)
                .get("conversation").get("chat_settings");
        JsonNode permissions = chatSettings.get("permissions");
        assertFields(permissions, "invite", "change_info", "change_pin", "use_mass_mentions", "see_invite_link",
                "call", "change_admins");
        assertEquals("all", permissions.get("invite").asText());
        assertEquals("owner_and_admins", permissions.get("change_info").asText());
        assertEquals("owner", permissions.get("change_admins").asText());
        assertTrue(chatSettings.get("acl").get("can_invite").asBoolean(), "a student may invite when all may");
        assertFalse(chatSettings.get("acl").get("can_change_info").asBoolean());
    }

    @Test
    @DisplayName("F-MSG-01 messages.send with peer_ids answers VK's user-ids form: peer, message id and cmid per peer,"
            + " a refusal as the item's error; a repeated random id answers the first message's ids")
    void sendPeerIds() {
        long peer = classChat();
        JsonNode body = wire.call(teacher, "messages.send", "peer_ids", Long.toString(peer),
                "message", "Домашнее задание", "random_id", "777");
        schema.check("messages/responses.json", "messages_send_user_ids_response", body);
        JsonNode item = body.get("response").get(0);
        assertEquals(1, body.get("response").size());
        assertEquals(peer, item.get("peer_id").asLong());
        assertEquals(1, item.get("conversation_message_id").asLong());
        assertEquals(START.getEpochSecond(), item.get("date").asLong(), "the Sferum extension date [choice]");
        long id = item.get("message_id").asLong();
        assertEquals("Домашнее задание", wire.ok(teacher, "messages.getById", "message_ids", Long.toString(id))
                .get("items").get(0).get("text").asText());

        JsonNode again = wire.call(teacher, "messages.send", "peer_ids", Long.toString(peer),
                "message", "Домашнее задание", "random_id", "777");
        assertEquals(item, again.get("response").get(0), "the repeat stores nothing and answers the same ids");

        JsonNode refused = wire.call(outsider, "messages.send", "peer_ids", Long.toString(peer),
                "message", "Привет", "random_id", "778");
        schema.check("messages/responses.json", "messages_send_user_ids_response", refused);
        assertEquals(917, refused.get("response").get(0).get("error").get("code").asInt());
        assertEquals(0, refused.get("response").get(0).get("message_id").asLong());
        assertEquals(1, wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer)).get("count").asInt());
    }

    @Test
    @DisplayName("F-MSG-01 messages.send answers the new message's id as an integer; the author sees it as out")
    void send() {
        long peer = classChat();
        JsonNode body = wire.call(teacher, "messages.send", "peer_id", Long.toString(peer),
                "message", "Домашнее задание", "random_id", "123456");
        schema.check("messages/responses.json", "messages_send_deprecated_response", body);
        long id = body.get("response").asLong();

        JsonNode own = wire.ok(teacher, "messages.getById", "message_ids", Long.toString(id)).get("items").get(0);
        List<String> ownFields = new java.util.ArrayList<>(List.of(MESSAGE_FIELDS));
        ownFields.add("random_id");
        assertFields(own, ownFields.toArray(new String[0]));
        assertEquals(id, own.get("id").asLong());
        assertEquals(START.getEpochSecond(), own.get("date").asLong());
        assertEquals(peer, own.get("peer_id").asLong());
        assertEquals(teacher.id().value(), own.get("from_id").asLong());
        assertEquals(1, own.get("out").asInt());
        assertEquals("Домашнее задание", own.get("text").asText());
        assertEquals(1, own.get("conversation_message_id").asInt());
        assertEquals(123456, own.get("random_id").asInt());
        assertEquals(id, own.get("version").asLong());
        assertTrue(own.get("attachments").isArray() && own.get("attachments").isEmpty());
        assertTrue(own.get("fwd_messages").isArray() && own.get("fwd_messages").isEmpty());
        assertFalse(own.get("important").asBoolean());
        assertFalse(own.get("is_hidden").asBoolean());
    }

    @Test
    @DisplayName("F-MSG-01 another member sees the message with out 0 and without random_id")
    void readerSeesIncoming() {
        long peer = classChat();
        long id = send(teacher, peer, "Контрольная в пятницу", "random_id", "77");
        JsonNode body = wire.call(student2, "messages.getById", "message_ids", Long.toString(id));
        schema.check("messages/responses.json", "messages_getById_response", body);
        JsonNode incoming = body.get("response").get("items").get(0);
        assertFields(incoming, MESSAGE_FIELDS);
        assertEquals(0, incoming.get("out").asInt());
        assertEquals("Контрольная в пятницу", incoming.get("text").asText());
    }

    @Test
    @DisplayName("F-MSG-02 a reply carries reply_message with the message answered; other messages have none")
    void reply() {
        long peer = classChat();
        clock.advance(Duration.ofMinutes(5));
        long question = send(student1, peer, "А что задано?");
        clock.advance(Duration.ofMinutes(1));
        long answer = send(teacher, peer, "Упражнение 5", "reply_to", Long.toString(question));
        JsonNode body = wire.call(student1, "messages.getById", "message_ids", question + "," + answer);
        schema.check("messages/responses.json", "messages_getById_response", body);
        JsonNode items = body.get("response").get("items");
        assertEquals(List.of(question, answer), ids(items));
        assertFalse(items.get(0).has("reply_message"));
        JsonNode replied = items.get(1).get("reply_message");
        assertFields(replied, "id", "conversation_message_id", "date", "from_id", "peer_id", "text");
        assertEquals(question, replied.get("id").asLong());
        assertEquals(1, replied.get("conversation_message_id").asInt());
        assertEquals(START.plusSeconds(300).getEpochSecond(), replied.get("date").asLong());
        assertEquals(student1.id().value(), replied.get("from_id").asLong());
        assertEquals(peer, replied.get("peer_id").asLong());
        assertEquals("А что задано?", replied.get("text").asText());
    }

    @Test
    @DisplayName("F-MSG-01 messages.getById answers count and items in the order asked, leaving out what the caller cannot see")
    void getByIdLeavesOutInvisible() {
        long peer = classChat();
        long parentsChat = createChat(teacher, "Родители 5в", parent);
        long a = send(teacher, peer, "Для класса");
        long b = send(teacher, parentsChat, "Для родителей");
        JsonNode response = wire.ok(student1, "messages.getById", "message_ids", b + "," + a + ",999," + a);
        assertEquals(1, response.get("count").asInt());
        assertEquals(List.of(a), ids(response.get("items")));
        JsonNode both = wire.ok(teacher, "messages.getById", "message_ids", b + "," + a);
        assertEquals(List.of(b, a), ids(both.get("items")));
        assertEquals(0, wire.ok(outsider, "messages.getById", "message_ids", a + "," + b).get("count").asInt());
    }

    @Test
    @DisplayName("F-MSG-11 messages.getHistory answers the chat's count and its newest messages first by default")
    void getHistory() {
        long peer = classChat();
        long first = send(teacher, peer, "Первое");
        long second = send(student1, peer, "Второе");
        long third = send(student2, peer, "Третье");
        JsonNode body = wire.call(student3, "messages.getHistory", "peer_id", Long.toString(peer));
        schema.check("messages/responses.json", "messages_getHistory_response", body);
        JsonNode response = body.get("response");
        assertFields(response, "count", "items");
        assertEquals(3, response.get("count").asInt());
        assertEquals(List.of(third, second, first), ids(response.get("items")));
        for (JsonNode item : response.get("items")) {
            assertFields(item, MESSAGE_FIELDS);
        }
        JsonNode oldestFirst = wire.ok(student3, "messages.getHistory", "peer_id", Long.toString(peer),
                "rev", "1", "count", "2");
        assertEquals(3, oldestFirst.get("count").asInt());
        assertEquals(List.of(first, second), ids(oldestFirst.get("items")));
        JsonNode empty = wire.ok(student3, "messages.getHistory", "peer_id", Long.toString(peer), "count", "0");
        assertEquals(0, empty.get("items").size());
    }

    @Test
    @DisplayName("F-SECT-01 messages.getConversations lists chats by latest activity, with conversation and last_message")
    void getConversations() {
        long math = classChat();
        clock.advance(Duration.ofMinutes(1));
        long history = createChat(teacher, "5в История", student1);
        clock.advance(Duration.ofMinutes(1));
        long last = send(teacher, math, "Урок перенесён");

        JsonNode body = wire.call(student1, "messages.getConversations");
        schema.check("messages/responses.json", "messages_getConversations_response", body);
        JsonNode response = body.get("response");
        assertFields(response, "count", "unread_count", "items");
        assertEquals(2, response.get("count").asInt());
        assertEquals(1, response.get("unread_count").asInt());
        JsonNode first = response.get("items").get(0);
        assertFields(first, "conversation", "last_message");
        JsonNode conversation = first.get("conversation");
        assertFields(conversation, "peer", "last_message_id", "last_conversation_message_id", "in_read", "out_read",
                "unread_count", "is_marked_unread", "sort_id", "chat_settings", "version");
        assertEquals(math, conversation.get("peer").get("id").asLong());
        assertEquals("chat", conversation.get("peer").get("type").asText());
        assertEquals(math - ChatId.GROUP_CHAT_OFFSET, conversation.get("peer").get("local_id").asLong());
        assertEquals(last, conversation.get("last_message_id").asLong());
        assertEquals(1, conversation.get("last_conversation_message_id").asInt());
        assertEquals(0, conversation.get("in_read").asLong());
        assertEquals(last, conversation.get("out_read").asLong(), "the teacher has read their own message");
        assertEquals(1, conversation.get("unread_count").asInt());
        assertFalse(conversation.get("is_marked_unread").asBoolean());
        assertEquals(0, conversation.get("sort_id").get("major_id").asInt());
        JsonNode settings = conversation.get("chat_settings");
        assertFields(settings, "owner_id", "title", "members_count", "admin_ids", "state", "acl", "permissions");
        assertEquals(teacher.id().value(), settings.get("owner_id").asLong());
        assertEquals("5в Математика", settings.get("title").asText());
        assertEquals(4, settings.get("members_count").asInt());
        assertEquals("in", settings.get("state").asText());
        assertTrue(settings.get("admin_ids").isArray());
        assertEquals(last, first.get("last_message").get("id").asLong());
        assertEquals(0, first.get("last_message").get("out").asInt());

        JsonNode second = response.get("items").get(1);
        assertFields(second, "conversation");
        assertEquals(history, second.get("conversation").get("peer").get("id").asLong());
        assertEquals(0, second.get("conversation").get("last_message_id").asLong());
        assertFalse(second.get("conversation").has("unread_count"), "unread_count is omitted when 0");

        JsonNode page = wire.ok(student1, "messages.getConversations", "offset", "1", "count", "1");
        assertEquals(2, page.get("count").asInt());
        assertEquals(List.of(history), peers(page.get("items")));
        JsonNode unread = wire.ok(student1, "messages.getConversations", "filter", "unread");
        assertEquals(List.of(math), peers(unread.get("items")));
        assertEquals(0, wire.ok(student1, "messages.getConversations", "filter", "archive").get("count").asInt());
        assertEquals(0, wire.ok(outsider, "messages.getConversations").get("count").asInt());
    }

    @Test
    @DisplayName("F-MSG-11 messages.markAsRead answers 1, moves in_read and clears the unread count; out_read follows")
    void markAsRead() {
        long peer = classChat();
        long a = send(teacher, peer, "Раз");
        long b = send(teacher, peer, "Два");
        long c = send(teacher, peer, "Три");
        assertEquals(3, conversation(student1).get("unread_count").asInt());

        JsonNode body = wire.call(student1, "messages.markAsRead", "peer_id", Long.toString(peer),
                "start_message_id", Long.toString(b));
        schema.check("base/responses.json", "base_ok_response", body);
        assertEquals(1, body.get("response").asInt());
        JsonNode partly = conversation(student1);
        assertEquals(1, partly.get("unread_count").asInt());
        assertEquals(b, partly.get("in_read").asLong());
        assertEquals(1, emulator.engine().messages().unreadCount(student1.id(), ChatId.of(peer)));
        assertEquals(b, conversation(teacher).get("out_read").asLong());

        assertEquals(1, wire.ok(student1, "messages.markAsRead", "peer_id", Long.toString(peer)).asInt());
        JsonNode all = conversation(student1);
        assertFalse(all.has("unread_count"));
        assertEquals(c, all.get("in_read").asLong());
        assertEquals(c, conversation(teacher).get("out_read").asLong());
        assertEquals(a, wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer), "rev", "1", "count",
                "1").get("items").get(0).get("id").asLong());
    }

    @Test
    @DisplayName("F-LINK-08 users.get answers id and the educational profile's names (with VK's can_access_closed and is_closed), for the caller or the ids given")
    void usersGet() {
        JsonNode body = wire.call(student1, "users.get");
        schema.check("users/responses.json", "users_get_response", body);
        JsonNode me = body.get("response");
        assertEquals(1, me.size());
        assertFields(me.get(0), "id", "first_name", "last_name", "can_access_closed", "is_closed");
        assertEquals(student1.id().value(), me.get(0).get("id").asLong());
        assertEquals("Иван", me.get(0).get("first_name").asText());
        assertEquals("Петров", me.get(0).get("last_name").asText());

        JsonNode others = wire.ok(student1, "users.get", "user_ids", teacher.id().value() + "," + parent.id().value());
        assertEquals(List.of(teacher.id().value(), parent.id().value()), ids(others));
        assertEquals("Анна", others.get(0).get("first_name").asText());
        assertEquals("Смирнова", others.get(0).get("last_name").asText());
    }

    @Test
    @DisplayName("F-MSG-01 GET with query parameters is answered as POST; form parameters win over the query")
    void getAndMergedParameters() {
        long peer = classChat();
        long id = send(teacher, peer, "Привет");
        String query = Wire.form("v", Wire.VERSION, "access_token", student1.token().secret(),
                "message_ids", Long.toString(id));
        JsonNode viaGet = Wire.json(wire.send(wire.get("/method/messages.getById", query).build()));
        assertEquals(List.of(id), ids(viaGet.get("response").get("items")));

        String misleadingQuery = Wire.form("peer_id", "abc", "v", "4.0");
        String form = Wire.form("v", Wire.VERSION, "peer_id", Long.toString(peer));
        var request = wire.post("messages.getHistory", form)
                .uri(emulator.baseUri().resolve("/method/messages.getHistory?" + misleadingQuery))
                .header("Authorization", "Bearer " + student1.token().secret()).build();
        JsonNode merged = Wire.json(wire.send(request));
        assertEquals(List.of(id), ids(merged.get("response").get("items")), merged::toString);
    }

    @Test
    @DisplayName("F-MSG-01 the token is read from access_token or from Authorization: Bearer; X-Request-Id is echoed")
    void tokenSourcesAndRequestId() {
        String byParam = Wire.form("v", Wire.VERSION, "access_token", teacher.token().secret());
        HttpResponse<String> response = wire.send(wire.post("users.get", byParam)
                .header("X-Request-Id", "4f0c9a3e-1d2b-4c5d-8e9f-a0b1c2d3e4f5").build());
        assertEquals(teacher.id().value(), Wire.json(response).get("response").get(0).get("id").asLong());
        assertEquals("4f0c9a3e-1d2b-4c5d-8e9f-a0b1c2d3e4f5", response.headers().firstValue("X-Request-Id").orElse(null));

        HttpResponse<String> viaHeader = wire.send(wire.post("users.get", Wire.form("v", Wire.VERSION))
                .header("Authorization", "Bearer " + parent.token().secret()).build());
        assertEquals(parent.id().value(), Wire.json(viaHeader).get("response").get(0).get("id").asLong());
        assertTrue(viaHeader.headers().firstValue("X-Request-Id").isEmpty());
    }

    private JsonNode conversation(SeededUser user) {
        return wire.ok(user, "messages.getConversations").get("items").get(0).get("conversation");
    }

    private static List<Long> peers(JsonNode items) {
        List<Long> peers = new java.util.ArrayList<>();
        items.forEach(item -> peers.add(item.get("conversation").get("peer").get("id").asLong()));
        return peers;
    }
}
