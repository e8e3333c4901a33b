package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;

/** The request side of docs/wire/calls.md: lesson calls, the calls tab, ending for everyone. */
class CallsWireTest {
    private static final String RUNNING = "{\"call_id\":\"c1\",\"type\":\"lesson\",\"title\":\"Онлайн-урок\","
            + "\"organiser_id\":100001,\"state\":\"running\",\"start_time\":1756710000,"
            + "\"join_link\":\"https://vk.com/call/join/k\",\"ok_join_link\":\"https://ok.ru/videochat/join/k\","
            + "\"short_credentials\":{\"id\":\"100000001\",\"password\":\"482913\"}}";
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    @Test
    @DisplayName("F-CALL-02 calls.createLessonCall carries the chat, the lesson key and time; the answer is decoded")
    void createLessonCall() {
        transport.ok(RUNNING);
        Call call = session.calls().createLessonCall(new Lesson("l-1", "5в", "Математика",
                Instant.ofEpochSecond(1756710000)), ChatId.group(1));
        assertEquals("calls.createLessonCall", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "lesson_key", "l-1", "class_name", "5в",
                "subject", "Математика", "start_time", "1756710000"), ScriptedTransport.form(transport.requests.get(0)));
        assertEquals(new CallId("c1"), call.id());
        assertEquals(CallState.RUNNING, call.state());
        assertEquals(Optional.of("https://vk.com/call/join/k"), call.joinLink());
    }

    @Test
    @DisplayName("F-SECT-02 calls.list pages by offset; a link on a call not running is ignored")
    void list() {
        transport.ok("{\"count\":2,\"items\":[" + RUNNING.replace("running", "scheduled") + "]}");
        Page<Call> page = session.calls().list(PageRequest.ofSize(1));
        assertEquals(Map.of("v", "5.199", "offset", "0", "count", "1"),
                ScriptedTransport.form(transport.requests.get(0)));
        assertEquals(Optional.empty(), page.items().get(0).joinLink());
        assertEquals(true, page.hasNext());
    }

    @Test
    @DisplayName("F-CALL-04 calls.forceFinish by call_id; 104 and 4107 are CALL_NOT_FOUND; a call without state is malformed")
    void forceFinishAndErrors() {
        transport.ok("1");
        session.calls().endForAll(new CallId("c1"));
        assertEquals("calls.forceFinish", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "call_id", "c1"), ScriptedTransport.form(transport.requests.get(0)));

        transport.vkError(104, "Not found");
        assertEquals(ErrorCode.CALL_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> session.calls().get(new CallId("c2"))).code());
        transport.vkError(4107, "Call not found");
        assertEquals(ErrorCode.CALL_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> session.calls().get(new CallId("c2"))).code());
        transport.vkError(4104, "You are not an admin of this call");
        assertEquals(ErrorCode.CALL_ADMIN_REQUIRED, assertThrows(PermissionDeniedException.class,
                () -> session.calls().endForAll(new CallId("c2"))).code());

        // F-EMB-04: VK's own method answers VK's generic code; the partner code rides as error_subcode
        transport.body(200, "{\"error\":{\"error_code\":15,\"error_subcode\":4104,\"error_msg\":\"no\","
                + "\"request_params\":[]}}");
        assertEquals(ErrorCode.CALL_ADMIN_REQUIRED, assertThrows(PermissionDeniedException.class,
                () -> session.calls().endForAll(new CallId("c2"))).code());
        transport.body(200, "{\"error\":{\"error_code\":15,\"error_subcode\":7,\"error_msg\":\"no\","
                + "\"request_params\":[]}}");
        assertEquals(ErrorCode.PERMISSION_DENIED, assertThrows(PermissionDeniedException.class,
                () -> session.calls().endForAll(new CallId("c2"))).code());

        transport.ok("{\"call_id\":\"c1\",\"organiser_id\":1,\"start_time\":1}");
        assertEquals(ErrorCode.MALFORMED_RESPONSE, assertThrows(ServiceException.class,
                () -> session.calls().get(new CallId("c1"))).code());
    }
}
