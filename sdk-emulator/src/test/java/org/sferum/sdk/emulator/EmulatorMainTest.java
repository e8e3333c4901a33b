package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of the emulator process. */
class EmulatorMainTest {

    @Test
    @DisplayName("without arguments it listens on 8080 with an empty platform")
    void defaults() {
        EmulatorOptions options = EmulatorOptions.parse();
        assertEquals(8080, options.port());
        assertFalse(options.seedDemo());
        assertFalse(options.help());
    }

    @Test
    @DisplayName("--port N and --seed demo are read in any order; --help asks for the usage")
    void options() {
        assertEquals(new EmulatorOptions(9000, true, false, false, List.of(), null, null, -1, null),
                EmulatorOptions.parse("--seed", "demo", "--port", "9000"));
        assertEquals(new EmulatorOptions(0, false, false, false, List.of(), null, null, -1, null),
                EmulatorOptions.parse("--port", "0"));
        assertEquals(new EmulatorOptions(0, true, true, false, List.of(), null, null, -1, null),
                EmulatorOptions.parse("--tls", "--port", "0", "--seed", "demo"));
        assertTrue(EmulatorOptions.parse("--help").help());
        assertEquals("0.0.0.0", EmulatorOptions.parse("--bind", "0.0.0.0").bind(), "issue 14: in a container");
        assertEquals("::", EmulatorOptions.parse("--bind", "::").bind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port", "--port abc", "--port 70000", "--port -1", "--seed",
        "--seed school", "--port 1 --port 2", "--seed demo --seed demo", "demo", "--tls --tls", "--tls yes",
        "--bind", "--bind localhost", "--bind 300.1.1.1", "--bind 0.0.0.0 --bind 0.0.0.0", "--bind example.org"})
    @DisplayName("bad arguments are refused")
    void badArguments(String line) {
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse(line.split(" ")));
    }

    @Test
    @DisplayName("F-EMB-04 --bind listens on the address given (127.0.0.2 here) and not on 127.0.0.1; links still"
            + " name 127.0.0.1")
    void bindsTheAddressGiven() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = EmulatorMain.start(EmulatorOptions.parse("--port", "0", "--bind", "127.0.0.2"),
                out)) {
            int port = emulator.baseUri().getPort();
            assertEquals("http://127.0.0.1:" + port, emulator.baseUri().toString());
            try (java.net.Socket socket = new java.net.Socket("127.0.0.2", port)) {
                assertTrue(socket.isConnected());
            }
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket("127.0.0.1", port).close());
        }
    }

    @Test
    @DisplayName("once listening it prints exactly 'Sferum emulator listening on http://127.0.0.1:PORT'")
    void printsListeningLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = EmulatorMain.start(EmulatorOptions.parse("--port", "0", "--seed", "demo"),
                out)) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertEquals("Sferum emulator listening on " + emulator.baseUri() + System.lineSeparator(), printed);
            assertTrue(printed.matches("Sferum emulator listening on http://127\\.0\\.0\\.1:\\d+\\R"), printed);
            assertTrue(emulator.demoSchool().isPresent());
        }
    }

    @Test
    @DisplayName("F-EMB-08 --max-port N also starts the MAX face and prints 'MAX Bot API listening on http://127.0.0.1:N'")
    void maxPort() {
        assertEquals(0, EmulatorOptions.parse("--max-port", "0").maxPort());
        assertEquals(-1, EmulatorOptions.parse().maxPort());
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--max-port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--max-port", "1", "--max-port", "2"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = EmulatorMain.start(EmulatorOptions.parse("--port", "0", "--seed", "demo",
                "--max-port", "0"), out)) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertEquals("Sferum emulator listening on " + emulator.baseUri() + System.lineSeparator()
                    + "MAX Bot API listening on " + emulator.maxUri().orElseThrow() + System.lineSeparator(), printed);
            assertTrue(printed.matches("(?s).*MAX Bot API listening on http://127\\.0\\.0\\.1:\\d+\\R"), printed);
            assertTrue(emulator.demoBot().isPresent());
        }
    }

    private static ProcessBuilder java(String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As in sferum-emulator.jar, no SLF4J provider: the test class path's logback would log to stdout.
        List<String> command = new java.util.ArrayList<>(List.of(javaBin,
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    @DisplayName("as a process, bad arguments print the usage on stderr and exit with 2")
    void processBadArguments() throws Exception {
        Process process = java("--port", "abc").start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.contains("Usage: java -jar sferum-emulator.jar"), err);
        assertEquals("", out);
    }

    @Test
    @DisplayName("as a process, it prints the listening line first, serves requests, and stops when killed")
    void processRuns() throws Exception {
        Process process = java("--port", "0", "--seed", "demo").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.matches("Sferum emulator listening on http://127\\.0\\.0\\.1:\\d+"), line);
            String base = line.substring("Sferum emulator listening on ".length());
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                    + "/_emulator/demo")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(process.isAlive());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process stops on SIGTERM");
        }
    }
}
