package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * Client-wide event listeners (F-EMB-03): they receive the events of the accounts given to
 * {@code subscribeAll}, with the account, and nothing of a session's own subscription.
 */
class ClientListenersTest {
    private static final SchoolAccountId ACCOUNT = SchoolAccountId.of("journal-42");
    private static final SchoolAccountId UNLINKED = SchoolAccountId.of("journal-99");
    private static final String SERVER = "{\"server\":\"lp.emulator.test/lp/im\",\"key\":\"KEYSECRET\",\"ts\":7}";
    private static final String CALL = "lesson1_abc";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final LinkStore links = LinkStore.inMemory();
    private final TokenStore tokens = TokenStore.inMemory();
    private final BlockingQueue<String> clientWide = new LinkedBlockingQueue<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private SferumClient client;

    /** Records what it receives as {@code account: event}. */
    private final SferumEventListener recorder = new SferumEventListener() {
        @Override
        public void onEvent(SferumEvent event) {
            clientWide.add("no account: " + event);
        }

        @Override
        public void onEvent(SchoolAccountId account, SferumEvent event) {
            clientWide.add(account.value() + ": " + event);
        }
    };

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private SferumClient.Builder builder() {
        if (links.findByAccount(ACCOUNT).isEmpty()) {
            links.insert(new Link(ACCOUNT, UserId.of(100001), Role.TEACHER, Instant.now()));
        }
        tokens.put(ACCOUNT, new TokenSet(AccessToken.of(TestClients.TOKEN), "refresh-secret", "device-1",
                Instant.now().plus(Duration.ofDays(1))));
        return TestClients.builder(transport, sleeps)
                .application("51000000", URI.create("https://school.example/sferum/callback"))
                .linkStore(links)
                .tokenStore(tokens);
    }

    /** One account's long poll: the server, one call event, then a poll held until the thread is interrupted. */
    private void scriptOneEvent() {
        transport.ok(SERVER);
        transport.body(200, "{\"ts\":9,\"updates\":[[900,{\"event\":\"call_started\",\"call_id\":\"" + CALL
                + "\",\"type\":\"lesson\",\"title\":\"Урок\"}]]}");
        hold();
    }

    private void hold() {
        transport.holdUntilInterrupted(holding, interrupted);
    }

    private static String started() {
        return new SferumEvent.CallStarted(new CallId(CALL), CallKind.LESSON, "Урок").toString();
    }

    @Test
    @DisplayName("F-EMB-03 subscribeAll delivers each account's events to every client-wide listener, with the account; one that throws stops nothing; close stops")
    void subscribeAllDelivers() throws Exception {
        scriptOneEvent();
        client = builder().eventListener(event -> {
            throw new IllegalStateException("broken listener");
        }).eventListener(recorder).build();

        Subscription all = client.subscribeAll(List.of(ACCOUNT, ACCOUNT));

        assertEquals("journal-42: " + started(), clientWide.poll(10, TimeUnit.SECONDS));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        all.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "closing stopped the long poll");
        assertEquals(1, transport.requests.stream()
                .filter(r -> "messages.getLongPollServer".equals(ScriptedTransport.method(r))).count(),
                "a repeated account is subscribed once");
        assertTrue(clientWide.isEmpty());
    }

    @Test
    @DisplayName("F-EMB-03 a session's own subscription delivers to its listener only, never to client-wide listeners")
    void ownSubscriptionIsPrivate() throws Exception {
        scriptOneEvent();
        client = builder().eventListener(recorder).build();
        BlockingQueue<SferumEvent> own = new LinkedBlockingQueue<>();

        try (Subscription subscription = client.session(ACCOUNT).events().subscribe(own::add)) {
            assertEquals(started(), own.poll(10, TimeUnit.SECONDS).toString());
            assertTrue(holding.await(10, TimeUnit.SECONDS));
        }
        assertTrue(clientWide.isEmpty(), "client-wide listeners received " + clientWide);
    }

    @Test
    @DisplayName("F-EMB-03 subscribeAll without client-wide listeners is refused; an unlinked account closes the ones opened and throws NOT_LINKED")
    void refusals() throws Exception {
        client = builder().build();
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> client.subscribeAll(List.of(ACCOUNT)));
        assertTrue(none.getMessage().contains("eventListener"), none.getMessage());
        client.close();

        transport.ok(SERVER);
        hold();
        client = builder().eventListener(recorder).build();
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.subscribeAll(List.of(ACCOUNT, UNLINKED)));
        assertEquals(ErrorCode.NOT_LINKED, e.code());
        // The account already subscribed was closed: its thread stops before polling, or its poll is interrupted.
        assertTrue(!holding.await(1, TimeUnit.SECONDS) || interrupted.await(10, TimeUnit.SECONDS),
                "the account already subscribed was closed");
    }
}
