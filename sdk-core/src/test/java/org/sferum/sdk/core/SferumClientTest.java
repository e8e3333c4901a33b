package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/** The client's builder, lifecycle and the parts later issues deliver. */
class SferumClientTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    @DisplayName("defaults: API 5.199, 10 s per request, 3 attempts from 200 ms up to 5 s")
    @SuppressWarnings("deprecation") // production() stays, as vk()
    void defaults() {
        SferumClient client = SferumClient.builder().endpoints(Endpoints.vk()).transport(transport)
                .discoverPlugins(false).build();
        assertEquals("5.199", client.apiVersion());
        assertEquals(Duration.ofSeconds(10), client.requestTimeout());
        assertEquals(RetryPolicy.defaults(), client.retryPolicy());
        assertEquals(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5), client.retryPolicy());
        assertEquals(URI.create("https://api.vk.ru"), client.endpoints().api());
        assertEquals(URI.create("https://id.vk.com"), client.endpoints().id());
        assertEquals(Endpoints.vk(), new Endpoints(URI.create("https://api.vk.ru"), URI.create("https://id.vk.com")));
        assertEquals(Endpoints.vk(), Endpoints.production());
        assertTrue(client.interceptors().isEmpty());
    }

    @Test
    @DisplayName("the builder refuses missing endpoints and bad settings with typed errors")
    void builderChecks() {
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(ValidationException.class, () -> SferumClient.builder().build()).code());
        assertThrows(ValidationException.class, () -> SferumClient.builder().apiVersion("latest"));
        assertThrows(ValidationException.class, () -> SferumClient.builder().requestTimeout(Duration.ZERO));
        assertThrows(ValidationException.class, () -> SferumClient.builder().connectTimeout(Duration.ofSeconds(-1)));
        assertThrows(ValidationException.class, () -> Endpoints.emulator(URI.create("ftp://host/")));
        assertThrows(ValidationException.class, () -> Endpoints.emulator(URI.create("/relative")));
        assertThrows(ValidationException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0));
        assertThrows(ValidationException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(ValidationException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5));
        assertThrows(ValidationException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofDays(2), 0));
    }

    @Test
    @DisplayName("F-EMB-01 roster sync needs the service accounts; linking and account sessions need the application")
    void linkingNeedsApplication() {
        SferumClient client = TestClients.builder(transport, sleeps).build();
        IllegalStateException roster = assertThrows(IllegalStateException.class, client::roster);
        assertTrue(roster.getMessage().contains("rosterServiceAccounts"), roster.getMessage());
        for (Runnable call : List.<Runnable>of(client::links,
                () -> client.session(SchoolAccountId.of("journal-42")))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
            assertTrue(e.getMessage().contains("application(clientId, redirectUri)"), e.getMessage());
        }
        assertTrue(transport.requests.isEmpty());
    }

    @Test
    @DisplayName("close() is idempotent, closes the transport once, and later sessions are refused")
    void close() {
        SferumClient client = TestClients.builder(transport, sleeps).build();
        client.close();
        client.close();
        assertEquals(1, transport.closeCalls);
        assertThrows(IllegalStateException.class, () -> client.session(AccessToken.of(TestClients.TOKEN)));
    }

    @Test
    @DisplayName("a session of a closed client refuses calls without sending them")
    void sessionOfClosedClient() {
        SferumClient client = TestClients.builder(transport, sleeps).build();
        SferumSession session = client.session(AccessToken.of(TestClients.TOKEN));
        client.close();
        assertThrows(IllegalStateException.class, session::me);
        assertTrue(transport.requests.isEmpty());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    @DisplayName("me() asks users.get once and keeps the answer")
    void meIsCached() {
        transport.ok("[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]");
        SferumSession session = TestClients.builder(transport, sleeps).build()
                .session(AccessToken.of(TestClients.TOKEN));
        assertEquals("Анна Петрова", session.me().displayName());
        assertSame(session.me(), session.me());
        assertEquals(1, transport.requests.size());
        assertEquals("users.get", ScriptedTransport.method(transport.requests.get(0)));
    }
}
