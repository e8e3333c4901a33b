package org.sferum.sdk.core.minimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * Fewer jars for messaging (issue 15): a child JVM with sdk-core's required libraries only — no ZXing, no Nimbus,
 * and no other optional jar — sends, edits, reads and marks read against the emulator, and the QR code and ID token
 * features say which artifact is missing with {@code MISSING_LIBRARY} instead of failing to load.
 */
class MinimalClassPathTest {
    /** The libraries messaging needs, as parts of their jar (or reactor directory) names. */
    private static final List<String> REQUIRED = List.of("sdk-api", "sdk-core/target/classes", "jackson-databind",
            "jackson-core", "jackson-annotations");

    @Test
    @DisplayName("F-MSG-01 F-MSG-07 F-MSG-11 issue 15: messaging runs with at most 5 runtime jars; QR codes and ID"
            + " token checks name their missing artifact")
    void messagingWithFiveJars() throws Exception {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(true).port(0).start()) {
            DemoSchool school = emulator.demoSchool().orElseThrow();
            ChatId chat = emulator.engine().chats().createChat(school.teacher().id(),
                    new NewChat("5в", Set.of(school.students().get(0).id()), ChatSettings.ownerOnly()));

            List<String> libraries = new ArrayList<>();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(File.pathSeparator)) {
                String path = entry.replace(File.separatorChar, '/');
                if (REQUIRED.stream().anyMatch(path::contains) && !path.contains("test-classes")) {
                    libraries.add(entry);
                }
            }
            assertEquals(REQUIRED.size(), libraries.size(), "each required library once: " + libraries);
            assertTrue(libraries.size() <= 5, "at most 5 runtime jars: " + libraries);
            String testClasses = MessagingOnly.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            List<String> command = List.of(System.getProperty("java.home") + "/bin/java", "-Xmx128m", "-cp",
                    String.join(File.pathSeparator, libraries) + File.pathSeparator + testClasses,
                    MessagingOnly.class.getName(), emulator.baseUri().toString(),
                    school.teacher().token().secret(), Long.toString(chat.peerId()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (var in = child.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("absent com.google.zxing.qrcode.QRCodeWriter"), output);
            assertTrue(output.contains("absent com.nimbusds.jwt.SignedJWT"), output);
            assertTrue(output.contains("absent org.slf4j.LoggerFactory"), output);
            assertTrue(output.contains("edited Домашнее задание: №15, №16"), output);
            assertTrue(output.contains("history 1"), output);
            assertTrue(output.contains("marked read"), output);
            assertTrue(output.contains("qr MISSING_LIBRARY") && output.contains("com.google.zxing:core"), output);
            assertTrue(output.contains("idTokenKeys MISSING_LIBRARY")
                    && output.contains("com.nimbusds:nimbus-jose-jwt"), output);
            assertEquals(List.of("Домашнее задание: №15, №16"), emulator.engine().messages()
                    .history(school.students().get(0).id(), chat, org.sferum.sdk.messages.HistoryOrder.NEWEST_FIRST,
                            java.util.Optional.empty(), 0, 20).items().stream()
                    .map(org.sferum.sdk.messages.Message::text).toList(), "the platform holds the edited message");
        }
    }
}
