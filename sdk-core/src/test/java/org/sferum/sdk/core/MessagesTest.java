package org.sferum.sdk.core;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/** Messages over the wire: send (F-MSG-01), history paging (F-MSG-11), read state. */
class MessagesTest {
    private static final ChatId CHAT = ChatId.group(1);
    private static final long PEER = 2000000001L;

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    private static String items(int total, String... messages) {
        return "{\"count\":" + total + ",\"items\":[" + String.join(",", messages) + "]}";
    }

    private static String[] messages(long fromId, long toId) {
        int step = fromId <= toId ? 1 : -1;
        return IntStream.rangeClosed(0, (int) Math.abs(toId - fromId))
                .mapToObj(i -> TestClients.message(fromId + (long) i * step, PEER, fromId + (long) i * step, 100001,
                        "m" + (fromId + (long) i * step)))
                .toArray(String[]::new);
    }

    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Иванова\"}]";

    private static String sentItem(long id, long cmid, String more) {
        return "[{\"peer_id\":" + PEER + ",\"message_id\":" + id + ",\"conversation_message_id\":" + cmid + more
                + "}]";
    }

    @Test
    @DisplayName("F-MSG-01 issue 15: send is one messages.send in its peer_ids form; the message is built from the"
            + " draft and the answer's ids, the author is the session's user (users.get once per session)")
    void send() {
        transport.ok(ME).ok(sentItem(17, 3, ",\"date\":1764000000")).ok(sentItem(18, 4, ",\"date\":1764000001"));

        Message sent = session.messages().send(CHAT, Draft.text("Я решил").replyTo(MessageId.of(15)).withRandomId(99));
        Message second = session.messages().send(CHAT, Draft.text("И я").withRandomId(100));

        assertEquals(new Message(MessageId.of(17), CHAT, 3, UserId.of(100001), "Я решил",
                Instant.ofEpochSecond(1764000000), Optional.empty(), Optional.of(MessageId.of(15)), List.of()), sent);
        assertEquals("users.get", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals("messages.send", ScriptedTransport.method(transport.requests.get(1)));
        assertEquals(Map.of("v", "5.199", "peer_ids", "2000000001", "random_id", "99", "message", "Я решил",
                "reply_to", "15"), ScriptedTransport.form(transport.requests.get(1)));
        assertEquals(MessageId.of(18), second.id());
        assertEquals(3, transport.requests.size(), "no read-back: one request per send after the first");
    }

    @Test
    @DisplayName("F-MSG-01 issue 15: without a date in the answer (VK's schema has none) the date is the client's"
            + " clock when the answer arrived, to the second")
    void sendDateFromClock() {
        Instant now = Instant.parse("2026-09-01T06:00:00.700Z");
        SferumSession clocked = TestClients.builder(transport, sleeps).clock(java.time.Clock.fixed(now,
                java.time.ZoneOffset.UTC)).build().session(AccessToken.of(TestClients.TOKEN));
        transport.ok(ME).ok(sentItem(17, 3, ""));
        assertEquals(Instant.parse("2026-09-01T06:00:00Z"), clocked.messages().send(CHAT, Draft.text("a")).sentAt());
    }

    @Test
    @DisplayName("F-MSG-01 without a random id in the draft, a non-zero one is generated")
    void sendGeneratesRandomId() {
        transport.ok(ME).ok(sentItem(17, 1, ""));
        session.messages().send(CHAT, Draft.text("a"));
        int randomId = Integer.parseInt(ScriptedTransport.form(transport.requests.get(1)).get("random_id"));
        assertTrue(randomId != 0);
        assertFalse(ScriptedTransport.form(transport.requests.get(1)).containsKey("reply_to"));
    }

    @Test
    @DisplayName("F-MSG-11 issue 12: an answer to send that cannot be read is asked again with the same random id")
    void sendMalformedAnswerRetried() {
        transport.ok(ME).body(200, "{\"response\":[{\"peer_id\":").ok("[{\"peer_id\":" + PEER + "}]")
                .ok(sentItem(17, 3, ""));
        Message sent = session.messages().send(CHAT, Draft.text("a"));
        assertEquals(MessageId.of(17), sent.id());
        assertEquals(4, transport.requests.size());
        String randomId = ScriptedTransport.form(transport.requests.get(1)).get("random_id");
        assertEquals(randomId, ScriptedTransport.form(transport.requests.get(2)).get("random_id"));
        assertEquals(randomId, ScriptedTransport.form(transport.requests.get(3)).get("random_id"));
    }

    @Test
    @DisplayName("F-MSG-11 issue 12: a send whose answers stay unreadable throws OutcomeUnknownException naming the"
            + " chat and the random id, never a plain failure")
    void sendOutcomeUnknown() {
        transport.ok(ME).body(200, "<html>").body(502, "").fail(new IOException("reset"));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> session.messages().send(CHAT, Draft.text("секретный текст")));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
        assertEquals(Optional.of(CHAT), e.subject().chat());
        assertEquals(Integer.parseInt(ScriptedTransport.form(transport.requests.get(1)).get("random_id")),
                e.subject().randomId().getAsInt());
        assertFalse(e.getMessage().contains("секретный"), e.getMessage());
        assertEquals(4, transport.requests.size());
    }

    @Test
    @DisplayName("F-MSG-11 issue 12: a refusal after an attempt whose outcome was unknown is OutcomeUnknownException;"
            + " refusals before execution only are plain failures")
    void refusalAfterUnknownAttempt() {
        transport.ok(ME).fail(new IOException("reset")).vkError(917, "You don't have access to this chat");
        assertThrows(OutcomeUnknownException.class, () -> session.messages().send(CHAT, Draft.text("a")));

        transport.requests.clear();
        transport.vkError(6, "Too many").vkError(9, "Flood").vkError(6, "Too many");
        org.sferum.sdk.error.RateLimitException limited = assertThrows(org.sferum.sdk.error.RateLimitException.class,
                () -> session.messages().send(CHAT, Draft.text("a")));
        assertEquals(ErrorCode.RATE_LIMITED, limited.code());
    }

    @Test
    @DisplayName("F-MSG-01 a refusal for the chat inside the peer_ids answer is the refusal's typed exception")
    void sendItemError() {
        transport.ok(ME).ok("[{\"peer_id\":" + PEER + ",\"message_id\":0,\"conversation_message_id\":0,"
                + "\"error\":{\"code\":917,\"description\":\"You don't have access to this chat\"}}]");
        org.sferum.sdk.error.PermissionDeniedException e = assertThrows(
                org.sferum.sdk.error.PermissionDeniedException.class,
                () -> session.messages().send(CHAT, Draft.text("a")));
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, e.code());
        assertEquals(2, transport.requests.size());
    }

    @Test
    @DisplayName("F-MSG-01 an invalid draft is refused by its type before anything is sent")
    void invalidDraft() {
        assertEquals(ErrorCode.MESSAGE_TOO_LONG, assertThrows(ValidationException.class,
                () -> session.messages().send(CHAT, Draft.text("я".repeat(9001)))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> session.messages().send(CHAT, null)).code());
        assertTrue(transport.requests.isEmpty());
    }

    @Test
    @DisplayName("F-MSG-11 history asks count+1, keeps count, and pages from the last message with offset=1")
    void historyPaging() {
        transport.ok(items(25, messages(25, 15)))   // 11 items: 25..15, newest first
                .ok(items(25, messages(15, 5)))     // the cursor is 16: 15..5
                .ok(items(25, messages(5, 1)));     // the cursor is 6: 5..1, fewer than asked

        Page<Message> first = session.messages().history(CHAT, HistoryQuery.newestFirst(10));
        assertEquals(ids(25, 16), first.items().stream().map(m -> m.id().value()).collect(Collectors.toList()));
        assertEquals(25, first.totalCount().orElseThrow());
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "count", "10", "rev", "0"),
                ScriptedTransport.form(transport.requests.get(0)));

        Page<Message> second = session.messages().history(CHAT,
                HistoryQuery.newestFirst(10).after(first.nextCursor().orElseThrow()));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "count", "10", "rev", "0",
                "start_message_id", "16", "offset", "1"), ScriptedTransport.form(transport.requests.get(1)));
        assertEquals(ids(15, 6), second.items().stream().map(m -> m.id().value()).collect(Collectors.toList()));

        Page<Message> third = session.messages().history(CHAT,
                HistoryQuery.newestFirst(10).after(second.nextCursor().orElseThrow()));
        assertEquals("6", ScriptedTransport.form(transport.requests.get(2)).get("start_message_id"));
        assertEquals(5, third.items().size());
        assertFalse(third.hasNext());
    }

    @Test
    @DisplayName("F-MSG-11 oldest first sends rev=1; exactly the page size is asked (issue 15); a full first page whose"
            + " count says it holds everything has no next page, a full later page may be followed by an empty one")
    void historyOldestFirstAndMaxSize() {
        transport.ok(items(3, messages(1, 3)));
        Page<Message> page = session.messages().history(CHAT, HistoryQuery.oldestFirst(5));
        assertEquals("1", ScriptedTransport.form(transport.requests.get(0)).get("rev"));
        assertEquals("5", ScriptedTransport.form(transport.requests.get(0)).get("count"));
        assertEquals(3, page.items().size());
        assertFalse(page.hasNext());

        transport.ok(items(200, messages(1, 200))).ok(items(400, messages(1, 200))).ok(items(400, messages(201, 400)))
                .ok(items(400));
        Page<Message> exact = session.messages().history(CHAT, HistoryQuery.oldestFirst(PageRequest.MAX_SIZE));
        assertEquals("200", ScriptedTransport.form(transport.requests.get(1)).get("count"));
        assertFalse(exact.hasNext(), "count 200: the first page holds everything");
        Page<Message> first = session.messages().history(CHAT, HistoryQuery.oldestFirst(PageRequest.MAX_SIZE));
        assertTrue(first.hasNext());
        Page<Message> full = session.messages().history(CHAT,
                HistoryQuery.oldestFirst(PageRequest.MAX_SIZE).after(first.nextCursor().orElseThrow()));
        assertTrue(full.hasNext(), "a later full page cannot know it was the last");
        Page<Message> after = session.messages().history(CHAT,
                HistoryQuery.oldestFirst(PageRequest.MAX_SIZE).after(full.nextCursor().orElseThrow()));
        assertTrue(after.items().isEmpty());
        assertFalse(after.hasNext());
    }

    @Test
    @DisplayName("F-MSG-11 iterateHistory reads every page in order")
    void iterate() {
        transport.ok(items(5, messages(1, 3))).ok(items(5, messages(3, 5))).ok(items(5, messages(5, 5)));
        List<Long> seen = new ArrayList<>();
        session.messages().iterateHistory(CHAT, HistoryQuery.oldestFirst(2)).forEach(m -> seen.add(m.id().value()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
        assertEquals("2", ScriptedTransport.form(transport.requests.get(1)).get("start_message_id"));
        assertEquals("4", ScriptedTransport.form(transport.requests.get(2)).get("start_message_id"));
        assertEquals(3, transport.requests.size());
    }

    @Test
    @DisplayName("F-MSG-11 a cursor not made by this chat's history in this order is INVALID_PAGE_REQUEST")
    void invalidCursors() {
        transport.ok(items(30, messages(30, 10))).ok("{\"count\":30,\"items\":[" + conversationItems(21) + "]}");
        PageCursor cursor = session.messages().history(CHAT, HistoryQuery.newestFirst(20)).nextCursor()
                .orElseThrow();
        PageCursor chatListCursor = session.chats().list(ChatFilter.ALL, PageRequest.ofSize(20)).nextCursor()
                .orElseThrow();
        int sent = transport.requests.size();
        for (HistoryQuery bad : List.of(
                HistoryQuery.newestFirst(20).after(PageCursor.of("not-a-cursor")),
                HistoryQuery.newestFirst(20).after(PageCursor.of("%%%")),
                HistoryQuery.oldestFirst(20).after(cursor),
                HistoryQuery.newestFirst(20).after(chatListCursor))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> session.messages().history(CHAT, bad));
            assertEquals(ErrorCode.INVALID_PAGE_REQUEST, e.code());
        }
        ValidationException otherChat = assertThrows(ValidationException.class,
                () -> session.messages().history(ChatId.group(2), HistoryQuery.newestFirst(20).after(cursor)));
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, otherChat.code());
        assertEquals(sent, transport.requests.size(), "nothing was sent for a bad cursor");
    }

    @Test
    @DisplayName("F-MSG-11 messages decode edits, replies and attachments; a community's message is left out")
    void decoding() {
        String edited = "{\"id\":9,\"date\":1764000000,\"update_time\":1764000600,\"peer_id\":2000000001,"
                + "\"from_id\":100002,\"text\":\"исправлено\",\"conversation_message_id\":\"4\","
                + "\"attachments\":[{\"type\":\"photo\",\"photo\":{\"id\":1}},{\"type\":\"poll\"}],"
                + "\"reply_message\":{\"conversation_message_id\":2,\"text\":\"без id\"}}";
        String community = "{\"id\":8,\"date\":1764000000,\"peer_id\":2000000001,\"from_id\":-123,\"text\":\"бот\"}";
        transport.ok(items(2, edited, community));
        Page<Message> page = session.messages().history(CHAT, HistoryQuery.newestFirst(5));
        assertEquals(1, page.items().size());
        Message message = page.items().get(0);
        assertEquals(Optional.of(Instant.ofEpochSecond(1764000600)), message.editedAt());
        assertEquals(Optional.empty(), message.replyTo());
        assertEquals(4, message.conversationMessageId());
        assertEquals(List.of(new Attachment.Unknown("photo"), new Attachment.Unknown("poll")), message.attachments());
    }

    @Test
    @DisplayName("F-MSG-11 markRead posts peer_id and start_message_id")
    void markRead() {
        transport.ok("1");
        session.messages().markRead(CHAT, MessageId.of(42));
        assertEquals("messages.markAsRead", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "start_message_id", "42"),
                ScriptedTransport.form(transport.requests.get(0)));
    }

    private static List<Long> ids(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long id = from; id >= to; id--) {
            out.add(id);
        }
        return out;
    }

    static String conversationItems(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{\"conversation\":{\"peer\":{\"id\":" + (2000000000 + i)
                + ",\"type\":\"chat\",\"local_id\":" + i + "},\"chat_settings\":{\"title\":\"c" + i
                + "\",\"members_count\":2}}}").collect(Collectors.joining(","));
    }
}
