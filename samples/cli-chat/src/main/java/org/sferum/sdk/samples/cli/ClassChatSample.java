package org.sferum.sdk.samples.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdUsers;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * The first sample: a teacher links her journal account to her VK ID educational profile, creates a class chat,
 * students answer, one student reads the conversation page by page, a stranger is refused, and then the teacher
 * holds an online lesson in a call ({@link LessonCallSample}). Everything goes through sdk-core over HTTP to an emulator embedded in this
 * process, so the sample needs no account and no network.
 */
public final class ClassChatSample {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Europe/Moscow"));

    private ClassChatSample() {
    }

    /**
     * Runs the sample.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SferumEmulator emulator = SferumEmulator.start();
             SferumClient sferum = clientFor(emulator)) {
            run(out, emulator, sferum);
        }
    }

    /**
     * Builds the client the way a journal would, pointed at the emulator and registered as the demo application.
     *
     * @param emulator the emulator
     * @return the client
     */
    static SferumClient clientFor(SferumEmulator emulator) {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .build();
    }

    static void run(PrintStream out, SferumEmulator emulator, SferumClient sferum) {
        DemoSchool school = emulator.demoSchool().orElseThrow();
        out.println("Эмулятор Сферума: " + emulator.baseUri());
        Map<UserId, String> names = school.everyone().stream()
                .collect(Collectors.toMap(SeededUser::id, u -> u.person().displayName(), (a, b) -> a));

        SferumSession teacher = link(out, emulator, sferum, school.teacher());
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        ChatId chat = teacher.chats().create(NewChat.of(school.className() + " Математика", students));
        out.println("Учитель " + teacher.me().displayName() + " создал чат «" + school.className()
                + " Математика» с учениками: " + school.students().stream()
                .map(u -> u.person().displayName()).collect(Collectors.joining(", ")));

        Message task = teacher.messages().send(chat, Draft.text("Добрый день! Домашнее задание: №15 и №16 на стр. 42."));
        sessionOf(sferum, school.students().get(0)).messages()
                .send(chat, Draft.text("Спасибо, записал!").replyTo(task.id()));
        sessionOf(sferum, school.students().get(1)).messages()
                .send(chat, Draft.text("А №16 нужно решать с чертежом?").replyTo(task.id()));
        teacher.messages().send(chat, Draft.text("Да, с чертежом. Сдать до пятницы."));
        // A retried send with the same idempotency key stores nothing new.
        Draft reminder = Draft.text("Напоминаю: контрольная во вторник.").withRandomId(20260901);
        Message reminderSent = teacher.messages().send(chat, reminder);
        Message reminderAgain = teacher.messages().send(chat, reminder);
        out.println("Повторная отправка напоминания с тем же ключом вернула то же сообщение: "
                + reminderSent.id().equals(reminderAgain.id()));

        SferumSession reader = sessionOf(sferum, school.students().get(2));
        ChatSummary summary = reader.chats().list(ChatFilter.ALL, PageRequest.first()).items().get(0);
        out.println();
        out.println("У ученика " + reader.me().displayName() + " в чате «" + summary.title() + "» "
                + summary.unreadCount() + " непрочитанных, участников: " + summary.membersCount());
        out.println("Переписка (по 2 сообщения на страницу, от старых к новым):");
        Function<Message, String> line = m -> "  [" + TIME.format(m.sentAt()) + "] #" + m.conversationMessageId()
                + " " + names.get(m.author()) + ": " + m.text()
                + m.replyTo().map(r -> "  (ответ на сообщение " + r.value() + ")").orElse("");
        Page<Message> page = reader.messages().history(chat, HistoryQuery.oldestFirst(2));
        int pageNumber = 1;
        Message last = null;
        while (true) {
            out.println(" страница " + pageNumber + ":");
            for (Message m : page.items()) {
                out.println(line.apply(m));
                last = m;
            }
            if (!page.hasNext()) {
                break;
            }
            page = reader.messages().history(chat, HistoryQuery.oldestFirst(2).after(page.nextCursor().get()));
            pageNumber++;
        }
        if (last != null) {
            reader.messages().markRead(chat, last.id());
        }
        out.println("Прочитано; непрочитанных: " + reader.chats().list(ChatFilter.ALL, PageRequest.first())
                .items().get(0).unreadCount());

        out.println();
        try {
            sessionOf(sferum, school.outsider()).messages().history(chat, HistoryQuery.newestFirst(10));
            out.println("ОШИБКА: посторонний прочитал чат");
        } catch (SferumException refused) {
            out.println("Посторонний " + school.outsider().person().displayName()
                    + " не может читать чат (" + refused.code() + ")");
        }

        LessonCallSample.run(out, emulator, teacher, sessionOf(sferum, school.students().get(0)), chat);
    }

    /**
     * Links the teacher's journal account to her VK ID educational profile (variant 1 of the manuals), walking the
     * emulator's VK ID pages as her browser would, and shows the «Сферум» section that appears after it.
     */
    private static SferumSession link(PrintStream out, SferumEmulator emulator, SferumClient sferum,
                                      SeededUser user) {
        SchoolAccountId account = SchoolAccountId.of("journal-teacher-1");
        out.println("«Привязать учебный профиль VK ID»: журнал перенаправляет учителя на VK ID");
        LinkStart start = sferum.links().start(account, Role.TEACHER);
        VkIdUsers vkId = emulator.vkIdUsers();
        VkIdLogin login = vkId.open(start.authorizationUri());
        login.enterPhone(user.phone());
        out.println("  телефон введён → " + login.step());
        login.enterPassword(DemoSchool.PASSWORD);
        out.println("  пароль принят → " + login.step());
        login.enterSmsCode(vkId.lastSmsCode(user.phone()).orElseThrow());
        out.println("  код из СМС принят → " + login.step());
        login.continueInProfile();
        out.println("  «Продолжить в учебном профиле» → " + login.step());
        Link link = sferum.links().complete(login.confirm(), account);
        out.println("Учётная запись журнала " + link.account().value() + " привязана к учебному профилю ("
                + link.role() + ")");
        out.println("Раздел «Сферум»: вкладки «Чаты» и «Видеоконференции»; «Перейти в Сферум»");
        out.println();
        return sferum.session(account);
    }

    private static SferumSession sessionOf(SferumClient sferum, SeededUser user) {
        return sferum.session(user.token());
    }
}
