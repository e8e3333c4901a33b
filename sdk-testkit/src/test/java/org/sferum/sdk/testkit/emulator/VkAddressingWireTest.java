package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.Presence;

/**
 * Issue 9, item 6: VK's other ways of addressing and VK's answer shapes, over the wire. Every answer is checked
 * against VK's schema by {@link Wire}; the tests below also name the definition each answer must agree with.
 */
class VkAddressingWireTest extends EmulatorTestBase {
    private VkSchema schema;
    private long peer;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
        peer = classChat();
    }

    private static String p(long value) {
        return Long.toString(value);
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-01 messages.send with user_id opens the one-to-one chat; getHistory with user_id "
            + "reads it; send with chat_id names a group chat")
    void sendAndReadByUserId() {
        long id = wire.ok(teacher, "messages.send", "user_id", p(student1.id().value()), "message", "Привет",
                "random_id", "1").asLong();
        JsonNode history = wire.call(student1, "messages.getHistory", "user_id", p(teacher.id().value()));
        schema.check("messages/responses.json", "messages_getHistory_response", history);
        JsonNode item = history.get("response").get("items").get(0);
        assertEquals(id, item.get("id").asLong());
        assertEquals(teacher.id().value(), item.get("peer_id").asLong(), "the reader sees the chat as the teacher");

        long local = peer - ChatId.GROUP_CHAT_OFFSET;
        long inGroup = wire.ok(teacher, "messages.send", "chat_id", p(local), "message", "Всем", "random_id", "2")
                .asLong();
        assertEquals(peer, wire.ok(student2, "messages.getById", "message_ids", p(inGroup)).get("items").get(0)
                .get("peer_id").asLong());
        refusedUnchanged(100, teacher, "messages.send", "message", "никому");
        refusedUnchanged(917, outsider, "messages.getHistory", "chat_id", p(local));
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-01 messages.send with peer_ids answers VK's array "
            + "[{peer_id, message_id, conversation_message_id, error?}], a refused peer as its item's error")
    void sendToManyPeers() {
        long other = createChat(teacher, "Родители 5в", parent);
        long closed = createChat(outsider, "Чужой чат");
        JsonNode body = wire.call(teacher, "messages.send", "peer_ids", peer + "," + other + "," + closed,
                "message", "Собрание в пятницу", "random_id", "3");
        schema.check("messages/responses.json", "messages_send_user_ids_response", body);
        JsonNode items = body.get("response");
        assertEquals(3, items.size());
        assertEquals(peer, items.get(0).get("peer_id").asLong());
        assertTrue(items.get(0).get("message_id").asLong() > 0);
        assertEquals(1, items.get(0).get("conversation_message_id").asLong());
        assertFalse(items.get(0).has("error"));
        assertEquals(other, items.get(1).get("peer_id").asLong());
        assertEquals(917, items.get(2).get("error").get("code").asInt(), "not a member of the third chat");
        assertEquals(1, wire.ok(parent, "messages.getHistory", "peer_id", p(other)).get("count").asInt());
        assertEquals(0, wire.ok(outsider, "messages.getHistory", "peer_id", p(closed)).get("count").asInt());
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-06 F-MSG-08 messages.getById, messages.delete and messages.pin with peer_id and "
            + "cmids / cmid; a wrong cmid, another chat and another user's message are refused as VK")
    void conversationMessageIds() {
        long first = send(teacher, peer, "Первое");
        long second = send(student1, peer, "Второе");
        long firstCmid = cmidOf(teacher, first);
        long secondCmid = cmidOf(teacher, second);

        JsonNode byCmids = wire.call(student2, "messages.getById", "peer_id", p(peer), "cmids",
                secondCmid + "," + firstCmid + ",999");
        schema.check("messages/responses.json", "messages_getById_response", byCmids);
        assertEquals(List.of(second, first), ids(byCmids.get("response").get("items")), "999 is left out");
        refusedUnchanged(917, outsider, "messages.getById", "peer_id", p(peer), "cmids", p(firstCmid));

        JsonNode pinned = wire.call(teacher, "messages.pin", "peer_id", p(peer), "cmid", p(secondCmid));
        schema.check("messages/responses.json", "messages_pin_response", pinned);
        assertEquals(second, pinned.get("response").get("id").asLong());
        refusedUnchanged(104, teacher, "messages.pin", "peer_id", p(peer), "cmid", "999");

        refusedUnchanged(104, student1, "messages.delete", "peer_id", p(peer), "cmids", secondCmid + ",999");
        refusedUnchanged(924, student1, "messages.delete", "peer_id", p(peer), "cmids", p(firstCmid), "delete_for_all", "1");
        refusedUnchanged(100, student1, "messages.delete", "cmids", p(secondCmid));
        JsonNode deleted = wire.call(student1, "messages.delete", "peer_id", p(peer), "cmids", p(secondCmid),
                "delete_for_all", "1");
        schema.check("messages/responses.json", "messages_delete_full_response", deleted);
        assertEquals(second, deleted.get("response").get(0).get("message_id").asLong());
        assertEquals(secondCmid, deleted.get("response").get(0).get("conversation_message_id").asLong());
        assertEquals(0, wire.ok(teacher, "messages.getById", "peer_id", p(peer), "cmids", p(secondCmid))
                .get("count").asInt());
    }

    @Test
    @DisplayName("F-EMB-04 F-CHAT-04 messages.getChat with chat_ids answers an array; with fields the users are "
            + "user objects (messages_chat_full), not ids")
    void getChatShapes() {
        long local = peer - ChatId.GROUP_CHAT_OFFSET;
        long other = createChat(teacher, "Родители 5в", parent) - ChatId.GROUP_CHAT_OFFSET;
        JsonNode plain = wire.call(teacher, "messages.getChat", "chat_id", p(local));
        schema.check("messages/responses.json", "messages_getChat_response", plain);
        assertTrue(plain.get("response").get("users").get(0).isIntegralNumber());

        JsonNode full = wire.call(teacher, "messages.getChat", "chat_id", p(local), "fields",
                "photo_100,online,screen_name");
        schema.check("messages/responses.json", "messages_getChat_fields_response", full);
        JsonNode user = full.get("response").get("users").get(0);
        assertEquals(teacher.id().value(), user.get("id").asLong());
        assertEquals("profile", user.get("type").asText());
        assertEquals(teacher.id().value(), user.get("invited_by").asLong());
        assertEquals("id" + teacher.id().value(), user.get("screen_name").asText());
        assertEquals(4, full.get("response").get("users").size());

        JsonNode many = wire.call(teacher, "messages.getChat", "chat_ids", local + "," + other);
        schema.check("messages/responses.json", "messages_getChat_chat_ids_response", many);
        assertEquals(List.of(local, other), List.of(many.get("response").get(0).get("id").asLong(),
                many.get("response").get(1).get("id").asLong()));
        JsonNode manyFull = wire.call(teacher, "messages.getChat", "chat_ids", p(other), "fields", "sex");
        schema.check("messages/responses.json", "messages_getChat_chat_ids_fields_response", manyFull);
        assertEquals(0, manyFull.get("response").get(0).get("users").get(1).get("sex").asInt());
        refusedUnchanged(917, parent, "messages.getChat", "chat_ids", local + "," + other);
    }

    @Test
    @DisplayName("F-EMB-04 F-CHAT-09 messages.search with q alone searches every chat of the caller, newest first, "
            + "and only those; an empty q is refused with 100")
    void searchAllChats() {
        long parents = createChat(teacher, "Родители 5в", parent);
        long mine = createChat(outsider, "Чужой чат");
        long a = send(teacher, peer, "Контрольная в среду");
        long b = send(teacher, parents, "Про контрольную: собрание");
        send(outsider, mine, "контрольная у нас тоже");
        send(teacher, ChatId.direct(student1.id()).peerId(), "КОНТРОЛЬНАЯ перенесена");
        long c = wire.ok(teacher, "messages.getHistory", "user_id", p(student1.id().value())).get("items").get(0)
                .get("id").asLong();

        JsonNode found = wire.call(teacher, "messages.search", "q", "контрольн", "extended", "1");
        schema.check("messages/responses.json", "messages_search_extended_response", found);
        assertEquals(3, found.get("response").get("count").asInt());
        assertEquals(List.of(c, b, a), ids(found.get("response").get("items")));
        assertEquals(student1.id().value(), found.get("response").get("items").get(0).get("peer_id").asLong());
        assertTrue(found.get("response").get("profiles").size() >= 1);

        JsonNode page = wire.ok(teacher, "messages.search", "q", "контрольн", "offset", "1", "count", "1");
        assertEquals(List.of(b), ids(page.get("items")));
        assertEquals(3, page.get("count").asInt());
        assertEquals(1, wire.ok(outsider, "messages.search", "q", "контрольн").get("count").asInt(),
                "the outsider finds only the message of their own chat");
        refusedUnchanged(100, teacher, "messages.search", "q", " ");
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-11 F-SECT-01 extended=1 answers carry profiles: the authors (and one-to-one "
            + "chats' users), with the fields asked for")
    void extendedProfiles() {
        send(teacher, peer, "Раз");
        send(student1, peer, "Два");
        JsonNode history = wire.call(student2, "messages.getHistory", "peer_id", p(peer), "extended", "1",
                "fields", "photo_100,sex");
        schema.check("messages/responses.json", "messages_getHistory_extended_response", history);
        List<Long> profileIds = new ArrayList<>();
        history.get("response").get("profiles").forEach(u -> profileIds.add(u.get("id").asLong()));
        assertEquals(List.of(student1.id().value(), teacher.id().value()), profileIds);
        JsonNode profile = history.get("response").get("profiles").get(0);
        assertEquals("https://vk.com/images/camera_100.png", profile.get("photo_100").asText());
        assertFalse(profile.has("online"), "only the fields asked for");
        assertFalse(wire.ok(student2, "messages.getHistory", "peer_id", p(peer)).has("profiles"));

        send(teacher, student2.id().value(), "Лично");
        JsonNode list = wire.call(student2, "messages.getConversations", "extended", "1");
        schema.check("messages/responses.json", "messages_getConversations_response", list);
        List<Long> listed = new ArrayList<>();
        list.get("response").get("profiles").forEach(u -> listed.add(u.get("id").asLong()));
        assertEquals(List.of(teacher.id().value(), student1.id().value()), listed,
                "the one-to-one chat's other user, then the last message's author");
        JsonNode byId = wire.call(student2, "messages.getConversationsById", "peer_ids", p(peer), "extended", "1");
        schema.check("messages/responses.json", "messages_getConversationsById_extended_response", byId);
        assertEquals(student1.id().value(), byId.get("response").get("profiles").get(0).get("id").asLong());
        assertFalse(wire.ok(student2, "messages.getConversations").has("profiles"));
    }

    @Test
    @DisplayName("F-EMB-04 users.get honours fields: online (active within the presence window), photo_100, "
            + "screen_name, sex; user_ids takes screen names id<N>")
    void usersGetFields() {
        wire.ok(student1, "users.get");
        JsonNode body = wire.call(teacher, "users.get", "user_ids", student1.id().value() + ",id"
                + student2.id().value(), "fields", "online,photo_100,screen_name,sex,bdate");
        schema.check("users/responses.json", "users_get_response", body);
        JsonNode first = body.get("response").get(0);
        assertEquals(1, first.get("online").asInt(), "student1 called the API just now");
        assertEquals("id" + student1.id().value(), first.get("screen_name").asText());
        assertEquals("https://vk.com/images/camera_100.png", first.get("photo_100").asText());
        assertEquals(0, first.get("sex").asInt());
        assertFalse(first.has("bdate"), "a field the platform does not know is left out");
        JsonNode second = body.get("response").get(1);
        assertEquals(student2.id().value(), second.get("id").asLong());
        assertEquals(0, second.get("online").asInt(), "student2 never called");

        clock.advance(Presence.ONLINE_WINDOW);
        assertEquals(0, wire.ok(teacher, "users.get", "user_ids", p(student1.id().value()), "fields", "online")
                .get(0).get("online").asInt(), "offline once the window has passed");
        JsonNode self = wire.ok(teacher, "users.get", "fields", "online").get(0);
        assertEquals(1, self.get("online").asInt());
        assertFalse(wire.ok(teacher, "users.get").get(0).has("online"));
        refusedUnchanged(100, teacher, "users.get", "user_ids", "nick");
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-04 polls.getVoters with fields answers user objects (polls_getVoters_fields_response)")
    void pollVotersWithFields() {
        JsonNode poll = wire.ok(teacher, "polls.create", "question", "Когда?", "add_answers",
                "[\"Вторник\",\"Четверг\"]");
        String owner = poll.get("owner_id").asText();
        String id = poll.get("id").asText();
        wire.ok(teacher, "messages.send", "peer_id", p(peer), "attachment", "poll" + owner + "_" + id);
        wire.ok(student1, "polls.addVote", "owner_id", owner, "poll_id", id, "answer_ids", "2");
        JsonNode voters = wire.call(teacher, "polls.getVoters", "owner_id", owner, "poll_id", id, "answer_ids", "2",
                "fields", "screen_name");
        schema.check("polls/responses.json", "polls_getVoters_fields_response", voters);
        JsonNode user = voters.get("response").get(0).get("users").get("items").get(0);
        assertEquals(student1.id().value(), user.get("id").asLong());
        assertEquals("id" + student1.id().value(), user.get("screen_name").asText());
        assertTrue(wire.ok(teacher, "polls.getVoters", "owner_id", owner, "poll_id", id, "answer_ids", "2")
                .get(0).get("users").get("items").get(0).isIntegralNumber(), "ids without fields");
    }

    @Test
    @DisplayName("F-EMB-04 F-CALL-01 calls.start without title starts a call by link titled «Звонок»")
    void callStartWithoutTitle() {
        JsonNode call = wire.ok(teacher, "calls.start");
        assertEquals("Звонок", call.get("title").asText());
        assertTrue(call.has("join_link"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("Урок", wire.ok(teacher, "calls.start", "title", "Урок").get("title").asText());
    }
}
