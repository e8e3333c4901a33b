package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/** Retries: which failures, which calls, how long between attempts, and what stays the same across attempts. */
class RetryTest {
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]";
    private static final List<Duration> BACKOFFS = List.of(Duration.ofMillis(200), Duration.ofMillis(400));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    private SferumSession session() {
        return TestClients.builder(transport, sleeps).build().session(AccessToken.of(TestClients.TOKEN));
    }

    @AfterEach
    void scriptUsed() {
        assertTrue(transport.done(), "every scripted answer was asked for");
    }

    @ParameterizedTest(name = "VK error {0}")
    @ValueSource(ints = {6, 9, 10, 29})
    @DisplayName("transient VK errors are retried with exponential backoff, then the call succeeds")
    void transientVkErrorsAreRetried(int code) {
        transport.vkError(code, "try later").vkError(code, "try later").ok(ME);
        assertEquals(UserId.of(100001), session().me().id());
        assertEquals(3, transport.requests.size());
        assertEquals(BACKOFFS, sleeps);
    }

    @Test
    @DisplayName("VK error 1 (unknown) is not retried: it reads as UNKNOWN, which is not retryable")
    void unknownErrorIsNotRetried() {
        transport.vkError(1, "Unknown error occurred");
        SferumException e = assertThrows(SferumException.class, () -> session().me());
        assertEquals(ErrorCode.UNKNOWN, e.code());
        assertFalse(e.isRetryable());
        assertEquals(1, transport.requests.size());
    }

    @Test
    @DisplayName("HTTP 429 is a rate limit: retried after the Retry-After the gateway asked for, and surfaced on the exception")
    void http429HonoursRetryAfter() {
        transport.then(request -> new org.sferum.sdk.core.transport.TransportResponse(429,
                        java.util.Map.of("Retry-After", List.of("2")), new byte[0]))
                .then(request -> new org.sferum.sdk.core.transport.TransportResponse(429,
                        java.util.Map.of("retry-after", List.of("3")), new byte[0]))
                .then(request -> new org.sferum.sdk.core.transport.TransportResponse(429,
                        java.util.Map.of("Retry-After", List.of("1")), new byte[0]));
        RateLimitException e = assertThrows(RateLimitException.class, () -> session().me());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3)), sleeps);
        assertEquals(java.util.Optional.of(Duration.ofSeconds(1)), e.retryAfter());
        assertTrue(e.isRetryable());
    }

    @Test
    @DisplayName("an IOException is retried for a read")
    void ioExceptionIsRetried() {
        transport.fail(new IOException("connection reset")).ok(ME);
        assertEquals(UserId.of(100001), session().me().id());
        assertEquals(2, transport.requests.size());
        assertEquals(List.of(Duration.ofMillis(200)), sleeps);
    }

    @Test
    @DisplayName("a timeout is TRANSPORT_FAILURE, retried for a read until the attempts run out")
    void timeouts() {
        transport.fail(new HttpTimeoutException("request timed out")).fail(new HttpTimeoutException("t"))
                .fail(new HttpTimeoutException("t"));
        SferumSession session = session();
        ServiceException e = assertThrows(ServiceException.class, session::me);
        assertEquals(ErrorCode.TRANSPORT_FAILURE, e.code());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("within the timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getCause() instanceof HttpTimeoutException);
        assertEquals(BACKOFFS, sleeps);
    }

    @Test
    @DisplayName("a rate limit that persists ends in RateLimitException after the last attempt")
    void rateLimitPersists() {
        transport.vkError(6, "Too many requests per second").vkError(6, "x").vkError(6, "x");
        SferumSession session = session();
        RateLimitException e = assertThrows(RateLimitException.class, session::me);
        assertTrue(e.isRetryable());
        assertEquals(3, transport.requests.size());
    }

    @ParameterizedTest(name = "VK error {0}")
    @ValueSource(ints = {5, 100, 917, 1117, 927, 914})
    @DisplayName("refusals for a reason are never retried")
    void refusalsAreNotRetried(int code) {
        transport.vkError(code, "no");
        SferumSession session = session();
        SferumException e = assertThrows(SferumException.class, session::me);
        assertFalse(e.isRetryable());
        assertEquals(1, transport.requests.size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    @DisplayName("createChat is not retried after an IOException: the chat may exist already")
    void createChatNotRetriedAfterIoException() {
        transport.fail(new IOException("connection reset by peer"));
        SferumSession session = session();
        // Issue 12: the chat may exist now, so the caller is told the outcome is unknown, not that it failed.
        org.sferum.sdk.error.OutcomeUnknownException e = assertThrows(
                org.sferum.sdk.error.OutcomeUnknownException.class,
                () -> session.chats().create(NewChat.of("5в Математика", Set.of(UserId.of(100002)))));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
        assertEquals(ErrorCode.TRANSPORT_FAILURE, ((ServiceException) e.getCause()).code());
        assertEquals("messages.createChat", e.subject().operation());
        assertEquals(1, transport.requests.size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    @DisplayName("createChat is not retried after VK error 10 or HTTP 5xx: the outcome is unknown")
    void createChatNotRetriedAfterServerFailure() {
        transport.vkError(10, "Internal server error").body(503, "");
        SferumSession session = session();
        NewChat chat = NewChat.of("5в Математика", Set.of());
        assertEquals(ErrorCode.OUTCOME_UNKNOWN,
                assertThrows(ServiceException.class, () -> session.chats().create(chat)).code());
        assertEquals(ErrorCode.OUTCOME_UNKNOWN,
                assertThrows(ServiceException.class, () -> session.chats().create(chat)).code());
        assertEquals(2, transport.requests.size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    @DisplayName("issue 12: a createChat answer without a chat id leaves the creation unknown; it is not repeated")
    void createChatUnreadableAnswer() {
        transport.ok("{\"peer_ids\":[]}");
        org.sferum.sdk.error.OutcomeUnknownException e = assertThrows(
                org.sferum.sdk.error.OutcomeUnknownException.class,
                () -> session().chats().create(NewChat.of("5в Математика", Set.of())));
        assertEquals(ErrorCode.MALFORMED_RESPONSE, ((ServiceException) e.getCause()).code());
        assertEquals(1, transport.requests.size());
    }

    @Test
    @DisplayName("createChat is retried when the request surely did not arrive: no connection, or a rate limit")
    void createChatRetriedWhenNotExecuted() {
        transport.fail(new ConnectException("Connection refused")).vkError(6, "Too many requests per second")
                .ok("{\"chat_id\":7,\"peer_ids\":[]}");
        ChatId chat = session().chats().create(NewChat.of("5в Математика", Set.of()));
        assertEquals(ChatId.group(7), chat);
        assertEquals(3, transport.requests.size());
        assertEquals(BACKOFFS, sleeps);
    }

    @Test
    @DisplayName("F-MSG-11 a retried send keeps its X-Request-Id and random_id on every attempt")
    void sendKeepsIdsAcrossRetries() {
        transport.ok(ME).fail(new IOException("connection reset")).vkError(10, "Internal server error")
                .ok("[{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":1}]");
        Message sent = session().messages().send(ChatId.group(1), Draft.text("Контрольная"));

        assertEquals(17, sent.id().value());
        List<TransportRequest> sends = transport.requests.subList(1, 4);
        Set<String> requestIds = sends.stream().map(r -> r.header("X-Request-Id")).collect(Collectors.toSet());
        Set<String> randomIds = sends.stream().map(r -> ScriptedTransport.form(r).get("random_id"))
                .collect(Collectors.toSet());
        assertEquals(1, requestIds.size(), "one request id for the call: " + requestIds);
        assertEquals(1, randomIds.size(), "one random_id for the call: " + randomIds);
        assertFalse(randomIds.contains("0"));
        sends.forEach(r -> assertEquals("messages.send", ScriptedTransport.method(r)));
        assertEquals(4, transport.requests.size(), "users.get once, then the send's attempts; no read-back");
        assertEquals(BACKOFFS, sleeps);
    }

    @Test
    @DisplayName("F-MSG-11 two send calls without a random id get two different random ids")
    void randomIdPerCall() {
        String stored = "[{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":1}]";
        transport.ok(ME).ok(stored).ok(stored);
        SferumSession session = session();
        session.messages().send(ChatId.group(1), Draft.text("a"));
        session.messages().send(ChatId.group(1), Draft.text("a"));
        String first = ScriptedTransport.form(transport.requests.get(1)).get("random_id");
        String second = ScriptedTransport.form(transport.requests.get(2)).get("random_id");
        assertFalse(first.equals(second), first + " vs " + second);
    }

    @Test
    @DisplayName("waits double up to maxBackoff, and jitter only shortens them")
    void backoffs() {
        for (int i = 0; i < 5; i++) {
            transport.vkError(6, "x");
        }
        transport.ok(ME);
        TestClients.builder(transport, sleeps)
                .retryPolicy(new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(3), 0)).build()
                .session(AccessToken.of(TestClients.TOKEN)).me();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3)), sleeps);

        RetryPolicy jittered = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5);
        assertEquals(Duration.ofMillis(200), jittered.backoff(1, 0));
        assertEquals(Duration.ofMillis(100), jittered.backoff(1, 1));
        assertEquals(Duration.ofMillis(300), jittered.backoff(2, 0.5));
        assertEquals(Duration.ofSeconds(5), jittered.backoff(30, 0));
    }

    @Test
    @DisplayName("RetryPolicy.none() makes one attempt")
    void noRetries() {
        transport.vkError(6, "x");
        SferumSession session = TestClients.builder(transport, sleeps).retryPolicy(RetryPolicy.none()).build()
                .session(AccessToken.of(TestClients.TOKEN));
        assertThrows(RateLimitException.class, session::me);
        assertEquals(1, transport.requests.size());
    }

    @Test
    @DisplayName("an interrupt during the wait stops the retries and keeps the interrupt flag")
    void interruptedWait() {
        transport.vkError(6, "x");
        SferumSession session = TestClients.builder(transport, sleeps).sleeper(d -> {
            throw new InterruptedException();
        }).build().session(AccessToken.of(TestClients.TOKEN));
        try {
            assertThrows(RateLimitException.class, session::me);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, transport.requests.size());
    }
}
