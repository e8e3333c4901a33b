package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.users.AccessToken;

/** The metrics SPI (F-EMB-03) against a scripted transport: calls, retries, refusals, long poll reconnections. */
class MetricsTest {
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]";
    private static final String SERVER = "{\"server\":\"lp.emulator.test/lp/im\",\"key\":\"KEYSECRET\",\"ts\":7}";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final RecordingMetrics metrics = new RecordingMetrics();
    private SferumClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private SferumSession session() {
        client = TestClients.builder(transport, sleeps).metrics(metrics).build();
        return client.session(AccessToken.of(TestClients.TOKEN));
    }

    @Test
    @DisplayName("F-EMB-03 a successful call is counted once: method, ok, one attempt")
    void success() {
        transport.ok(ME);
        session().me();
        assertEquals(List.of("completed users.get ok x1"), metrics.seen);
        assertFalse(metrics.durations.get(0).isNegative());
    }

    @Test
    @DisplayName("F-EMB-03 a retried failure: each retry with its cause and wait, then the call once with its attempts")
    void retried() {
        transport.vkError(6, "Too many requests per second").fail(new ConnectException("refused")).ok(ME);
        session().me();
        assertEquals(List.of(
                "retried users.get #1 RATE_LIMITED in " + sleeps.get(0).toMillis() + " ms",
                "retried users.get #2 TRANSPORT_FAILURE in " + sleeps.get(1).toMillis() + " ms",
                "completed users.get ok x3"), metrics.seen);
    }

    @Test
    @DisplayName("F-EMB-03 a call that fails after every attempt is counted with its code and attempts")
    void retriedAndFailed() {
        int max = RetryPolicy.defaults().maxAttempts();
        for (int i = 0; i < max; i++) {
            transport.vkError(10, "Internal server error");
        }
        SferumException e = assertThrows(SferumException.class, () -> session().me());
        assertEquals(max, metrics.seen.size(), metrics.seen.toString());
        for (int i = 0; i < max - 1; i++) {
            assertEquals("retried users.get #" + (i + 1) + " " + e.code().name() + " in " + sleeps.get(i).toMillis()
                    + " ms", metrics.seen.get(i));
        }
        assertEquals("completed users.get " + e.code().name() + " x" + max, metrics.seen.get(max - 1));
    }

    @Test
    @DisplayName("F-EMB-03 a refusal is counted once with its code, never retried")
    void refused() {
        transport.vkError(15, "Access denied");
        SferumException e = assertThrows(SferumException.class, () -> session().me());
        assertEquals(List.of("completed users.get " + e.code().name() + " x1"), metrics.seen);
    }

    @Test
    @DisplayName("F-EMB-03 a metrics plugin that throws changes nothing; the next plugin is still told")
    void throwingPlugin() {
        transport.ok(ME);
        client = TestClients.builder(transport, sleeps).metrics(new SferumMetrics() {
            @Override
            public void requestCompleted(String method, Optional<ErrorCode> failure, int attempts,
                                         Duration duration) {
                throw new IllegalStateException("broken plugin");
            }
        }).metrics(metrics).build();
        assertEquals("Анна Петрова", client.session(AccessToken.of(TestClients.TOKEN)).me().displayName());
        assertEquals(List.of("completed users.get ok x1"), metrics.seen);
    }

    @Test
    @DisplayName("F-EMB-03 without plugins nothing is counted: metrics() is empty")
    void noneByDefault() {
        client = TestClients.builder(transport, sleeps).build();
        assertTrue(client.metrics().isEmpty());
        SferumMetrics none = SferumMetrics.none();
        assertSame(none, SferumMetrics.none());
        none.requestCompleted("users.get", Optional.empty(), 1, Duration.ZERO);
    }

    @Test
    @DisplayName("F-EMB-03 the long poll's reconnections are counted: asked by the server (failed 2), after a failure")
    void longPollReconnects() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        transport.ok(SERVER);
        transport.body(200, "{\"failed\":2}");
        transport.ok(SERVER);
        transport.fail(new ConnectException("refused"));
        transport.ok(SERVER);
        transport.then(request -> {
            holding.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new InterruptedIOException("closed");
            }
            throw new IOException("never interrupted");
        });
        Subscription subscription = session().events().subscribe(event -> { });
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        subscription.close();
        assertEquals(List.of("completed messages.getLongPollServer ok x1", "reconnected ok",
                "completed messages.getLongPollServer ok x1", "reconnected TRANSPORT_FAILURE",
                "completed messages.getLongPollServer ok x1"), metrics.seen);
    }
}
