package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.spi.CompletedRequest;
import org.sferum.sdk.spi.OutgoingRequest;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.users.AccessToken;

/** Request interceptors (F-EMB-03): called on every attempt, may add headers, never the credentials. */
class InterceptorTest {
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    /** Records what it sees and tags each attempt. */
    static final class Recorder implements RequestInterceptor {
        final List<String> before = new CopyOnWriteArrayList<>();
        final List<CompletedRequest> after = new CopyOnWriteArrayList<>();

        @Override
        public void beforeSend(OutgoingRequest request) {
            before.add(request.operation() + "#" + request.attempt() + "@" + request.requestId());
            request.header("X-Trace", "attempt-" + request.attempt());
        }

        @Override
        public void afterComplete(CompletedRequest request) {
            after.add(request);
        }
    }

    @Test
    @DisplayName("F-EMB-03 an interceptor sees every attempt of a call with one request id, and adds headers")
    void everyAttempt() {
        Recorder recorder = new Recorder();
        transport.fail(new IOException("reset")).vkError(6, "Too many requests per second").ok(ME);
        TestClients.builder(transport, sleeps).interceptor(recorder).build()
                .session(AccessToken.of(TestClients.TOKEN)).me();

        String requestId = transport.requests.get(0).header("X-Request-Id");
        assertEquals(List.of("users.get#1@" + requestId, "users.get#2@" + requestId, "users.get#3@" + requestId),
                recorder.before);
        for (int i = 0; i < 3; i++) {
            assertEquals("attempt-" + (i + 1), transport.requests.get(i).header("X-Trace"));
        }
        assertEquals(3, recorder.after.size());
        assertEquals(ErrorCode.TRANSPORT_FAILURE, recorder.after.get(0).failure().orElseThrow().code());
        assertEquals(ErrorCode.RATE_LIMITED, recorder.after.get(1).failure().orElseThrow().code());
        assertTrue(recorder.after.get(2).failure().isEmpty());
        for (CompletedRequest done : recorder.after) {
            assertEquals("users.get", done.operation());
            assertEquals(requestId, done.requestId());
            assertFalse(done.duration().isNegative());
        }
    }

    @Test
    @DisplayName("F-EMB-03 interceptors cannot set Authorization or the request id; the call does not go out")
    void reservedHeaders() {
        for (String header : List.of("Authorization", "authorization", "Proxy-Authorization", "X-Request-Id",
                "Content-Type", "Bad Header")) {
            RequestInterceptor forger = new RequestInterceptor() {
                @Override
                public void beforeSend(OutgoingRequest request) {
                    request.header(header, "Bearer vk1.a.stolen");
                }
            };
            SferumSession session = TestClients.builder(transport, sleeps).interceptor(forger).build()
                    .session(AccessToken.of(TestClients.TOKEN));
            assertThrows(IllegalArgumentException.class, session::me, header);
        }
        RequestInterceptor lineBreak = new RequestInterceptor() {
            @Override
            public void beforeSend(OutgoingRequest request) {
                request.header("X-Ok", "a\r\nAuthorization: Bearer x");
            }
        };
        assertThrows(IllegalArgumentException.class, () -> TestClients.builder(transport, sleeps)
                .interceptor(lineBreak).build().session(AccessToken.of(TestClients.TOKEN)).me());
        assertTrue(transport.requests.isEmpty());
    }

    @Test
    @DisplayName("F-EMB-03 headers cannot be added once the attempt is sent; a failing afterComplete is ignored")
    void afterSend() {
        List<OutgoingRequest> kept = new ArrayList<>();
        RequestInterceptor keeper = new RequestInterceptor() {
            @Override
            public void beforeSend(OutgoingRequest request) {
                kept.add(request);
            }

            @Override
            public void afterComplete(CompletedRequest request) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        transport.ok(ME);
        TestClients.builder(transport, sleeps).interceptor(keeper).build()
                .session(AccessToken.of(TestClients.TOKEN)).me();
        assertThrows(IllegalStateException.class, () -> kept.get(0).header("X-Late", "1"));
    }

    @Test
    @DisplayName("F-EMB-03 the failure an interceptor sees is the exception the caller gets")
    void sameFailure() {
        Recorder recorder = new Recorder();
        transport.vkError(917, "You don't have access to this chat");
        SferumSession session = TestClients.builder(transport, sleeps).interceptor(recorder).build()
                .session(AccessToken.of(TestClients.TOKEN));
        SferumException thrown = assertThrows(SferumException.class, session::me);
        assertSame(thrown, recorder.after.get(0).failure().orElseThrow());
    }

    @Test
    @DisplayName("F-EMB-03 interceptors run in the order they were added")
    void order() {
        List<String> calls = new CopyOnWriteArrayList<>();
        transport.ok(ME);
        TestClients.builder(transport, sleeps)
                .interceptor(new RequestInterceptor() {
                    @Override
                    public void beforeSend(OutgoingRequest request) {
                        calls.add("first");
                    }
                })
                .interceptor(new RequestInterceptor() {
                    @Override
                    public void beforeSend(OutgoingRequest request) {
                        calls.add("second");
                    }
                })
                .build().session(AccessToken.of(TestClients.TOKEN)).me();
        assertEquals(List.of("first", "second"), calls);
    }
}
