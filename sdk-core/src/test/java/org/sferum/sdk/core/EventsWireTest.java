package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * sdk-core's events over the user long poll (docs/wire/events.md, F-EMB-02 partial) against scripted answers: the
 * requests, the decoding of update 900, the reconnections on {@code failed} and on transport errors with the retry
 * policy's backoff, and stopping on close and on the client's close.
 */
class EventsWireTest {
    private static final String KEY = "a1b2c3d4KEYSECRET";
    private static final String SERVER = "{\"server\":\"lp.emulator.test/lp/im\",\"key\":\"" + KEY + "\",\"ts\":7}";
    private static final String CALL = "lesson1_abc";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private SferumClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private Subscription subscribe() {
        client = TestClients.builder(transport, sleeps).build();
        return client.session(AccessToken.of(TestClients.TOKEN)).events().subscribe(events::add);
    }

    /** Answers one long poll with a body. */
    private ScriptedTransport poll(String body) {
        return transport.body(200, body);
    }

    /** The last step: holds the poll until the thread is interrupted. */
    private void hold() {
        transport.holdUntilInterrupted(holding, interrupted);
    }

    private void awaitHolding() throws InterruptedException {
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the subscription reached the held poll");
    }

    private static String started(String call) {
        return "[900,{\"event\":\"call_started\",\"call_id\":\"" + call + "\",\"type\":\"lesson\",\"title\":\"Урок\"}]";
    }

    private List<TransportRequest> polls() {
        return transport.requests.stream().filter(r -> r.uri().getPath().equals("/lp/im")).toList();
    }

    @Test
    @DisplayName("F-EMB-02: subscribe asks getLongPollServer, then polls the server with a form (key out of the URL, no token) and delivers call events in order")
    void pollsAndDelivers() throws Exception {
        transport.ok(SERVER);
        poll("{\"ts\":9,\"updates\":[" + started(CALL) + ",[900,{\"event\":\"participant_joined\",\"call_id\":\""
                + CALL + "\",\"participant_id\":\"p-100002\",\"name\":\"Иван Петров\"}]]}");
        poll("{\"ts\":11,\"updates\":[[900,{\"event\":\"hand_raised\",\"call_id\":\"" + CALL
                + "\",\"participant_id\":\"p-100002\",\"raised\":true}],[900,{\"event\":\"call_ended\",\"call_id\":\""
                + CALL + "\"}]]}");
        hold();
        subscribe();
        awaitHolding();

        CallId call = new CallId(CALL);
        assertEquals(List.of(new SferumEvent.CallStarted(call, CallKind.LESSON, "Урок"),
                new SferumEvent.ParticipantJoined(call, new ParticipantId("p-100002"), "Иван Петров"),
                new SferumEvent.HandRaised(call, new ParticipantId("p-100002"), true),
                new SferumEvent.CallEnded(call)), drain());

        TransportRequest server = transport.requests.get(0);
        assertEquals("messages.getLongPollServer", ScriptedTransport.method(server));
        assertEquals("3", ScriptedTransport.form(server).get("lp_version"));
        List<TransportRequest> polls = polls();
        assertEquals(3, polls.size());
        TransportRequest first = polls.get(0);
        assertEquals("POST", first.method());
        assertEquals("http://lp.emulator.test/lp/im", first.uri().toString(), "the API's scheme, no query");
        assertNull(first.header("Authorization"));
        assertEquals(Map.of("act", "a_check", "key", KEY, "ts", "7", "wait", "25", "mode", "2", "version", "3"),
                ScriptedTransport.form(first));
        assertEquals("9", ScriptedTransport.form(polls.get(1)).get("ts"));
        assertEquals("11", ScriptedTransport.form(polls.get(2)).get("ts"));
        assertTrue(first.timeout().compareTo(Duration.ofSeconds(25)) > 0, "waits longer than the server holds");
    }

    @Test
    @DisplayName("F-EMB-02: unknown update codes, flags and chat changes, unknown call events and malformed updates are skipped; the rest still arrives")
    void unknownSkipped() throws Exception {
        transport.ok(SERVER);
        poll("{\"ts\":12,\"updates\":[[80,3,0],[2,17,64,2000000001],[52,99,2000000001,5],[7,2000000001,17],[900,{\"event\":\"call_exploded\",\"call_id\":\"x\"}],"
                + "[900,{\"event\":\"call_started\"}],[900,\"not an object\"],[61,100001,1]," + started(CALL) + "]}");
        hold();
        subscribe();
        awaitHolding();
        assertEquals(List.of(new SferumEvent.CallStarted(new CallId(CALL), CallKind.LESSON, "Урок")), drain());
    }

    @Test
    @DisplayName("F-EMB-02: a recording is decoded with its link only when the server sent one")
    void recordingDecoded() throws Exception {
        transport.ok(SERVER);
        String recording = "{\"recording_id\":\"rec1\",\"call_id\":\"" + CALL + "\",\"title\":\"Урок\",\"recorded_by\":100001,"
                + "\"author\":\"self\",\"audience\":\"only_me\",\"started_at\":1764000000,\"stopped_at\":1764000600}";
        poll("{\"ts\":9,\"updates\":[[900,{\"event\":\"recording_ready\",\"call_id\":\"" + CALL + "\",\"recording\":"
                + recording + "}]]}");
        hold();
        subscribe();
        awaitHolding();
        SferumEvent.RecordingReady ready = (SferumEvent.RecordingReady) drain().get(0);
        assertEquals(RecordingAudience.ONLY_ME, ready.recording().audience());
        assertEquals(UserId.of(100001), ready.recording().recordedBy());
        assertEquals(Optional.empty(), ready.recording().link());
        assertFalse(ready.recording().recording());
    }

    @Test
    @DisplayName("F-EMB-02: failed 1 goes on with its ts; failed 2 takes a new key and keeps ts; failed 3 takes a new key and ts")
    void failedAnswers() throws Exception {
        transport.ok(SERVER);
        poll("{\"failed\":1,\"ts\":30}");
        poll("{\"failed\":2}");
        transport.ok("{\"server\":\"lp.emulator.test/lp/im\",\"key\":\"second\",\"ts\":99}");
        poll("{\"failed\":3}");
        transport.ok("{\"server\":\"lp.emulator.test/lp/im\",\"key\":\"third\",\"ts\":40}");
        hold();
        subscribe();
        awaitHolding();
        List<TransportRequest> polls = polls();
        assertEquals(List.of("7", "30", "30", "40"), polls.stream().map(r -> ScriptedTransport.form(r).get("ts")).toList());
        assertEquals(List.of(KEY, KEY, "second", "third"),
                polls.stream().map(r -> ScriptedTransport.form(r).get("key")).toList());
        assertEquals(List.of(), sleeps, "failed answers reconnect at once");
    }

    @Test
    @DisplayName("F-EMB-02: transport errors reconnect after the retry policy's growing backoff, keeping ts")
    void transportErrorsBackOff() throws Exception {
        transport.ok(SERVER);
        transport.fail(new ConnectException("refused"));
        transport.ok(SERVER); // reconnecting: a new key, ts kept
        transport.fail(new IOException("reset"));
        transport.ok(SERVER);
        poll("{\"ts\":8,\"updates\":[" + started(CALL) + "]}");
        hold();
        subscribe();
        awaitHolding();
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
        assertEquals(1, drain().size());
    }

    @Test
    @DisplayName("F-EMB-02: close interrupts the held poll, and nothing is delivered or asked for afterwards")
    void closeStops() throws Exception {
        transport.ok(SERVER);
        hold();
        Subscription subscription = subscribe();
        awaitHolding();
        subscription.close();
        subscription.close();
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the held poll was interrupted");
        assertTrue(transport.done());
        assertEquals(2, transport.requests.size());
    }

    @Test
    @DisplayName("F-EMB-02: closing the client stops its subscriptions")
    void clientCloseStops() throws Exception {
        transport.ok(SERVER);
        hold();
        subscribe();
        awaitHolding();
        client.close();
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the held poll was interrupted");
        assertThrows(IllegalStateException.class,
                () -> client.session(AccessToken.of(TestClients.TOKEN)).events().subscribe(events::add));
    }

    @Test
    @DisplayName("F-EMB-02: a refused token is thrown by subscribe itself; no thread is left polling")
    void refusedAtOnce() {
        transport.vkError(5, "User authorization failed");
        assertThrows(AuthenticationException.class, this::subscribe);
        assertEquals(1, transport.requests.size());
        assertTrue(transport.done());
    }

    @Test
    @DisplayName("F-EMB-02: neither the token nor the long poll key appears in a log line")
    void nothingLeaks() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            transport.ok(SERVER);
            transport.fail(new IOException("reset"));
            transport.ok(SERVER);
            poll("{\"failed\":2}");
            transport.ok(SERVER);
            hold();
            subscribe();
            awaitHolding();
            client.close();
            assertTrue(interrupted.await(5, TimeUnit.SECONDS));
            for (ILoggingEvent event : logs.events()) {
                String line = event.getFormattedMessage();
                assertFalse(line.contains(KEY) || line.contains(TestClients.TOKEN), line);
            }
            assertFalse(logs.events().isEmpty(), "the reconnections were logged");
        }
    }

    /** The events delivered so far: each update is delivered before the next poll, so all of them by the hold. */
    private List<SferumEvent> drain() {
        List<SferumEvent> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }
}
