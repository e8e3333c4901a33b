package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The JWK set cache (Nimbus's JWKSourceBuilder behind {@link IdTokenKeys#jwks}) against the emulator on loopback:
 * sdk-core links accounts through the emulator's VK ID and checks its ID tokens against the emulator's
 * {@code /.well-known/jwks.json}, reached through a loopback relay that counts the fetches and can serve a key set
 * without the emulator's key (a rotation the client has not seen) or fail (an outage).
 */
class JwksCacheOnEmulatorTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
    private final SferumEmulator emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
    private final DemoSchool school = emulator.demoSchool().orElseThrow();
    private final JwksRelay relay = new JwksRelay(URI.create(emulator.baseUri() + "/.well-known/jwks.json"));
    private SferumClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        relay.close();
        emulator.close();
    }

    @Test
    @DisplayName("F-LINK-11 a token whose key id the kept set lacks (VK ID rotated its key) fetches the set once more,"
            + " then the set is kept")
    void rotationFetchesOnceMore() {
        relay.mode = Mode.RETIRED_KEY_ONCE;
        client = client(IdTokenKeys.jwks(relay.uri()));

        Link link = link("esh-teacher-0001", school.teacher(), Role.TEACHER);
        assertEquals(school.teacher().id(), link.user());
        assertEquals(2, relay.fetches.get(), "the first set lacked the key: exactly one more fetch");

        link("esh-student-0042", school.students().get(0), Role.STUDENT);
        assertEquals(2, relay.fetches.get(), "the set now holds the key: kept, not fetched");
    }

    @Test
    @DisplayName("F-LINK-11 tokens naming a key VK ID does not publish are refused, and fetch the set at most twice per"
            + " rate-limit interval")
    void unknownKeysAreRateLimited() {
        relay.mode = Mode.RETIRED_KEY;
        client = client(IdTokenKeys.jwks(relay.uri()));

        for (int i = 0; i < 3; i++) {
            SchoolAccountId account = SchoolAccountId.of("esh-teacher-000" + i);
            SferumException e = assertThrows(SferumException.class,
                    () -> link(account.value(), school.teacher(), Role.TEACHER));
            assertEquals(ErrorCode.ID_TOKEN_SIGNATURE_INVALID, e.code(), e.getMessage());
            assertTrue(client.links().find(account).isEmpty(), "a refused token links nothing");
        }
        assertEquals(2, relay.fetches.get(), "the first fetch and one refetch; the rest waits for the interval");
    }

    @Test
    @DisplayName("F-LINK-11 the kept set expires and is fetched again; while the JWKS URL fails the last set is still"
            + " used (outage tolerance)")
    void expiryAndOutageTolerance() throws InterruptedException {
        Duration ttl = Duration.ofMillis(300);
        client = client(IdTokenKeys.jwks(relay.uri(), ttl, Duration.ofMillis(100), Duration.ofHours(1)));

        link("esh-teacher-0001", school.teacher(), Role.TEACHER);
        assertEquals(1, relay.fetches.get());
        Thread.sleep(ttl.toMillis() + 200); // past the time to live: Nimbus reads the system clock, not the test's
        link("esh-student-0042", school.students().get(0), Role.STUDENT);
        int afterExpiry = relay.fetches.get();
        assertTrue(afterExpiry >= 2, "the expired set is fetched again: " + afterExpiry);

        relay.mode = Mode.DOWN;
        Thread.sleep(ttl.toMillis() + 200);
        Link during = link("esh-student-0043", school.students().get(1), Role.STUDENT);
        assertEquals(school.students().get(1).id(), during.user(), "linked with the last set during the outage");
        assertTrue(relay.failed.get() >= 1, "the set was asked for and the relay failed");
    }

    @Test
    @DisplayName("F-LINK-11 with no outage tolerance an expired set that cannot be fetched fails the link with a typed,"
            + " retryable error")
    void noOutageToleranceFails() throws InterruptedException {
        Duration ttl = Duration.ofMillis(300);
        client = client(IdTokenKeys.jwks(relay.uri(), ttl, Duration.ofMillis(100), Duration.ZERO));

        link("esh-teacher-0001", school.teacher(), Role.TEACHER);
        relay.mode = Mode.DOWN;
        Thread.sleep(ttl.toMillis() + 200);
        SferumException e = assertThrows(SferumException.class,
                () -> link("esh-student-0042", school.students().get(0), Role.STUDENT));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.code().retryable());
        assertTrue(client.links().find(SchoolAccountId.of("esh-student-0042")).isEmpty());
    }

    @Test
    @DisplayName("F-LINK-11 the JWKS cache's durations are checked: the rate limit inside the time to live, outage"
            + " tolerance zero or at least the time to live")
    void durationsAreChecked() {
        URI uri = relay.uri();
        Duration second = Duration.ofSeconds(1);
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SferumException.class,
                () -> IdTokenKeys.jwks(uri, second, second, Duration.ZERO)).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SferumException.class,
                () -> IdTokenKeys.jwks(uri, second, Duration.ZERO, Duration.ZERO)).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SferumException.class,
                () -> IdTokenKeys.jwks(uri, second, Duration.ofMillis(100), Duration.ofMillis(500))).code());
    }

    private SferumClient client(IdTokenKeys keys) {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .idTokenKeys(keys)
                .clock(clock)
                .discoverPlugins(false)
                .build();
    }

    /** Links an account through the emulator's VK ID pages (variant 1: phone, password, SMS code, profile). */
    private Link link(String account, SeededUser user, Role role) {
        SchoolAccountId id = SchoolAccountId.of(account);
        VkIdLogin login = emulator.vkIdUsers().open(client.links().start(id, role).authorizationUri());
        login.enterPhone(user.phone());
        login.enterPassword(DemoSchool.PASSWORD);
        login.enterSmsCode(emulator.vkIdUsers().lastSmsCode(user.phone()).orElseThrow());
        login.continueInProfile();
        Map<String, String> callback = login.confirm();
        return client.links().complete(callback, id);
    }

    private enum Mode { PASS, RETIRED_KEY_ONCE, RETIRED_KEY, DOWN }

    /** A loopback relay in front of the emulator's JWKS that counts fetches and plays rotation and outage. */
    private static final class JwksRelay implements AutoCloseable {
        private static final String RETIRED = new JWKSet(FakeVkId.newKey("retired-key").toPublicJWK()).toString();

        final AtomicInteger fetches = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile Mode mode = Mode.PASS;
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();

        JwksRelay(URI upstream) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/jwks.json", exchange -> {
                fetches.incrementAndGet();
                int status = 200;
                String body;
                Mode now = mode;
                if (now == Mode.RETIRED_KEY_ONCE) {
                    mode = Mode.PASS;
                }
                try {
                    body = switch (now) {
                        case RETIRED_KEY, RETIRED_KEY_ONCE -> RETIRED;
                        case DOWN -> "{\"error\":\"temporarily_unavailable\"}";
                        case PASS -> http.send(HttpRequest.newBuilder(upstream).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                    };
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    body = "{}";
                }
                if (now == Mode.DOWN) {
                    status = 503;
                    failed.incrementAndGet();
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
