package org.sferum.sdk.emulator;

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

/**
 * The per-user chat actions on the wire (docs/wire/chats-actions.md): each method's answer in the schema's shape,
 * its effect on {@code messages.getConversations}, {@code messages.getHistory} and {@code messages.getById}, and
 * its refusals with the VK error codes, changing nothing.
 */
class ChatActionsMethodsTest extends EmulatorTestBase {
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private JsonNode ok1(SeededUser as, String method, String... pairs) {
        JsonNode body = wire.call(as, method, pairs);
        schema.check("base/responses.json", "base_ok_response", body);
        assertEquals(1, body.get("response").asInt(), body::toString);
        return body;
    }

    private JsonNode conversations(SeededUser as, String... pairs) {
        JsonNode body = wire.call(as, "messages.getConversations", pairs);
        schema.check("messages/responses.json", "messages_getConversations_response", body);
        return body.get("response");
    }

    private JsonNode conversation(SeededUser as, long peer) {
        for (String filter : List.of("all", "archive")) {
            for (JsonNode item : conversations(as, "filter", filter, "count", "200").get("items")) {
                if (item.get("conversation").get("peer").get("id").asLong() == peer) {
                    return item.get("conversation");
                }
            }
        }
        throw new AssertionError(peer + " is not listed for " + as.id());
    }

    private static List<Long> peers(JsonNode response) {
        List<Long> peers = new ArrayList<>();
        response.get("items").forEach(item -> peers.add(item.get("conversation").get("peer").get("id").asLong()));
        return peers;
    }

    private static String id(long value) {
        return Long.toString(value);
    }

    /** Runs a request that must be refused; checks the code and that nothing changed. */
    private JsonNode refused(int code, SeededUser as, String method, String... pairs) {
        StateSnapshot before = StateSnapshot.of(emulator);
        JsonNode error = wire.error(wire.call(as, method, pairs));
        assertEquals(code, error.get("error_code").asInt(), error::toString);
        assertEquals(before, StateSnapshot.of(emulator), "a refused request must change nothing");
        return error;
    }

    @Test
    @DisplayName("F-CHAT-07 messages.pinConversation answers 1; sort_id.major_id is 16 per pin from the bottom, 0 "
            + "when not pinned; the sixth pin is refused with 103")
    void pinConversation() {
        List<Long> chats = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            chats.add(createChat(teacher, "5в Кружок " + i, student1));
        }
        ok1(teacher, "messages.pinConversation", "peer_id", id(chats.get(0)));
        ok1(teacher, "messages.pinConversation", "peer_id", id(chats.get(1)));
        JsonNode list = conversations(teacher);
        assertEquals(List.of(chats.get(1), chats.get(0), chats.get(5), chats.get(4), chats.get(3), chats.get(2)),
                peers(list));
        assertEquals(32, list.get("items").get(0).get("conversation").get("sort_id").get("major_id").asInt());
        assertEquals(16, list.get("items").get(1).get("conversation").get("sort_id").get("major_id").asInt());
        assertEquals(0, list.get("items").get(2).get("conversation").get("sort_id").get("major_id").asInt());
        assertEquals(0, conversation(student1, chats.get(1)).get("sort_id").get("major_id").asInt(),
                "pins are the teacher's own");

        for (int i = 2; i < 5; i++) {
            ok1(teacher, "messages.pinConversation", "peer_id", id(chats.get(i)));
        }
        assertEquals(80, conversation(teacher, chats.get(4)).get("sort_id").get("major_id").asInt());
        assertEquals(16, conversation(teacher, chats.get(0)).get("sort_id").get("major_id").asInt());
        JsonNode error = refused(103, teacher, "messages.pinConversation", "peer_id", id(chats.get(5)));
        assertTrue(error.get("error_msg").asText().contains("5"), error::toString);
        ok1(teacher, "messages.pinConversation", "peer_id", id(chats.get(4)));

        ok1(teacher, "messages.unpinConversation", "peer_id", id(chats.get(2)));
        ok1(teacher, "messages.unpinConversation", "peer_id", id(chats.get(2)));
        assertEquals(0, conversation(teacher, chats.get(2)).get("sort_id").get("major_id").asInt());
        assertEquals(64, conversation(teacher, chats.get(4)).get("sort_id").get("major_id").asInt());
        ok1(teacher, "messages.pinConversation", "peer_id", id(chats.get(5)));
        assertEquals(80, conversation(teacher, chats.get(5)).get("sort_id").get("major_id").asInt());
    }

    @Test
    @DisplayName("F-CHAT-08 messages.archiveConversation moves a chat to filter=archive with is_archived; a message "
            + "keeps it there; unarchiveConversation brings it back")
    void archiveConversation() {
        long math = classChat();
        long history = createChat(teacher, "5в История", student1);
        ok1(student1, "messages.archiveConversation", "peer_id", id(math));
        assertEquals(List.of(history), peers(conversations(student1)));
        JsonNode archive = conversations(student1, "filter", "archive");
        assertEquals(List.of(math), peers(archive));
        assertEquals(1, archive.get("count").asInt());
        assertTrue(archive.get("items").get(0).get("conversation").get("is_archived").asBoolean());
        assertFalse(conversation(student1, history).has("is_archived"));
        assertFalse(conversation(teacher, math).has("is_archived"), "the archive is the student's own");

        send(teacher, math, "Контрольная перенесена");
        assertEquals(List.of(math), peers(conversations(student1, "filter", "archive")));
        assertEquals(List.of(math), peers(conversations(student1, "filter", "unread")));

        ok1(student1, "messages.unarchiveConversation", "peer_id", id(math));
        assertEquals(List.of(math, history), peers(conversations(student1)));
        assertEquals(0, conversations(student1, "filter", "archive").get("count").asInt());
    }

    @Test
    @DisplayName("F-CHAT-08 messages.markAsUnreadConversation sets is_marked_unread and the unread filter and count; "
            + "messages.markAsRead clears it")
    void markAsUnreadConversation() {
        long math = classChat();
        long history = createChat(teacher, "5в История", student1);
        long message = send(teacher, math, "Домашнее задание");
        ok1(student1, "messages.markAsRead", "peer_id", id(math));
        assertEquals(0, conversations(student1).get("unread_count").asInt());

        ok1(student1, "messages.markAsUnreadConversation", "peer_id", id(history));
        JsonNode marked = conversation(student1, history);
        assertTrue(marked.get("is_marked_unread").asBoolean());
        assertFalse(marked.has("unread_count"));
        assertEquals(1, conversations(student1).get("unread_count").asInt());
        assertEquals(List.of(history), peers(conversations(student1, "filter", "unread")));
        assertFalse(conversation(teacher, history).get("is_marked_unread").asBoolean());

        ok1(student1, "messages.markAsUnreadConversation", "peer_id", id(math));
        ok1(student1, "messages.markAsRead", "peer_id", id(math), "start_message_id", id(message));
        assertFalse(conversation(student1, math).get("is_marked_unread").asBoolean());
        assertEquals(List.of(history), peers(conversations(student1, "filter", "unread")));
    }

    @Test
    @DisplayName("F-CHAT-08 account.setSilenceMode: -1 mutes forever, seconds mute until then on the clock, 0 unmutes; "
            + "push_settings shows it")
    void setSilenceMode() {
        long math = classChat();
        ok1(student2, "account.setSilenceMode", "peer_id", id(math), "time", "-1", "sound", "0", "device_id", "d1");
        JsonNode forever = conversation(student2, math).get("push_settings");
        assertFields(forever, "disabled_forever", "no_sound");
        assertTrue(forever.get("disabled_forever").asBoolean());
        assertTrue(forever.get("no_sound").asBoolean());
        assertFalse(conversation(teacher, math).has("push_settings"), "the mute is the student's own");

        ok1(student2, "account.setSilenceMode", "peer_id", id(math), "time", "0");
        assertFalse(conversation(student2, math).has("push_settings"));
        ok1(student2, "account.setSilenceMode", "peer_id", id(math), "time", "0");

        ok1(student2, "account.setSilenceMode", "peer_id", id(math), "time", "3600");
        JsonNode until = conversation(student2, math).get("push_settings");
        assertFields(until, "disabled_forever", "disabled_until", "no_sound");
        assertFalse(until.get("disabled_forever").asBoolean());
        assertEquals(START.getEpochSecond() + 3600, until.get("disabled_until").asLong());
        clock.advance(Duration.ofSeconds(3599));
        assertTrue(conversation(student2, math).has("push_settings"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(conversation(student2, math).has("push_settings"), "the mute ended on the clock");

        refused(100, student2, "account.setSilenceMode", "peer_id", id(math), "time", "-2");
        refused(100, student2, "account.setSilenceMode", "peer_id", id(math));
        refused(100, student2, "account.setSilenceMode", "time", "-1");
        refused(917, outsider, "account.setSilenceMode", "peer_id", id(math), "time", "-1");
    }

    @Test
    @DisplayName("F-CHAT-08 messages.deleteConversation answers last_deleted_id and clears the history for the caller "
            + "only")
    void deleteConversation() {
        long math = classChat();
        long empty = createChat(teacher, "5в История", student1);
        long first = send(teacher, math, "Раз");
        long second = send(teacher, math, "Два");

        JsonNode body = wire.call(student1, "messages.deleteConversation", "peer_id", id(math));
        schema.check("messages/responses.json", "messages_deleteConversation_response", body);
        assertFields(body.get("response"), "last_deleted_id");
        assertEquals(second, body.get("response").get("last_deleted_id").asLong());

        JsonNode mine = wire.ok(student1, "messages.getHistory", "peer_id", id(math));
        assertEquals(0, mine.get("count").asInt());
        assertEquals(0, mine.get("items").size());
        assertEquals(0, wire.ok(student1, "messages.getById", "message_ids", first + "," + second)
                .get("count").asInt());
        JsonNode row = conversation(student1, math);
        assertEquals(0, row.get("last_message_id").asLong());
        assertFalse(row.has("unread_count"));
        assertEquals(List.of(second, first), ids(wire.ok(student2, "messages.getHistory", "peer_id", id(math))
                .get("items")));
        assertEquals(2, conversation(student2, math).get("unread_count").asInt());

        long third = send(teacher, math, "Три");
        assertEquals(List.of(third), ids(wire.ok(student1, "messages.getHistory", "peer_id", id(math))
                .get("items")));
        assertEquals(third, conversation(student1, math).get("last_message_id").asLong());
        assertEquals(0, wire.ok(student1, "messages.deleteConversation", "peer_id", id(empty))
                .get("last_deleted_id").asLong());
        refused(917, outsider, "messages.deleteConversation", "peer_id", id(math));
    }

    @Test
    @DisplayName("F-CHAT-08 messages.removeChatUser with the caller's own id leaves: the chat is gone from the list "
            + "and reading it is refused with 917")
    void leave() {
        long math = classChat();
        ok1(student3, "messages.removeChatUser", "chat_id", id(math - ChatId.GROUP_CHAT_OFFSET),
                "member_id", id(student3.id().value()));
        assertEquals(0, conversations(student3).get("count").asInt());
        refused(917, student3, "messages.getHistory", "peer_id", id(math));
        refused(917, student3, "messages.pinConversation", "peer_id", id(math));
        assertEquals(3, conversation(teacher, math).get("chat_settings").get("members_count").asInt());
    }

    @Test
    @DisplayName("F-CHAT-08 every action on a chat of someone else is refused with 917, on an unknown chat with 927, "
            + "without peer_id with 100")
    void refusals() {
        long math = classChat();
        send(teacher, math, "Добрый день");
        long unknown = ChatId.GROUP_CHAT_OFFSET + 999;
        for (String method : List.of("messages.pinConversation", "messages.unpinConversation",
                "messages.archiveConversation", "messages.unarchiveConversation", "messages.markAsUnreadConversation",
                "messages.deleteConversation")) {
            refused(917, outsider, method, "peer_id", id(math));
            refused(927, teacher, method, "peer_id", id(unknown));
            refused(100, teacher, method);
        }
        refused(927, teacher, "account.setSilenceMode", "peer_id", id(unknown), "time", "-1");
    }
}
