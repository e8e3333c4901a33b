package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.users.AccessToken;

/** The request side of docs/wire/vk-api.md: address, form body, headers, token placement. */
class WireFormatTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    private SferumSession session(SferumClient.Builder builder) {
        return builder.build().session(AccessToken.of(TestClients.TOKEN));
    }

    @Test
    @DisplayName("the token travels in the Authorization header only: not in the URL, the body or another header")
    void tokenInHeaderOnly() {
        transport.ok("[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]").ok("[{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":1}]");
        session(TestClients.builder(transport, sleeps)).messages().send(ChatId.group(1), Draft.text("Привет"));

        assertEquals(2, transport.requests.size());
        for (TransportRequest request : transport.requests) {
            assertEquals("Bearer " + TestClients.TOKEN, request.header("Authorization"));
            assertFalse(request.uri().toString().contains("SECRET"), request.uri().toString());
            String body = new String(request.body(), StandardCharsets.US_ASCII);
            assertFalse(body.contains("SECRET"), body);
            assertFalse(body.contains("access_token"), body);
            request.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Authorization")) {
                    values.forEach(v -> assertFalse(v.contains("SECRET"), name));
                }
            });
            assertFalse(request.toString().contains("SECRET"), "toString hides the credentials");
        }
    }

    @Test
    @DisplayName("POST {api}/method/{name} with a UTF-8 form body holding v first and the parameters")
    void formBody() {
        transport.ok("[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]").ok("[{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":1}]");
        session(TestClients.builder(transport, sleeps)).messages()
                .send(ChatId.group(1), Draft.text("Домашнее задание: №15 & 16 = 100%").withRandomId(42));

        TransportRequest send = transport.requests.get(1);
        assertEquals("POST", send.method());
        assertEquals(URI.create("http://emulator.test:8080/method/messages.send"), send.uri());
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", send.header("Content-Type"));
        assertEquals("application/json", send.header("Accept"));
        String body = new String(send.body(), StandardCharsets.US_ASCII);
        assertTrue(body.startsWith("v=5.199&"), body);
        assertTrue(body.contains("message=%D0%94%D0%BE%D0%BC"), "UTF-8 percent-encoded: " + body);
        Map<String, String> form = ScriptedTransport.form(send);
        assertEquals(Map.of("v", "5.199", "peer_ids", "2000000001", "random_id", "42",
                "message", "Домашнее задание: №15 & 16 = 100%"), form);
        assertEquals(Duration.ofSeconds(10), send.timeout());
    }

    @Test
    @DisplayName("X-Request-Id is a fresh UUID per call")
    void requestIds() {
        transport.ok("[{\"id\":1,\"first_name\":\"a\",\"last_name\":\"b\"}]")
                .ok("[{\"id\":1,\"first_name\":\"a\",\"last_name\":\"b\"}]");
        SferumClient client = TestClients.builder(transport, sleeps).build();
        client.session(AccessToken.of(TestClients.TOKEN)).me();
        client.session(AccessToken.of(TestClients.TOKEN)).me();
        String first = transport.requests.get(0).header("X-Request-Id");
        String second = transport.requests.get(1).header("X-Request-Id");
        assertEquals(first, UUID.fromString(first).toString());
        assertNotEquals(first, second);
    }

    @Test
    @DisplayName("the API version, the request timeout and a base address with a path are honoured")
    void settings() {
        transport.ok("[{\"id\":1,\"first_name\":\"a\",\"last_name\":\"b\"}]");
        session(TestClients.builder(transport, sleeps).apiVersion("5.246").requestTimeout(Duration.ofSeconds(3))
                .endpoints(Endpoints.emulator(URI.create("http://127.0.0.1:9000/vk/")))).me();
        TransportRequest request = transport.requests.get(0);
        assertEquals(URI.create("http://127.0.0.1:9000/vk/method/users.get"), request.uri());
        assertEquals(Map.of("v", "5.246"), ScriptedTransport.form(request));
        assertEquals(Duration.ofSeconds(3), request.timeout());
    }
}
