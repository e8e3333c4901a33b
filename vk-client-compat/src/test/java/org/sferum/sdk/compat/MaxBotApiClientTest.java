package org.sferum.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.users.UserId;

/**
 * F-EMB-08: the official MAX TypeScript client ({@code @maxhub/max-bot-api} 0.3.1, npm), unchanged, against the
 * emulator's MAX face, pointed there the documented way ({@code new Bot(token, {clientOptions: {baseUrl}})}). It
 * runs {@code node/max-bot-api/run.mjs} for real: the bot reads itself, sends, edits and reads the history, starts
 * long polling and hears a message a person posts on the VK face. Needs {@code node} (20.19 or newer) and
 * {@code npm} (the package comes from the npm registry into {@code target/}); without them the test is reported as
 * not run, except where {@code CI=true} or {@code MAX_CLIENT_REQUIRED=true}, where it FAILS ({@code .ci/run}).
 */
class MaxBotApiClientTest {
    private static final long NPM_MINUTES = 5;

    private static boolean required() {
        return "true".equals(System.getenv("CI")) || "true".equals(System.getenv("MAX_CLIENT_REQUIRED"));
    }

    private static Optional<String> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String tool(String program) {
        Optional<String> found = onPath(program);
        if (found.isEmpty()) {
            String why = program + " is not on the PATH; the official MAX client needs node 20.19+ and npm";
            if (required()) {
                throw new AssertionError(why + " (required here: CI=true or MAX_CLIENT_REQUIRED=true)");
            }
            Assumptions.abort("not run: " + why);
        }
        return found.get();
    }

    private static String run(List<String> command, Path dir, Map<String, String> env, long minutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile(dir, "run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes + " min:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    @Test
    @DisplayName("F-EMB-08 @maxhub/max-bot-api sends, reads, edits and receives updates against the emulator's MAX face")
    void officialClient() throws Exception {
        String node = tool("node");
        String npm = tool("npm");
        Path source = Path.of("node", "max-bot-api");
        Path work = Path.of("target", "max-bot-api-check");
        Files.createDirectories(work);
        for (String file : List.of("package.json", "run.mjs")) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/@maxhub/max-bot-api"))) {
            run(List.of(npm, "install", "--no-audit", "--no-fund", "--loglevel=error"), work, Map.of(),
                    NPM_MINUTES);
        }
        try (SferumEmulator emulator = SferumEmulator.builder().maxPort(0).start()) {
            DemoSchool school = emulator.demoSchool().orElseThrow();
            SeededBot bot = emulator.demoBot().orElseThrow();
            UserId teacher = school.teacher().id();
            ChatId chat = emulator.engine().chats().createChat(teacher, NewChat.of("5в Математика",
                    Set.of(school.students().get(0).id(), school.students().get(1).id(), bot.id())));
            emulator.engine().chats().setChatAdmin(teacher, chat, bot.id(), true);
            List<String> command = new ArrayList<>(List.of(node, "run.mjs"));
            String output = run(command, work, Map.of(
                    "MAX", emulator.maxUri().orElseThrow().toString(),
                    "BOT_TOKEN", bot.token().secret(),
                    "CHAT_ID", Long.toString(-chat.localId()),
                    "VK", emulator.baseUri().toString(),
                    "PERSON_TOKEN", school.students().get(0).token().secret(),
                    "PEER_ID", Long.toString(chat.peerId())), 2);
            assertTrue(output.contains("max-bot-api: OK"), output);
            assertTrue(emulator.engine().messages().historyByTime(teacher, chat, Optional.empty(),
                    Optional.empty(), 10).stream().anyMatch(m -> m.text().equals("Домашнее задание: №15, №16, №17")
                    && m.author().equals(bot.id())), "the teacher sees the bot's edited message");
        }
    }
}
