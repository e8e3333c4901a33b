package org.sferum.sdk.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** The default transport against a server on the loopback interface (no outside network). */
class JdkHttpTransportTest {
    private HttpServer server;
    private URI base;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/method/users.get", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"response\":[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().add("X-Request-Id", seen.get("requestId"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    @DisplayName("a call goes out as a POST with the form body and headers, and the answer comes back")
    void roundTrip() {
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(base))
                .discoverPlugins(false).build()) {
            Person me = client.session(AccessToken.of("vk1.a.loopback")).me();
            assertEquals(new Person(UserId.of(100001), "Анна", "Петрова"), me);
        }
        assertEquals("POST", seen.get("method"));
        assertEquals("Bearer vk1.a.loopback", seen.get("authorization"));
        assertEquals("v=5.199", seen.get("body"));
        assertEquals(36, seen.get("requestId").length());
    }

    @Test
    @DisplayName("the transport returns status, headers and body; a request past its timeout fails with a timeout")
    void transport() throws IOException {
        try (JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(2))) {
            TransportResponse response = transport.execute(new TransportRequest("POST", base.resolve(
                    "/method/users.get"), Map.of("X-Request-Id", List.of("abc")), "v=5.199".getBytes(
                    StandardCharsets.US_ASCII), Duration.ofSeconds(2)));
            assertEquals(200, response.status());
            assertEquals("abc", response.header("x-request-id"));
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).startsWith("{\"response\""));
            assertArrayEquals(new byte[0], new TransportRequest("GET", base, Map.of(), null,
                    Duration.ofSeconds(1)).body());

            assertThrows(HttpTimeoutException.class, () -> transport.execute(new TransportRequest("GET",
                    base.resolve("/slow"), Map.of(), null, Duration.ofMillis(200))));
        }
    }

    @Test
    @DisplayName("a refused connection is retried for every call, then TRANSPORT_FAILURE")
    void refused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<Duration> sleeps = new ArrayList<>();
        try (SferumClient client = SferumClient.builder()
                .endpoints(Endpoints.emulator(URI.create("http://127.0.0.1:" + port)))
                .retryPolicy(RetryPolicy.defaults().withJitter(0)).sleeper(sleeps::add)
                .discoverPlugins(false).build()) {
            ServiceException e = assertThrows(ServiceException.class,
                    () -> client.session(AccessToken.of("vk1.a.loopback")).me());
            assertEquals(ErrorCode.TRANSPORT_FAILURE, e.code());
            assertTrue(e.getCause() instanceof ConnectException, String.valueOf(e.getCause()));
        }
        assertEquals(2, sleeps.size());
    }

    @Test
    @DisplayName("a closed transport refuses requests")
    void closed() {
        JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(1));
        transport.close();
        transport.close();
        assertThrows(IOException.class, () -> transport.execute(new TransportRequest("GET", base, Map.of(), null,
                Duration.ofSeconds(1))));
    }
}
