package org.sferum.sdk.samples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

class ClassChatSampleTest {
    @Test
    @DisplayName("F-LINK-02 F-LINK-06 F-MSG-01 F-MSG-11 the sample prints the conversation it ran through sdk-core on the emulator")
    void printsTheConversation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SferumEmulator emulator = SferumEmulator.start();
             SferumClient sferum = ClassChatSample.clientFor(emulator);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ClassChatSample.run(out, emulator, sferum);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("привязана к учебному профилю (TEACHER)"), printed);
        assertTrue(printed.contains("Раздел «Сферум»"), printed);
        assertTrue(printed.contains("#1 Анна Смирнова: Добрый день! Домашнее задание"), printed);
        assertTrue(printed.contains("#4 Анна Смирнова: Да, с чертежом."), printed);
        assertTrue(printed.contains("#5 Анна Смирнова: Напоминаю"), printed);
        assertTrue(!printed.contains("#6 "), "the repeated reminder was stored once: " + printed);
        assertTrue(printed.contains("5 непрочитанных"), printed);
        assertTrue(printed.contains("Прочитано; непрочитанных: 0"), printed);
        assertTrue(printed.contains("тем же ключом вернула то же сообщение: true"), printed);
        assertTrue(printed.contains("не может читать чат (NOT_A_CHAT_MEMBER)"), printed);
    }
}
