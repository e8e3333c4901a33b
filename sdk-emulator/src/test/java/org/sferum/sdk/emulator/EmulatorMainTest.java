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
        assertEquals(new EmulatorOptions(9000, true, false, false, List.of(), null, null, -1, null, null, 1.0),
                EmulatorOptions.parse("--seed", "demo", "--port", "9000"));
        assertEquals(new EmulatorOptions(0, false, false, false, List.of(), null, null, -1, null, null, 1.0),
                EmulatorOptions.parse("--port", "0"));
        assertEquals(new EmulatorOptions(0, true, true, false, List.of(), null, null, -1, null, null, 1.0),
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
    @DisplayName("F-EMB-01 --seed oneroster:DIR[:linked=F] seeds a roster: accounts for people with phones, the share F linked")
    void seedOneRoster(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(0.25, EmulatorOptions.parse("--seed", "oneroster:/tmp/r:linked=0.25").linked());
        assertEquals(Path.of("/tmp/r"), EmulatorOptions.parse("--seed", "oneroster:/tmp/r", "--seed", "demo")
                .oneRoster());
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--seed", "oneroster:/r:linked=2"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--seed", "oneroster:"));
        java.nio.file.Files.writeString(dir.resolve("orgs.csv"), "sourcedId,name,type\ns1,Школа №1,school\n");
        java.nio.file.Files.writeString(dir.resolve("academicSessions.csv"),
                "sourcedId,title,type,startDate,endDate,schoolYear\ny,2026/2027,schoolYear,2026-09-01,2099-05-31,2027\n");
        java.nio.file.Files.writeString(dir.resolve("classes.csv"),
                "sourcedId,title,classType,schoolSourcedId,termSourcedIds\nc,5в,homeroom,s1,y\n");
        java.nio.file.Files.writeString(dir.resolve("users.csv"),
                "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,sms\n"
                        + "t1,true,s1,teacher,Анна,Смирнова,+79012220001\n"
                        + "p1,true,s1,student,Дима,Кузнецов,+79012220002\n"
                        + "p2,true,s1,student,Егор,Попов,+79012220003\n"
                        + "p3,true,s1,student,Женя,Соколов,+79012220004\n"
                        + "p4,true,s1,student,Зоя,Лебедева,\n");
        java.nio.file.Files.writeString(dir.resolve("enrollments.csv"),
                "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary\ne1,c,s1,t1,teacher,true\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = EmulatorMain.start(EmulatorOptions.parse("--port", "0", "--seed",
                "oneroster:" + dir + ":linked=0.5"), out)) {
            org.sferum.sdk.testkit.RosterSeed seed = emulator.rosterSeed().orElseThrow();
            assertEquals(4, seed.accounts(), "p4 has no phone");
            assertEquals(2, seed.linked(), "half of them");
            assertEquals(1, seed.skipped());
            assertEquals(java.util.Set.of("s1"), seed.serviceTokens().keySet());
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Roster seeded: RosterSeed[schools=1, accounts=4,"
                    + " linked=2, skipped=1]"), bytes::toString);
            assertFalse(bytes.toString(StandardCharsets.UTF_8).contains(seed.serviceTokens().get("s1")),
                    "no token printed");
            assertTrue(emulator.demoSchool().isEmpty());
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
