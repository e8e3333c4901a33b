package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;

/** The requests of message actions (docs/wire/chats-messages.md), and which of them are retried. */
class MessageActionsRequestsTest {
    private static final ChatId CHAT = ChatId.group(1);

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    private Map<String, String> form(int index) {
        return ScriptedTransport.form(transport.requests.get(index));
    }

    private String method(int index) {
        return ScriptedTransport.method(transport.requests.get(index));
    }

    @Test
    @DisplayName("F-MSG-03 a forward sends forward_messages, and the message read back carries fwd_messages")
    void forward() {
        String stored = "{\"id\":18,\"date\":1764000000,\"peer_id\":2000000001,\"from_id\":100001,\"out\":1,"
                + "\"text\":\"\",\"conversation_message_id\":4,\"version\":18,\"attachments\":[],"
                + "\"fwd_messages\":[{\"id\":15,\"conversation_message_id\":1,\"date\":1763999000,"
                + "\"from_id\":100002,\"peer_id\":2000000002,\"text\":\"Кто решил?\"}],\"important\":true}";
        // A forwarding send is the one send read back: the forwarded copies are the platform's (issue 15).
        transport.ok("[{\"peer_id\":2000000001,\"message_id\":18,\"conversation_message_id\":4}]")
                .ok("{\"count\":1,\"items\":[" + stored + "]}");

        Message sent = session.messages().send(CHAT, Draft.forward(List.of(MessageId.of(15), MessageId.of(16))));

        assertEquals("15,16", form(0).get("forward_messages"));
        assertEquals(1, sent.forwarded().size());
        Message copy = sent.forwarded().get(0);
        assertEquals(MessageId.of(15), copy.id());
        assertEquals(ChatId.group(2), copy.chat());
        assertEquals("Кто решил?", copy.text());
        assertTrue(sent.important());
    }

    @Test
    @DisplayName("F-MSG-06 F-MSG-07 F-MSG-08 edit, delete, pin and unpin are retried after a network failure")
    void idempotentActionsAreRetried() {
        // Issue 15: one execute carries the edit and the read of the message (VK answers an edit with 1 only).
        String stored = TestClients.message(7, 2000000001L, 3, 100001, "Новый текст")
                .replace("\"date\":", "\"update_time\":1764000300,\"date\":");
        transport.fail(new IOException("reset")).ok("[1,{\"count\":1,\"items\":[" + stored + "]}]");
        org.sferum.sdk.messages.Message edited = session.messages().edit(CHAT, MessageId.of(7), "Новый текст");
        assertEquals(List.of("execute", "execute"), List.of(method(0), method(1)));
        assertEquals(2, transport.requests.size(), "one request, retried once; no separate read");
        Map<String, String> form = form(1);
        assertEquals("return [API.messages.edit({\"peer_id\":Args.a0_peer_id,\"message_id\":Args.a0_message_id,"
                + "\"message\":Args.a0_message}),API.messages.getById({\"message_ids\":Args.a1_message_ids})];",
                form.get("code"));
        assertEquals("2000000001", form.get("a0_peer_id"));
        assertEquals("7", form.get("a0_message_id"));
        assertEquals("Новый текст", form.get("a0_message"));
        assertEquals("7", form.get("a1_message_ids"));
        assertEquals("Новый текст", edited.text());
        assertEquals(3, edited.conversationMessageId());
        assertEquals(Optional.of(java.time.Instant.ofEpochSecond(1764000300)), edited.editedAt(),
                "the edit time is the platform's");
        transport.requests.clear();

        transport.fail(new IOException("reset")).ok("[]");
        session.messages().delete(CHAT, List.of(MessageId.of(7), MessageId.of(8)), true);
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "message_ids", "7,8", "delete_for_all", "1"),
                form(1));
        transport.requests.clear();

        transport.fail(new IOException("reset")).ok("{}").ok("1");
        session.messages().pin(CHAT, MessageId.of(7));
        session.messages().unpin(CHAT);
        assertEquals(List.of("messages.pin", "messages.pin", "messages.unpin"),
                List.of(method(0), method(1), method(2)));
    }

    @Test
    @DisplayName("F-MSG-07 an edit refused inside execute (false + execute_errors) throws the same typed error as a"
            + " direct messages.edit, and is not retried")
    void editRefusedInsideExecute() {
        String unchanged = TestClients.message(7, 2000000001L, 3, 100001, "Старый текст");
        transport.body(200, "{\"response\":[false,{\"count\":1,\"items\":[" + unchanged + "]}],"
                + "\"execute_errors\":[{\"method\":\"messages.edit\",\"error_code\":909,"
                + "\"error_msg\":\"Can't edit this message, because it's too old\"}]}");
        org.sferum.sdk.error.ConflictException e = assertThrows(org.sferum.sdk.error.ConflictException.class,
                () -> session.messages().edit(CHAT, MessageId.of(7), "Новый текст"));
        assertEquals(ErrorCode.EDIT_WINDOW_EXPIRED, e.code());
        assertEquals(1, transport.requests.size());
    }

    @Test
    @DisplayName("F-MSG-07 F-MSG-11 an edit whose execute stays unanswered is OutcomeUnknownException naming the chat"
            + " and the message")
    void editOutcomeUnknown() {
        transport.fail(new IOException("reset")).fail(new IOException("reset")).fail(new IOException("reset"));
        org.sferum.sdk.error.OutcomeUnknownException e = assertThrows(
                org.sferum.sdk.error.OutcomeUnknownException.class,
                () -> session.messages().edit(CHAT, MessageId.of(7), "Новый текст"));
        assertEquals(Optional.of(CHAT), e.subject().chat());
        assertEquals(List.of(MessageId.of(7)), e.subject().messageIds());
        assertEquals("messages.edit", e.subject().operation());
    }

    @Test
    @DisplayName("F-MSG-07 F-MSG-11 an edit applied whose read inside execute failed is read on its own; when that"
            + " fails too the caller learns the edit stands (OutcomeUnknownException), never a plain failure")
    void editAppliedReadFailed() {
        String stored = TestClients.message(7, 2000000001L, 3, 100001, "Новый текст");
        String readFailed = "{\"response\":[1,false],\"execute_errors\":[{\"method\":\"messages.getById\","
                + "\"error_code\":10,\"error_msg\":\"Internal server error\"}]}";
        transport.body(200, readFailed).ok("{\"count\":1,\"items\":[" + stored + "]}");
        assertEquals("Новый текст", session.messages().edit(CHAT, MessageId.of(7), "Новый текст").text());
        assertEquals(List.of("execute", "messages.getById"), List.of(method(0), method(1)));
        transport.requests.clear();

        transport.body(200, readFailed).vkError(10, "Internal server error").vkError(10, "Internal server error")
                .vkError(10, "Internal server error");
        org.sferum.sdk.error.OutcomeUnknownException e = assertThrows(
                org.sferum.sdk.error.OutcomeUnknownException.class,
                () -> session.messages().edit(CHAT, MessageId.of(7), "Новый текст"));
        assertEquals(List.of(MessageId.of(7)), e.subject().messageIds());
        assertTrue(e.getMessage().contains("was applied"), e.getMessage());
    }

    @Test
    @DisplayName("F-MSG-04 F-MSG-05 F-CHAT-11 markAsImportant, report and setDisappearing send their parameters")
    void otherActions() {
        transport.ok("[7]").ok("1").ok("1").ok("1");
        assertEquals(List.of(MessageId.of(7)),
                session.messages().markImportant(List.of(MessageId.of(7), MessageId.of(9)), false));
        session.messages().report(CHAT, MessageId.of(7), ReportReason.ADULT_CONTENT);
        session.messages().setDisappearing(CHAT, Optional.of(Duration.ofMinutes(2)));
        session.messages().setDisappearing(CHAT, Optional.empty());
        assertEquals(Map.of("v", "5.199", "message_ids", "7,9", "important", "0"), form(0));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "message_id", "7", "reason", "adult_content"),
                form(1));
        assertEquals("120", form(2).get("ttl"));
        assertEquals("0", form(3).get("ttl"));
    }

    @Test
    @DisplayName("F-CHAT-09 search pages by offset while the total count goes beyond the page")
    void searchPaging() {
        String message = "{\"id\":5,\"date\":1764000000,\"peer_id\":2000000001,\"from_id\":100001,\"out\":1,"
                + "\"text\":\"Задача\",\"conversation_message_id\":5,\"version\":5}";
        transport.ok("{\"count\":3,\"items\":[" + message + "," + message.replace("\"id\":5", "\"id\":4") + "]}")
                .ok("{\"count\":3,\"items\":[" + message.replace("\"id\":5", "\"id\":3") + "]}");
        var first = session.messages().search(CHAT, "задача", PageRequest.ofSize(2));
        var second = session.messages().search(CHAT, "задача", PageRequest.ofSize(2).after(first.nextCursor().get()));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "q", "задача", "offset", "0", "count", "2"),
                form(0));
        assertEquals("2", form(1).get("offset"));
        assertEquals(1, second.items().size());
        assertTrue(second.nextCursor().isEmpty());
    }

    @Test
    @DisplayName("F-MSG-07 F-CHAT-09 bad input is refused before any request")
    void refusedLocally() {
        assertEquals(ErrorCode.MESSAGE_EMPTY, assertThrows(ValidationException.class,
                () -> session.messages().edit(CHAT, MessageId.of(1), " ")).code());
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, assertThrows(ValidationException.class,
                () -> session.messages().search(CHAT, "x", PageRequest.ofSize(101))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> session.messages().setDisappearing(CHAT, Optional.of(Duration.ofMillis(500)))).code());
        assertTrue(transport.requests.isEmpty());
    }
}
