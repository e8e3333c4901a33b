package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.MessageActionService;

/**
 * Issue 9, item 6: the VK methods a chat tab calls that the emulator lacked (error 3 before), over the wire, each
 * answer against VK's schema, each refusal with its VK code and nothing changed.
 */
class ChatTabMethodsWireTest extends EmulatorTestBase {
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

    private boolean sees(SeededUser reader, long messageId) {
        return wire.ok(reader, "messages.getById", "message_ids", p(messageId)).get("count").asInt() == 1;
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-11 messages.getByConversationMessageId: the messages the caller sees, in the order "
            + "asked; unknown ids left out; a non-member refused with 917")
    void getByConversationMessageId() {
        long first = send(teacher, peer, "Раз");
        long second = send(student1, peer, "Два");
        JsonNode body = wire.call(student2, "messages.getByConversationMessageId", "peer_id", p(peer),
                "conversation_message_ids", cmidOf(teacher, second) + ",77," + cmidOf(teacher, first));
        schema.check("messages/responses.json", "messages_getByConversationMessageId_response", body);
        assertEquals(List.of(second, first), ids(body.get("response").get("items")));
        assertEquals(2, body.get("response").get("count").asInt());
        JsonNode extended = wire.call(student2, "messages.getByConversationMessageId", "peer_id", p(peer),
                "conversation_message_ids", "1", "extended", "1");
        schema.check("messages/responses.json", "messages_getByConversationMessageId_extended_response", extended);
        assertEquals(teacher.id().value(), extended.get("response").get("profiles").get(0).get("id").asLong());
        refusedUnchanged(917, outsider, "messages.getByConversationMessageId", "peer_id", p(peer),
                "conversation_message_ids", "1");
        refusedUnchanged(100, student2, "messages.getByConversationMessageId", "peer_id", p(peer));
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-06 messages.restore brings back a message deleted for oneself within the restore "
            + "window, by message_id or peer_id + cmid; after the window, deleted for all or never deleted: 104")
    void restore() {
        long first = send(teacher, peer, "Раз");
        long second = send(teacher, peer, "Два");
        long third = send(student1, peer, "Три");
        wire.ok(student2, "messages.delete", "message_ids", first + "," + second);
        assertFalse(sees(student2, first));
        JsonNode body = wire.call(student2, "messages.restore", "message_id", p(first));
        schema.check("base/responses.json", "base_ok_response", body);
        assertTrue(sees(student2, first));
        assertEquals(1, wire.ok(student2, "messages.restore", "message_id", p(first)).asInt(),
                "restoring a message one sees changes nothing");
        refusedUnchanged(104, student2, "messages.restore", "peer_id", p(peer), "cmid", "99");
        assertEquals(1, wire.ok(student2, "messages.restore", "peer_id", p(peer), "cmid",
                p(cmidOf(teacher, second))).asInt());
        assertTrue(sees(student2, second));

        wire.ok(student2, "messages.delete", "message_ids", p(second));
        clock.advance(MessageActionService.RESTORE_WINDOW);
        refusedUnchanged(104, student2, "messages.restore", "message_id", p(second));
        assertFalse(sees(student2, second));

        wire.ok(student1, "messages.delete", "message_ids", p(third), "delete_for_all", "1");
        refusedUnchanged(104, student1, "messages.restore", "message_id", p(third));
        refusedUnchanged(104, outsider, "messages.restore", "message_id", p(first));
        refusedUnchanged(917, outsider, "messages.restore", "peer_id", p(peer), "message_id", p(first));
    }

    @Test
    @DisplayName("F-EMB-04 messages.sendReaction, deleteReaction and getMessagesReactions: one reaction per member, "
            + "replaced by the next; VK's ids 1-16 only; not on a message one does not see")
    void reactions() {
        long message = send(teacher, peer, "Контрольная в среду");
        long cmid = cmidOf(teacher, message);
        JsonNode sent = wire.call(student1, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid),
                "reaction_id", "5");
        schema.check("base/responses.json", "base_bool_response", sent);
        wire.ok(student2, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "5");
        wire.ok(student3, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "2");
        wire.ok(student3, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "3");

        JsonNode body = wire.call(teacher, "messages.getMessagesReactions", "peer_id", p(peer), "cmids",
                cmid + ",42");
        schema.check("messages/responses.json", "messages_getMessagesReactions_response", body);
        JsonNode items = body.get("response").get("items");
        assertEquals(1, items.size(), "42 is left out");
        assertEquals(cmid, items.get(0).get("cmid").asLong());
        JsonNode counters = items.get(0).get("counters");
        assertEquals(2, counters.size(), "student3's 2 was replaced by 3");
        assertEquals(3, counters.get(0).get("reaction_id").asInt());
        assertEquals(5, counters.get(1).get("reaction_id").asInt());
        assertEquals(2, counters.get(1).get("count").asInt());
        assertEquals(List.of(student1.id().value(), student2.id().value()),
                List.of(counters.get(1).get("user_ids").get(0).asLong(), counters.get(1).get("user_ids").get(1)
                        .asLong()));

        JsonNode deleted = wire.call(student3, "messages.deleteReaction", "peer_id", p(peer), "cmid", p(cmid));
        schema.check("base/responses.json", "base_bool_response", deleted);
        assertEquals(1, wire.ok(student3, "messages.deleteReaction", "peer_id", p(peer), "cmid", p(cmid)).asInt(),
                "taking back a reaction that is not there changes nothing");
        assertEquals(1, wire.ok(teacher, "messages.getMessagesReactions", "peer_id", p(peer), "cmids", p(cmid))
                .get("items").get(0).get("counters").size());

        refusedUnchanged(100, student1, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "0");
        refusedUnchanged(100, student1, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "17");
        refusedUnchanged(104, student1, "messages.sendReaction", "peer_id", p(peer), "cmid", "99", "reaction_id", "1");
        refusedUnchanged(917, outsider, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "1");
        wire.ok(student1, "messages.delete", "message_ids", p(message));
        refusedUnchanged(104, student1, "messages.sendReaction", "peer_id", p(peer), "cmid", p(cmid), "reaction_id", "1");
        assertEquals(0, wire.ok(student1, "messages.getMessagesReactions", "peer_id", p(peer), "cmids", p(cmid))
                .get("items").size(), "a message one deleted shows no reactions");
    }

    @Test
    @DisplayName("F-EMB-04 F-SECT-01 messages.searchConversations finds the caller's chats by name, one-to-one "
            + "chats by the other user's name; an empty q: 100")
    void searchConversations() {
        createChat(teacher, "Родители 5в", parent);
        send(teacher, student1.id().value(), "Привет");
        JsonNode body = wire.call(teacher, "messages.searchConversations", "q", "математика");
        schema.check("messages/responses.json", "messages_searchConversations_response", body);
        assertEquals(1, body.get("response").get("count").asInt());
        assertEquals(peer, body.get("response").get("items").get(0).get("peer").get("id").asLong());

        String name = emulator.engine().users().person(student1.id()).lastName();
        JsonNode direct = wire.call(teacher, "messages.searchConversations", "q", name, "extended", "1");
        schema.check("messages/responses.json", "messages_searchConversations_extended_response", direct);
        assertEquals(student1.id().value(), direct.get("response").get("items").get(0).get("peer").get("id")
                .asLong());
        assertEquals(student1.id().value(), direct.get("response").get("profiles").get(0).get("id").asLong());

        assertEquals(0, wire.ok(outsider, "messages.searchConversations", "q", "математика").get("count").asInt(),
                "only the caller's chats");
        assertEquals(1, wire.ok(teacher, "messages.searchConversations", "q", "5в", "count", "1").get("items")
                .size());
        refusedUnchanged(100, teacher, "messages.searchConversations", "q", "");
        refusedUnchanged(100, teacher, "messages.searchConversations", "q", "5в", "count", "0");
    }

    @Test
    @DisplayName("F-EMB-04 F-CHAT-10 messages.getChatPreview by invite link shows a non-member the chat before "
            + "joining; a reset link is refused with 104; by peer_id for members only")
    void chatPreview() {
        String link = wire.ok(teacher, "messages.getInviteLink", "peer_id", p(peer)).get("link").asText();
        JsonNode body = wire.call(outsider, "messages.getChatPreview", "link", link);
        schema.check("messages/responses.json", "messages_getChatPreview_response", body);
        JsonNode preview = body.get("response").get("preview");
        assertEquals("5в Математика", preview.get("title").asText());
        assertEquals(teacher.id().value(), preview.get("admin_id").asLong());
        assertEquals(4, preview.get("members").size());
        assertFalse(preview.get("is_member").asBoolean());
        assertEquals(4, body.get("response").get("profiles").size());
        assertTrue(wire.ok(student1, "messages.getChatPreview", "peer_id", p(peer)).get("preview").get("is_member")
                .asBoolean());

        wire.ok(teacher, "messages.getInviteLink", "peer_id", p(peer), "reset", "1");
        refusedUnchanged(104, outsider, "messages.getChatPreview", "link", link);
        refusedUnchanged(917, outsider, "messages.getChatPreview", "peer_id", p(peer));
        refusedUnchanged(100, outsider, "messages.getChatPreview");
    }

    @Test
    @DisplayName("F-EMB-04 messages.setActivity: a member typing answers 1, by peer_id or user_id; a non-member "
            + "917; an unknown type 100")
    void setActivity() {
        JsonNode body = wire.call(student1, "messages.setActivity", "peer_id", p(peer), "type", "typing");
        schema.check("base/responses.json", "base_ok_response", body);
        assertEquals(1, wire.ok(student1, "messages.setActivity", "user_id", p(teacher.id().value())).asInt());
        refusedUnchanged(917, outsider, "messages.setActivity", "peer_id", p(peer), "type", "typing");
        refusedUnchanged(100, student1, "messages.setActivity", "peer_id", p(peer), "type", "dancing");
        refusedUnchanged(100, student1, "messages.setActivity", "type", "typing");
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-03 docs.getById and docs.delete: the owner reads and deletes; others read only what "
            + "they see in a message; a sent document stays in its message")
    void documents() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = wire.ok(teacher, "docs.getMessagesUploadServer", "type", "doc").get("upload_url").asText();
        JsonNode upload = MultipartUploads.upload(http, url, "file", "plan.txt", null, "план".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        JsonNode doc = wire.ok(teacher, "docs.save", "file", upload.get("file").asText(), "title", "План.txt")
                .get("doc");
        String id = teacher.id().value() + "_" + doc.get("id").asLong();

        JsonNode body = wire.call(teacher, "docs.getById", "docs", id);
        schema.check("docs/responses.json", "docs_getById_response", body);
        assertEquals("План.txt", body.get("response").get(0).get("title").asText());
        assertEquals(0, wire.ok(student1, "docs.getById", "docs", id).size(), "not sent yet: only the owner reads it");

        wire.ok(teacher, "messages.send", "peer_id", p(peer), "attachment", "doc" + id);
        assertEquals(1, wire.ok(student1, "docs.getById", "docs", id + "," + id).size());
        assertEquals(0, wire.ok(outsider, "docs.getById", "docs", id).size());

        refusedUnchanged(15, student1, "docs.delete", "owner_id", p(teacher.id().value()), "doc_id", doc.get("id").asText());
        JsonNode deleted = wire.call(teacher, "docs.delete", "owner_id", p(teacher.id().value()), "doc_id",
                doc.get("id").asText());
        schema.check("base/responses.json", "base_ok_response", deleted);
        refusedUnchanged(104, teacher, "docs.delete", "owner_id", p(teacher.id().value()), "doc_id", doc.get("id").asText());
        assertEquals(1, wire.ok(student1, "docs.getById", "docs", id).size(), "the sent copy stays in its message");
        refusedUnchanged(100, teacher, "docs.getById", "docs", "plan");
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-04 polls.edit by the creator (answers only before the first vote) and "
            + "polls.deleteVote of one's own vote while the poll is open")
    void pollEdits() {
        JsonNode poll = wire.ok(teacher, "polls.create", "question", "Когда?", "add_answers",
                "[\"Вторник\",\"Четверг\"]");
        String owner = poll.get("owner_id").asText();
        String id = poll.get("id").asText();
        long message = wire.ok(teacher, "messages.send", "peer_id", p(peer), "attachment", "poll" + owner + "_" + id)
                .asLong();

        JsonNode edited = wire.call(teacher, "polls.edit", "owner_id", owner, "poll_id", id, "question",
                "Когда контрольная?", "add_answers", "[\"Пятница\"]", "edit_answers", "{\"1\":\"Понедельник\"}");
        schema.check("base/responses.json", "base_ok_response", edited);
        JsonNode read = wire.ok(student1, "polls.getById", "owner_id", owner, "poll_id", id);
        assertEquals("Когда контрольная?", read.get("question").asText());
        assertEquals(List.of("Понедельник", "Четверг", "Пятница"), List.of(read.get("answers").get(0).get("text")
                .asText(), read.get("answers").get(1).get("text").asText(), read.get("answers").get(2).get("text")
                .asText()));
        assertEquals("Когда контрольная?", wire.ok(student2, "messages.getById", "message_ids", p(message))
                .get("items").get(0).get("attachments").get(0).get("poll").get("question").asText(),
                "the message carrying the poll shows it as edited");
        refusedUnchanged(15, student1, "polls.edit", "owner_id", owner, "poll_id", id, "question", "Моё");

        wire.ok(student1, "polls.addVote", "owner_id", owner, "poll_id", id, "answer_ids", "3");
        refusedUnchanged(100, teacher, "polls.edit", "owner_id", owner, "poll_id", id, "delete_answers", "[1]");
        refusedUnchanged(100, teacher, "polls.edit", "owner_id", owner, "poll_id", id, "end_date",
                p(clock.instant().getEpochSecond() - 1));
        assertEquals(1, wire.ok(teacher, "polls.edit", "owner_id", owner, "poll_id", id, "question", "Когда же?")
                .asInt(), "the question may change after a vote");

        JsonNode vote = wire.call(student1, "polls.deleteVote", "owner_id", owner, "poll_id", id);
        schema.check("base/responses.json", "base_bool_response", vote);
        assertEquals(1, vote.get("response").asInt());
        assertEquals(0, wire.ok(student1, "polls.getById", "owner_id", owner, "poll_id", id).get("votes").asInt());
        assertEquals(0, wire.ok(student1, "polls.deleteVote", "owner_id", owner, "poll_id", id).asInt(),
                "no vote of one's own: nothing to take back");

        wire.ok(student2, "polls.addVote", "owner_id", owner, "poll_id", id, "answer_ids", "1");
        wire.ok(teacher, "polls.edit", "owner_id", owner, "poll_id", id, "end_date",
                p(clock.instant().plus(Duration.ofHours(1)).getEpochSecond()));
        clock.advance(Duration.ofHours(1));
        refusedUnchanged(15, student2, "polls.deleteVote", "owner_id", owner, "poll_id", id);
        refusedUnchanged(15, student1, "polls.addVote", "owner_id", owner, "poll_id", id, "answer_ids", "1");
        refusedUnchanged(15, teacher, "polls.edit", "owner_id", owner, "poll_id", id, "question", "Поздно");
        refusedUnchanged(15, outsider, "polls.deleteVote", "owner_id", owner, "poll_id", id);
    }

    @Test
    @DisplayName("F-EMB-04 the chat tab's methods answer VK's error 5 without a valid token, never error 3")
    void knownAndAuthenticated() {
        for (String method : List.of("messages.getByConversationMessageId", "messages.restore",
                "messages.searchConversations", "messages.getChatPreview", "messages.setActivity",
                "messages.sendReaction", "messages.deleteReaction", "messages.getMessagesReactions", "docs.getById",
                "docs.delete", "polls.edit", "polls.deleteVote")) {
            assertEquals(5, wire.error(wire.call("not-a-token", method)).get("error_code").asInt(), method);
        }
    }
}
