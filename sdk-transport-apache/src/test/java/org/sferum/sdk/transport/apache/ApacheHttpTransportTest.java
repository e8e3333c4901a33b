package org.sferum.sdk.transport.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.emulator.SferumEmulator;

/** The Apache transport's own rules (issue 15): discovery, failures that prove nothing was sent, cancelling. */
class ApacheHttpTransportTest {

    private static TransportRequest post(URI uri, String body, Duration timeout) {
        Map<String, java.util.List<String>> headers = TransportRequest.newHeaders();
        TransportRequest.addHeader(headers, "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        return new TransportRequest("POST", uri, headers, body.getBytes(StandardCharsets.US_ASCII), timeout);
    }

    @Test
    @DisplayName("F-EMB-03 on the class path the Apache transport is found by discovery; without discovery the JDK's"
            + " client stays the default")
    void discovered() {
        URI base = URI.create("http://127.0.0.1:9");
        try (SferumClient found = SferumClient.builder().endpoints(Endpoints.emulator(base)).build();
             SferumClient plain = SferumClient.builder().endpoints(Endpoints.emulator(base))
                     .discoverPlugins(false).build()) {
            assertInstanceOf(ApacheHttpTransport.class, found.transport());
            assertInstanceOf(JdkHttpTransport.class, plain.transport());
        }
    }

    @Test
    @DisplayName("a request to a closed port fails with ConnectException, which tells sdk-core nothing was sent")
    void refusedIsConnectException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (ApacheHttpTransport transport = new ApacheHttpTransport(Duration.ofSeconds(2))) {
            assertThrows(ConnectException.class, () -> transport.execute(
                    post(URI.create("http://127.0.0.1:" + port + "/method/users.get"), "v=5.199",
                            Duration.ofSeconds(2))));
        }
    }

    @Test
    @DisplayName("an answer's status, headers and body come back as sent; the form body and headers go out as given")
    void roundTrip() throws Exception {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(true).port(0).start();
             ApacheHttpTransport transport = new ApacheHttpTransport(Duration.ofSeconds(2))) {
            String token = emulator.demoSchool().orElseThrow().teacher().token().secret();
            TransportRequest request = post(emulator.baseUri().resolve("/method/users.get"), "v=5.199",
                    Duration.ofSeconds(5));
            Map<String, java.util.List<String>> headers = TransportRequest.newHeaders();
            headers.putAll(request.headers());
            TransportRequest.addHeader(headers, "Authorization", "Bearer " + token);
            TransportResponse answer = transport.execute(new TransportRequest("POST", request.uri(), headers,
                    request.body(), request.timeout()));
            assertEquals(200, answer.status());
            assertTrue(answer.header("content-type").startsWith("application/json"), answer.header("content-type"));
            assertTrue(new String(answer.body(), StandardCharsets.UTF_8).startsWith("{\"response\":[{\"id\":"));
        }
    }

    @Test
    @DisplayName("F-EMB-02 cancelling an asynchronous request (a long poll being closed) aborts its connection")
    void cancelAborts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ApacheHttpTransport transport = new ApacheHttpTransport(Duration.ofSeconds(2))) {
            CompletableFuture<TransportResponse> poll = transport.executeAsync(post(
                    URI.create("http://127.0.0.1:" + server.getLocalPort() + "/lp/im"), "act=a_check",
                    Duration.ofSeconds(60)));
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(20_000);
                InputStream in = accepted.getInputStream();
                byte[] head = new byte[4];
                assertEquals(4, in.readNBytes(head, 0, 4), "the request arrived");
                poll.cancel(true);
                try {
                    while (in.read() >= 0) {
                        // read the rest of the request until the client closes (EOF) or resets the connection;
                        // a request left open fails the test with the socket's read timeout
                    }
                } catch (java.net.SocketException reset) {
                    assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
                }
            }
            assertTrue(poll.isCancelled());
        }
    }
}
