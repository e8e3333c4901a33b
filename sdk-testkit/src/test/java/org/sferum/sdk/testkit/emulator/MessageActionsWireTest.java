package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.MessageReport;

/**
 * The message actions of docs/wire/chats-messages.md over the wire: shapes checked against the VK schema, every
 * refusal with its VK code and nothing changed.
 */
class MessageActionsWireTest extends EmulatorTestBase {
    private VkSchema schema;
    private long peer;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
        peer = classChat();
    }

    private JsonNode refused(int code, Supplier<JsonNode> request) {
        StateSnapshot before = StateSnapshot.of(emulator);
        List<MessageReport> reports = emulator.engine().messageActions().reports();
        JsonNode body = request.get();
        JsonNode error = wire.error(body);
        assertEquals(code, error.get("error_code").asInt(), body::toString);
        assertEquals(before, StateSnapshot.of(emulator), "a refused request must change nothing");
        assertEquals(reports, emulator.engine().messageActions().reports());
        return error;
    }

    private JsonNode refused(int code, SeededUser as, String method, String... pairs) {
        return refused(code, () -> wire.call(as, method, pairs));
    }

    private JsonNode message(SeededUser reader, long id) {
        JsonNode body = wire.call(reader, "messages.getById", "message_ids", Long.toString(id));
        schema.check("messages/responses.json", "messages_getById_response", body);
        JsonNode items = body.get("response").get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    private JsonNode conversation(SeededUser reader) {
        JsonNode body = wire.call(reader, "messages.getConversationsById", "peer_ids", Long.toString(peer));
        schema.check("messages/responses.json", "messages_getConversationsById_response", body);
        assertEquals(1, body.get("response").get("count").asInt());
        return body.get("response").get("items").get(0);
    }

    private String p(long value) {
        return Long.toString(value);
    }

    @Test
    @DisplayName("F-MSG-03 messages.send with forward_messages carries fwd_messages as foreign messages")
    void forward() {
        long parents = createChat(teacher, "Родители 5в", parent);
        long first = send(teacher, peer, "Контрольная в среду");
        long second = send(student1, peer, "А какая тема?");
        long forward = send(teacher, parents, "", "forward_messages", first + "," + second);

        JsonNode seen = message(parent, forward);
        JsonNode fwd = seen.get("fwd_messages");
        assertEquals(2, fwd.size());
        schema.check("messages/objects.json", "messages_fwd_messages", fwd);
        assertEquals(List.of(first, second), ids(fwd));
        assertEquals("А какая тема?", fwd.get(1).get("text").asText());
        assertEquals(student1.id().value(), fwd.get(1).get("from_id").asLong());
        assertEquals(peer, fwd.get(1).get("peer_id").asLong());
        assertEquals(2, fwd.get(1).get("conversation_message_id").asInt());
        assertEquals("", seen.get("text").asText());
    }

    @Test
    @DisplayName("F-MSG-03 F-MSG-02 forwarding an unseen message and replying across chats: 104, nothing sent")
    void forwardAndReplyRefusals() {
        long parents = createChat(teacher, "Родители 5в", parent);
        long secret = send(teacher, parents, "Только для родителей");
        long own = send(student1, peer, "Моё");
        refused(104, student1, "messages.send", "peer_id", p(peer), "forward_messages", own + "," + secret,
                "random_id", "5");
        refused(104, teacher, "messages.send", "peer_id", p(peer), "message", "Ответ", "reply_to", p(secret));
        refused(100, teacher, "messages.send", "peer_id", p(peer), "message", "Много",
                "forward_messages", String.join(",", java.util.Collections.nCopies(1001, p(own))));
    }

    @Test
    @DisplayName("F-MSG-04 messages.markAsImportant answers the ids and sets the reader's own flag")
    void markAsImportant() {
        long homework = send(teacher, peer, "Домашнее задание");
        long parents = createChat(teacher, "Родители 5в", parent);
        long secret = send(teacher, parents, "Только для родителей");

        JsonNode body = wire.call(student1, "messages.markAsImportant", "message_ids", homework + "," + secret,
                "important", "1");
        schema.check("messages/responses.json", "messages_markAsImportant_deprecated_response", body);
        assertEquals(List.of(homework), List.of(body.get("response").get(0).asLong()));
        assertEquals(1, body.get("response").size());
        assertTrue(message(student1, homework).get("important").asBoolean());
        assertFalse(message(student2, homework).get("important").asBoolean());
        wire.ok(student1, "messages.markAsImportant", "message_ids", p(homework), "important", "0");
        assertFalse(message(student1, homework).get("important").asBoolean());
        refused(100, student1, "messages.markAsImportant", "message_ids", p(homework), "important", "2");
    }

    @Test
    @DisplayName("F-MSG-05 messages.report stores one report for moderators and hides nothing; bad reasons: 100")
    void report() {
        long rude = send(student2, peer, "Обидное");
        JsonNode body = wire.call(student1, "messages.report", "peer_id", p(peer), "message_id", p(rude),
                "reason", "insult");
        schema.check("base/responses.json", "base_ok_response", body);
        wire.ok(student1, "messages.report", "peer_id", p(peer), "message_id", p(rude), "reason", "insult");

        List<MessageReport> reports = emulator.engine().messageActions().reports();
        assertEquals(1, reports.size());
        assertEquals(ReportReason.INSULT, reports.get(0).reason());
        assertEquals(MessageId.of(rude), reports.get(0).message());
        assertEquals(student2.id(), reports.get(0).author());
        assertTrue(message(student1, rude) != null, "reporting hides nothing");
        refused(100, student2, "messages.report", "peer_id", p(peer), "message_id", p(rude), "reason", "boring");
        refused(917, outsider, "messages.report", "peer_id", p(peer), "message_id", p(rude), "reason", "spam");
    }

    @Test
    @DisplayName("F-MSG-05 messages.delete with spam=1 reports as spam and deletes for the caller")
    void deleteAsSpam() {
        long spam = send(student2, peer, "Купите");
        wire.ok(student1, "messages.delete", "message_ids", p(spam), "spam", "1");
        assertEquals(ReportReason.SPAM, emulator.engine().messageActions().reports().get(0).reason());
        assertEquals(null, message(student1, spam));
        assertTrue(message(student3, spam) != null);
    }

    @Test
    @DisplayName("F-MSG-05 F-MSG-06 a refused messages.delete with spam=1 stores no report and deletes nothing")
    void refusedDeleteAsSpamReportsNothing() {
        long spam = send(student2, peer, "Купите");
        long parents = createChat(teacher, "Родители 5в", parent);
        long secret = send(teacher, parents, "Только для родителей");
        refused(924, student1, "messages.delete", "peer_id", p(peer), "message_ids", p(spam), "spam", "1",
                "delete_for_all", "1");
        refused(104, student1, "messages.delete", "message_ids", spam + "," + secret, "spam", "1");
        refused(917, student1, "messages.delete", "peer_id", p(parents), "message_ids", p(secret), "spam", "1");
        assertTrue(emulator.engine().messageActions().reports().isEmpty());
        assertTrue(message(student1, spam) != null, "the message is still there");

        wire.ok(student1, "messages.delete", "message_ids", p(spam), "spam", "1");
        wire.ok(student1, "messages.delete", "message_ids", p(spam), "spam", "1");
        assertEquals(1, emulator.engine().messageActions().reports().size(), "a retried delete reports nothing again");
        assertEquals(peer, emulator.engine().messageActions().reports().get(0).chat().peerId());

        long direct = send(teacher, student1.id().value(), "Лично");
        wire.ok(student1, "messages.delete", "message_ids", p(direct), "spam", "1");
        assertEquals(teacher.id().value(), emulator.engine().messageActions().reports().get(1).chat().peerId(),
                "the report names the one-to-one chat as the reporter addresses it");
    }

    @Test
    @DisplayName("F-MSG-06 F-MSG-10 messages.delete answers messages_delete_full_response, one item per message")
    void delete() {
        long first = send(student1, peer, "Первое");
        long second = send(student1, peer, "Второе");
        long kept = send(student1, peer, "Третье");

        JsonNode body = wire.call(student1, "messages.delete", "peer_id", p(peer),
                "message_ids", first + "," + second, "delete_for_all", "1");
        schema.check("messages/responses.json", "messages_delete_full_response", body);
        JsonNode items = body.get("response");
        assertEquals(2, items.size());
        assertFields(items.get(0), "peer_id", "message_id", "conversation_message_id", "response");
        assertEquals(first, items.get(0).get("message_id").asLong());
        assertEquals(peer, items.get(0).get("peer_id").asLong());
        assertEquals(1, items.get(0).get("conversation_message_id").asInt());
        assertEquals(1, items.get(1).get("response").asInt());
        JsonNode history = wire.ok(teacher, "messages.getHistory", "peer_id", p(peer));
        assertEquals(List.of(kept), ids(history.get("items")));
        assertEquals(1, history.get("count").asInt());
        wire.ok(student1, "messages.delete", "peer_id", p(peer), "message_ids", p(first), "delete_for_all", "1");
    }

    @Test
    @DisplayName("F-MSG-06 deleting for everyone someone else's message: 924; after 24 h as the author: 924")
    void deleteRefusals() {
        long homework = send(teacher, peer, "Домашнее задание");
        long own = send(student1, peer, "Моё");
        refused(924, student1, "messages.delete", "peer_id", p(peer), "message_ids", own + "," + homework,
                "delete_for_all", "1");
        long parents = createChat(teacher, "Родители 5в", parent);
        long secret = send(teacher, parents, "Только для родителей");
        refused(104, student1, "messages.delete", "message_ids", p(secret));
        refused(917, student1, "messages.delete", "peer_id", p(parents), "message_ids", p(secret));
        refused(100, student1, "messages.delete", "peer_id", p(peer));
        clock.advance(Duration.ofHours(24));
        refused(924, student1, "messages.delete", "peer_id", p(peer), "message_ids", p(own), "delete_for_all", "1");
        wire.ok(teacher, "messages.delete", "peer_id", p(peer), "message_ids", p(own), "delete_for_all", "1");
    }

    @Test
    @DisplayName("F-MSG-07 messages.edit answers 1 and sets update_time; others' messages: 15; after 24 h: 909")
    void edit() {
        long message = send(teacher, peer, "Урок в 9:00");
        clock.advance(Duration.ofMinutes(3));
        JsonNode body = wire.call(teacher, "messages.edit", "peer_id", p(peer), "message_id", p(message),
                "message", "Урок в 10:00");
        schema.check("base/responses.json", "base_bool_response", body);
        assertEquals(1, body.get("response").asInt());
        JsonNode seen = message(student1, message);
        assertEquals("Урок в 10:00", seen.get("text").asText());
        assertEquals(START.plusSeconds(180).getEpochSecond(), seen.get("update_time").asLong());

        refused(15, student1, "messages.edit", "peer_id", p(peer), "message_id", p(message), "message", "Нет");
        refused(100, teacher, "messages.edit", "peer_id", p(peer), "message_id", p(message), "message", " ");
        refused(914, teacher, "messages.edit", "peer_id", p(peer), "message_id", p(message),
                "message", "я".repeat(9001));
        clock.advance(Duration.ofHours(24));
        refused(909, teacher, "messages.edit", "peer_id", p(peer), "message_id", p(message), "message", "Поздно");
    }

    @Test
    @DisplayName("F-MSG-08 messages.pin answers messages_pinned_message; every member sees chat_settings.pinned_message")
    void pin() {
        long homework = send(teacher, peer, "Домашнее задание");
        JsonNode body = wire.call(teacher, "messages.pin", "peer_id", p(peer), "message_id", p(homework));
        schema.check("messages/responses.json", "messages_pin_response", body);
        JsonNode pinned = body.get("response");
        assertEquals(homework, pinned.get("id").asLong());
        assertTrue(pinned.get("out").asBoolean());

        JsonNode conversation = conversation(student2);
        JsonNode seen = conversation.get("chat_settings").get("pinned_message");
        assertEquals(homework, seen.get("id").asLong());
        assertFalse(seen.get("out").asBoolean());
        assertEquals("Домашнее задание", seen.get("text").asText());

        long mine = send(student1, peer, "Моё");
        refused(925, student1, "messages.pin", "peer_id", p(peer), "message_id", p(mine));
        refused(925, student1, "messages.unpin", "peer_id", p(peer));
        JsonNode unpin = wire.call(teacher, "messages.unpin", "peer_id", p(peer));
        schema.check("base/responses.json", "base_ok_response", unpin);
        assertFalse(conversation(student2).get("chat_settings").has("pinned_message"));
        assertEquals(0, wire.ok(outsider, "messages.getConversationsById", "peer_ids", p(peer)).get("count").asInt(),
                "a chat the caller is not in is left out");
    }

    @Test
    @DisplayName("F-CHAT-09 messages.search finds case-insensitively, newest first, with the total count")
    void search() {
        long first = send(teacher, peer, "Домашнее задание: №15");
        send(teacher, peer, "Урок в 9:00");
        long second = send(student1, peer, "А ДОМАШНЕЕ на завтра?");
        long english = send(teacher, peer, "Homework: read chapter 3");

        JsonNode body = wire.call(student2, "messages.search", "peer_id", p(peer), "q", "домашнее");
        schema.check("messages/responses.json", "messages_search_response", body);
        assertEquals(2, body.get("response").get("count").asInt());
        assertEquals(List.of(second, first), ids(body.get("response").get("items")));
        JsonNode paged = wire.ok(student2, "messages.search", "peer_id", p(peer), "q", "ДОМАШНЕЕ", "count", "1",
                "offset", "1");
        assertEquals(List.of(first), ids(paged.get("items")));
        assertEquals(2, paged.get("count").asInt());
        assertEquals(List.of(english), ids(wire.ok(student2, "messages.search", "peer_id", p(peer),
                "q", "homework").get("items")));
        refused(100, student2, "messages.search", "peer_id", p(peer), "q", "задание", "count", "101");
        refused(100, student2, "messages.search", "peer_id", p(peer));
        assertEquals(List.of(first), ids(wire.ok(student2, "messages.search", "q", "задание").get("items")),
                "q alone searches every chat of the caller (issue 9 item 6)");
        refused(917, outsider, "messages.search", "peer_id", p(peer), "q", "задание");
    }

    @Test
    @DisplayName("F-CHAT-11 messages.setDisappearing: is_disappearing, messages vanish after ttl, no pin: 970")
    void disappearing() {
        JsonNode body = wire.call(teacher, "messages.setDisappearing", "peer_id", p(peer), "ttl", "60");
        schema.check("base/responses.json", "base_ok_response", body);
        assertTrue(conversation(student1).get("chat_settings").get("is_disappearing").asBoolean());
        long vanishing = send(student1, peer, "Исчезнет");
        refused(970, teacher, "messages.pin", "peer_id", p(peer), "message_id", p(vanishing));
        refused(925, student1, "messages.setDisappearing", "peer_id", p(peer), "ttl", "0");
        refused(100, teacher, "messages.setDisappearing", "peer_id", p(peer), "ttl", "604801");
        refused(100, teacher, "messages.setDisappearing", "peer_id", p(peer), "ttl", "-1");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(0, wire.ok(student2, "messages.getHistory", "peer_id", p(peer)).get("count").asInt());
        assertEquals(null, message(student1, vanishing));
        wire.ok(teacher, "messages.setDisappearing", "peer_id", p(peer), "ttl", "0");
        assertFalse(conversation(student1).get("chat_settings").has("is_disappearing"));
    }
}
