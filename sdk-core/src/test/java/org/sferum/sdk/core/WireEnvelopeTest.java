package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** The {"response"} / {"error"} envelope and transport-level answers, as docs/wire/vk-api.md says. */
class WireEnvelopeTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    private SferumSession session() {
        return TestClients.builder(transport, sleeps).build().session(AccessToken.of(TestClients.TOKEN));
    }

    @Test
    @DisplayName("a {\"response\"} envelope is read; unknown fields are ignored")
    void response() {
        transport.ok("[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\",\"is_closed\":false,"
                + "\"can_access_closed\":true,\"new_field\":{\"x\":[1,2]}}]");
        assertEquals(new Person(UserId.of(100001), "Анна", "Петрова"), session().me());
    }

    @Test
    @DisplayName("an {\"error\"} envelope becomes the typed exception with wire code and request id")
    void error() {
        transport.vkError(927, "Chat does not exist");
        SferumSession session = session();
        NotFoundException e = assertThrows(NotFoundException.class, session::me);
        assertEquals(ErrorCode.CHAT_NOT_FOUND, e.code());
        assertEquals(OptionalInt.of(927), e.wireCode());
        assertEquals(Optional.of(transport.requests.get(0).header("X-Request-Id")), e.requestId());
        assertTrue(e.getMessage().startsWith("users.get failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("Chat does not exist"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    @DisplayName("a body that is not JSON is MALFORMED_RESPONSE, not retried, and not quoted")
    void notJson() {
        for (int i = 0; i < 3; i++) {
            transport.body(200, "<html>secret-page-content</html>");
        }
        SferumSession session = session();
        ServiceException e = assertThrows(ServiceException.class, session::me);
        assertEquals(ErrorCode.MALFORMED_RESPONSE, e.code());
        assertFalse(e.getMessage().contains("secret-page-content"), e.getMessage());
        // Issue 12: an unreadable answer leaves the outcome unknown, so a read is asked again, up to the attempts.
        assertEquals(3, transport.requests.size());
        assertEquals(2, sleeps.size());
    }

    @Test
    @DisplayName("JSON that is not an envelope is MALFORMED_RESPONSE")
    void notAnEnvelope() {
        // Issue 12: a body that is not an envelope is retried for a read (the first two); an error without a code is not.
        transport.body(200, "[1,2,3]").body(200, "[1,2,3]").body(200, "[1,2,3]")
                .body(200, "{\"something\":1}").body(200, "{\"something\":1}").body(200, "{\"something\":1}")
                .body(200, "{\"error\":{\"error_msg\":\"x\"}}");
        SferumSession session = session();
        for (int i = 0; i < 3; i++) {
            ServiceException e = assertThrows(ServiceException.class, session::me);
            assertEquals(ErrorCode.MALFORMED_RESPONSE, e.code());
        }
        assertEquals(7, transport.requests.size());
    }

    @Test
    @DisplayName("an HTTP status other than 200 is MALFORMED_RESPONSE, not retried")
    void non200() {
        transport.body(404, "{\"response\":1}");
        SferumSession session = session();
        ServiceException e = assertThrows(ServiceException.class, session::me);
        assertEquals(ErrorCode.MALFORMED_RESPONSE, e.code());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(1, transport.requests.size());
    }

    @Test
    @DisplayName("HTTP 5xx is SERVICE_UNAVAILABLE, retried for a read until the attempts run out")
    void status5xx() {
        transport.body(502, "Bad gateway").body(503, "").body(500, "oops");
        SferumSession session = session();
        ServiceException e = assertThrows(ServiceException.class, session::me);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertEquals(3, transport.requests.size());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
    }

    @Test
    @DisplayName("fields are read leniently: booleans as 0/1, numbers as strings")
    void lenient() {
        transport.ok("{\"count\":\"1\",\"items\":[{\"conversation\":{\"peer\":{\"id\":2000000003,\"type\":\"chat\","
                + "\"local_id\":3},\"unread_count\":\"4\",\"is_marked_unread\":0,\"is_archived\":1,"
                + "\"sort_id\":{\"major_id\":16,\"minor_id\":3},\"push_settings\":{\"disabled_forever\":1,"
                + "\"no_sound\":true},\"chat_settings\":{\"owner_id\":100001,\"title\":\"5в\",\"members_count\":\"5\","
                + "\"state\":\"in\",\"is_group_channel\":\"false\"}},\"last_message\":{}}]}");
        SferumSession session = TestClients.builder(transport, sleeps)
                .clock(Clock.fixed(Instant.parse("2025-11-24T10:00:00Z"), ZoneOffset.UTC)).build()
                .session(AccessToken.of(TestClients.TOKEN));
        Page<ChatSummary> page = session.chats().list(ChatFilter.ALL, PageRequest.first());
        ChatSummary chat = page.items().get(0);
        assertEquals("5в", chat.title());
        assertEquals(4, chat.unreadCount());
        assertEquals(5, chat.membersCount());
        assertTrue(chat.archived());
        assertTrue(chat.pinned());
        assertTrue(chat.muted());
        assertEquals(Optional.empty(), chat.lastMessage());
        assertEquals(1, page.totalCount().orElseThrow());
    }

    @Test
    @DisplayName("a JSON number with a fraction or an out-of-range error code is not mistaken for a code")
    void oddErrorCode() {
        transport.body(200, "{\"error\":{\"error_code\":99999999999,\"error_msg\":\"x\"}}");
        SferumSession session = session();
        ServiceException e = assertThrows(ServiceException.class, session::me);
        assertInstanceOf(ServiceException.class, e);
        assertEquals(ErrorCode.MALFORMED_RESPONSE, e.code());
    }
}
