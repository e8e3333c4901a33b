package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatFilter;

/** The emulator's lifecycle: where it listens, its threads, its seed, closing. */
class SferumEmulatorTest {

    @Test
    @DisplayName("start() listens on 127.0.0.1 on a free port, with the demo school seeded")
    void startDefaults() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            assertTrue(emulator.baseUri().toString().matches("http://127\\.0\\.0\\.1:\\d+"), emulator::toString);
            assertTrue(emulator.baseUri().getPort() > 0);
            assertTrue(emulator.demoSchool().isPresent());
            assertEquals("5в", emulator.demoSchool().get().className());
            Wire wire = new Wire(emulator);
            assertEquals(200, wire.send(wire.get("/_emulator/health", null).build()).statusCode());
        }
    }

    @Test
    @DisplayName("the builder chooses the port and an empty platform")
    void builder() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (SferumEmulator emulator = SferumEmulator.builder().port(port).seedDemo(false).start()) {
            assertEquals("http://127.0.0.1:" + port, emulator.baseUri().toString());
            assertTrue(emulator.demoSchool().isEmpty());
            assertThrows(UncheckedIOException.class, () -> SferumEmulator.builder().port(port).start(),
                    "a taken port fails to start");
        }
        assertThrows(IllegalArgumentException.class, () -> SferumEmulator.builder().port(70_000));
        assertThrows(NullPointerException.class, () -> SferumEmulator.builder().clock(null));
    }

    @Test
    @DisplayName("the engine behind the wire is the one engine() returns")
    void sameEngine() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            var teacher = emulator.demoSchool().orElseThrow().teacher();
            new Wire(emulator).ok(teacher, "messages.createChat", "title", "Проверка");
            assertEquals(1, emulator.engine().chats().conversations(teacher.id(), ChatFilter.ALL).size());
        }
    }

    @Test
    @DisplayName("it does not listen on other interfaces than loopback")
    void loopbackOnly() throws SocketException {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address on this machine");
        try (SferumEmulator emulator = SferumEmulator.start()) {
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), emulator.baseUri().getPort()), 2000);
                }
            });
        }
    }

    @Test
    @DisplayName("requests are served by at most 8 daemon threads named sferum-emulator-N, concurrently")
    void threads() throws Exception {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            var teacher = emulator.demoSchool().orElseThrow().teacher();
            Wire wire = new Wire(emulator);
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    calls.add(clients.submit(() -> wire.ok(teacher, "users.get")));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                clients.shutdownNow();
            }
            List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().matches("sferum-emulator-\\d+") && t.isAlive())
                    .collect(Collectors.toList());
            assertFalse(workers.isEmpty());
            assertTrue(workers.stream().allMatch(Thread::isDaemon));
        }
    }

    @Test
    @DisplayName("close() stops the server; calling it again does nothing")
    void close() {
        SferumEmulator emulator = SferumEmulator.start();
        Wire wire = new Wire(emulator);
        assertEquals(200, wire.send(wire.get("/_emulator/health", null).build()).statusCode());
        emulator.close();
        emulator.close();
        assertTrue(emulator.toString().endsWith("closed]"));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", emulator.baseUri().getPort()), 2000);
            }
        });
    }
}
