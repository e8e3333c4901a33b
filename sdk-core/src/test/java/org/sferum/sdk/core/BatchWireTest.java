package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.users.AccessToken;

/** sdk-core's batch on the wire (issue 15): one {@code execute} per 25 calls, values as {@code Args}, retries. */
class BatchWireTest {
    private static final ChatId CHAT = ChatId.group(1);
    private static final long PEER = 2000000001L;
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Иванова\"}]";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    private static String sent(long id, long cmid) {
        return "[{\"peer_id\":" + PEER + ",\"message_id\":" + id + ",\"conversation_message_id\":" + cmid + "}]";
    }

    @Test
    @DisplayName("F-MSG-01 a batch is one execute: the program names Args only, results and execute_errors reach"
            + " their own callers")
    void oneExecute() {
        transport.ok(ME).body(200, "{\"response\":[" + sent(17, 3) + ",false,{\"count\":0,\"items\":[]}],"
                + "\"execute_errors\":[{\"method\":\"messages.send\",\"error_code\":917,"
                + "\"error_msg\":\"You don't have access to this chat\"}]}");
        Batch batch = session.batch();
        Pending<Message> first = batch.send(CHAT, Draft.text("Привет\"]; API.x({})").withRandomId(5));
        Pending<Message> refused = batch.send(ChatId.group(2), Draft.text("Нельзя"));
        Pending<Page<Message>> page = batch.history(CHAT, HistoryQuery.newestFirst(20));
        batch.execute();

        assertEquals(2, transport.requests.size(), "users.get once, then one execute");
        Map<String, String> form = ScriptedTransport.form(transport.requests.get(1));
        assertEquals("execute", ScriptedTransport.method(transport.requests.get(1)));
        assertEquals("return [API.messages.send({\"peer_ids\":Args.a0_peer_ids,\"random_id\":Args.a0_random_id,"
                + "\"message\":Args.a0_message}),API.messages.send({\"peer_ids\":Args.a1_peer_ids,"
                + "\"random_id\":Args.a1_random_id,\"message\":Args.a1_message}),API.messages.getHistory({"
                + "\"peer_id\":Args.a2_peer_id,\"count\":Args.a2_count,\"rev\":Args.a2_rev})];", form.get("code"));
        assertEquals("Привет\"]; API.x({})", form.get("a0_message"), "text travels as an argument only");
        assertEquals("5", form.get("a0_random_id"));
        assertEquals(17, first.get().id().value());
        assertEquals(3, first.get().conversationMessageId());
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, assertThrows(PermissionDeniedException.class, refused::get).code());
        assertTrue(page.get().items().isEmpty());
    }

    @Test
    @DisplayName("F-MSG-01 32 calls go out as two executes of 25 and 7")
    void splitAt25() {
        transport.ok(ME);
        StringBuilder first = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            first.append(i == 1 ? "" : ",").append(sent(i, i));
        }
        StringBuilder second = new StringBuilder();
        for (int i = 26; i <= 32; i++) {
            second.append(i == 26 ? "" : ",").append(sent(i, i));
        }
        transport.ok("[" + first + "]").ok("[" + second + "]");
        Batch batch = session.batch();
        List<Pending<Message>> sends = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            sends.add(batch.send(CHAT, Draft.text("m" + i)));
        }
        batch.execute();

        assertEquals(3, transport.requests.size());
        assertTrue(ScriptedTransport.form(transport.requests.get(1)).containsKey("a24_message"));
        assertFalse(ScriptedTransport.form(transport.requests.get(1)).containsKey("a25_message"));
        assertEquals("m31", ScriptedTransport.form(transport.requests.get(2)).get("a6_message"));
        for (int i = 0; i < 32; i++) {
            assertEquals(i + 1, sends.get(i).get().id().value());
        }
    }

    @Test
    @DisplayName("F-MSG-11 an execute whose answer is lost is repeated with the same random ids; when it stays"
            + " unknown each send gets its own OutcomeUnknownException, a read its plain failure")
    void lostAnswer() {
        transport.ok(ME);
        for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
            transport.fail(new HttpTimeoutException("request timed out"));
        }
        Batch batch = session.batch();
        Pending<Message> send = batch.send(CHAT, Draft.text("Важное").withRandomId(77));
        Pending<Page<Message>> page = batch.history(CHAT, HistoryQuery.newestFirst(20));
        batch.execute();

        List<String> randomIds = new ArrayList<>();
        for (int i = 1; i < transport.requests.size(); i++) {
            randomIds.add(ScriptedTransport.form(transport.requests.get(i)).get("a0_random_id"));
        }
        assertEquals(RetryPolicy.defaults().maxAttempts(), randomIds.size(), "retried: every inner call is idempotent");
        assertTrue(randomIds.stream().allMatch("77"::equals), randomIds.toString());
        OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class, send::get);
        assertEquals(OptionalInt.of(77), unknown.subject().randomId());
        assertEquals(CHAT, unknown.subject().chat().orElseThrow());
        SferumException read = assertThrows(SferumException.class, page::get);
        assertFalse(read instanceof OutcomeUnknownException, "a read has no effect to be unknown");
        assertEquals(ErrorCode.TRANSPORT_FAILURE, read.code());
    }

    @Test
    @DisplayName("F-MSG-01 an answer that does not match the calls is malformed: sends become outcome-unknown")
    void malformed() throws IOException {
        transport.ok(ME);
        for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
            transport.ok("[1]");
        }
        Batch batch = session.batch();
        Pending<Message> a = batch.send(CHAT, Draft.text("a"));
        Pending<Message> b = batch.send(CHAT, Draft.text("b"));
        batch.execute();
        assertThrows(OutcomeUnknownException.class, a::get);
        assertThrows(OutcomeUnknownException.class, b::get);
    }
}
