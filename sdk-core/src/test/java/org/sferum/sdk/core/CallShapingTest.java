package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.AccessToken;

/** The per-token rate limit and automatic coalescing (issue 15). */
class CallShapingTest {
    private static final long PEER = 2000000001L;
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Иванова\"}]";

    @Test
    @DisplayName("F-MSG-01 a token over its rate limit waits for its turn instead of failing with error 6")
    void rateLimitQueues() {
        ScriptedTransport transport = new ScriptedTransport();
        for (int i = 0; i < 5; i++) {
            transport.ok("1");
        }
        List<Duration> sleeps = new ArrayList<>();
        SferumClient client = TestClients.builder(transport, sleeps)
                .clock(Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC))
                .rateLimit(3).build();
        SferumSession session = client.session(AccessToken.of(TestClients.TOKEN));
        for (int i = 0; i < 5; i++) {
            session.messages().markRead(ChatId.group(1), org.sferum.sdk.messages.MessageId.of(5));
        }
        assertEquals(5, transport.requests.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps,
                "the 4th and 5th request of the same second wait for the window to move");
    }

    /** Answers users.get, and every messages.send of an execute in order, counting the requests. */
    private static final class SendServer implements Transport {
        final List<String> methods = new CopyOnWriteArrayList<>();
        private long nextId = 1;

        @Override
        public synchronized TransportResponse execute(TransportRequest request) {
            String method = ScriptedTransport.method(request);
            methods.add(method);
            Map<String, String> form = ScriptedTransport.form(request);
            String body;
            if (method.equals("users.get")) {
                body = "{\"response\":" + ME + "}";
            } else if (method.equals("execute")) {
                StringBuilder items = new StringBuilder();
                for (int i = 0; form.containsKey("a" + i + "_peer_ids"); i++) {
                    items.append(i == 0 ? "" : ",").append(sent(nextId++));
                }
                body = "{\"response\":[" + items + "]}";
            } else {
                body = "{\"response\":" + sent(nextId++) + "}";
            }
            return new TransportResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        private static String sent(long id) {
            return "[{\"peer_id\":" + PEER + ",\"message_id\":" + id + ",\"conversation_message_id\":" + id + "}]";
        }
    }

    @Test
    @DisplayName("F-MSG-01 sends made together on one token go out as one execute, each caller with its own message")
    void concurrentSendsCoalesce() throws Exception {
        SendServer server = new SendServer();
        SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(TestClients.BASE)).transport(server)
                .discoverPlugins(false).coalesce(Duration.ofMillis(500)).build();
        SferumSession session = client.session(AccessToken.of(TestClients.TOKEN));
        session.me();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Message>> sends = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String text = "m" + i;
                sends.add(pool.submit(() -> {
                    start.await();
                    return session.messages().send(ChatId.group(1), Draft.text(text));
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < threads; i++) {
                Message message = sends.get(i).get();
                assertEquals("m" + i, message.text());
                ids.add(message.id().value());
            }
            assertEquals(threads, ids.size(), "each caller got its own message");
            long requests = server.methods.stream().filter(m -> !m.equals("users.get")).count();
            assertTrue(requests < threads, "8 concurrent sends took " + requests + " requests: " + server.methods);
            assertTrue(server.methods.contains("execute"), server.methods.toString());
        } finally {
            pool.shutdownNow();
            client.close();
        }
    }
}
