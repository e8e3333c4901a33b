package org.sferum.sdk.samples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sferum.sdk.testkit.assertj.SferumAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

class ClassChatSampleTest {
    /** What one run of the whole sample printed; the tests read it. */
    private static String printed;
    /** The emulator the sample ran on, kept until the tests have read what it holds. */
    private static SferumEmulator emulator;

    @BeforeAll
    static void runTheSample() {
        emulator = SferumEmulator.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SferumClient sferum = ClassChatSample.clientFor(emulator);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ClassChatSample.run(out, emulator, sferum);
        }
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopTheEmulator() {
        emulator.close();
    }

    @Test
    @DisplayName("F-CHAT-01 the class chat the sample made through sdk-core is on the emulator, with the class in it")
    void classChatOnTheEmulator() {
        DemoSchool school = emulator.demoSchool().orElseThrow();
        assertThat(emulator).chatTitled(school.className() + " Математика").isOwnedBy(school.teacher())
                .hasMembers(school.teacher()).hasMembers(school.students().toArray());
    }
    @Test
    @DisplayName("F-LINK-02 F-LINK-06 F-MSG-01 F-MSG-11 the sample prints the conversation it ran through sdk-core on the emulator")
    void printsTheConversation() {
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

    @Test
    @DisplayName("F-CALL-02 F-SECT-03 F-SECT-04 F-CALL-03 F-CALL-05 F-CALL-09 F-CALL-10 F-CALL-11 F-CALL-04 F-EMB-06 "
            + "F-EMB-07 the sample holds an online lesson through sdk-core on the emulator")
    void holdsTheLesson() {
        assertTrue(printed.contains("повторное создание вернуло тот же звонок: true"), printed);
        assertTrue(printed.contains("серая «Подключиться» (ссылки ещё нет)"), printed);
        assertTrue(printed.contains("подключиться до начала нельзя (CALL_NOT_STARTED)"), printed);
        assertTrue(printed.contains("синяя «Подключиться» → http://127.0.0.1:"), printed);
        assertTrue(printed.contains("Учитель в звонке как организатор, ученик как участник"), printed);
        assertTrue(printed.contains("Иван Петров (участник) ✋ поднял руку микрофон выключен"), printed);
        assertTrue((printed.contains("В чате звонка: Запись звонка «Урок математики, 5в» (40:00): ")
                || printed.contains("В чате звонка: Запись звонка «Урок математики, 5в» (40:01): ")), printed);
        assertTrue(printed.contains("Записи урока в журнале: Урок математики, 5в"), printed);
        assertTrue(printed.contains("«Завершить звонок для всех»: состояние ENDED"), printed);
        assertTrue(printed.contains("Иван Петров: ") && printed.contains("всего 40 мин"), printed);
    }
}
