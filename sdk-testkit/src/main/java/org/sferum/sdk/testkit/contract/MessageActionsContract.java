package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.MessageReport;
import org.sferum.sdk.users.UserId;

/**
 * The contract of what members do to messages of a group chat (F-MSG-02 … F-MSG-08, F-MSG-10, F-CHAT-09,
 * F-CHAT-11): reply, forward, mark important, report, delete, edit, pin, search, phantom chats. Every refusal the
 * chats issue lists is asserted with its exception class and {@link ErrorCode}, and with nothing changed. Extend
 * it, return the face under test from {@link #openFixture()} (its clock must move with
 * {@link SferumFixture#advanceClock}) and the moderators' view from {@link #moderatorReports()}.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.CHAT_SETTINGS, Capability.MESSAGE_REPORTS, Capability.MESSAGING})
public abstract class MessageActionsContract extends SchoolContract {
    /**
     * Returns the reports the platform behind the fixture keeps for its moderators (F-MSG-05).
     *
     * @return the reports, oldest first
     */
    protected abstract List<MessageReport> moderatorReports();

    private UserId studentId(int index) {
        return school.students().get(index).id();
    }

    private Set<UserId> studentIds() {
        return school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
    }

    private ChatId classChat() {
        return teacher.chats().create(NewChat.of("5в Математика", studentIds()));
    }

    private ChatId chatWith(String title, UserId... members) {
        return teacher.chats().create(NewChat.of(title, Set.of(members)));
    }

    private static List<Message> all(SferumSession who, ChatId chat) {
        List<Message> out = new ArrayList<>();
        who.messages().iterateHistory(chat, HistoryQuery.oldestFirst(200)).forEach(out::add);
        return out;
    }

    private static List<String> texts(SferumSession who, ChatId chat) {
        return all(who, chat).stream().map(Message::text).collect(Collectors.toList());
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).collect(Collectors.toList());
    }

    private static Message only(SferumSession who, ChatId chat, MessageId id) {
        return all(who, chat).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertCode(ErrorCode expected, SferumException e) {
        assertEquals(expected, e.code());
    }

    // ---------------------------------------------------------------- F-MSG-02 reply

    @Test
    @DisplayName("F-MSG-02 a reply names the message it answers, for every member")
    void reply() {
        ChatId chat = classChat();
        Message question = teacher.messages().send(chat, Draft.text("Кто решил задачу №15?"));
        Message answer = student(0).messages().send(chat, Draft.text("Я решил").replyTo(question.id()));

        assertEquals(Optional.of(question.id()), answer.replyTo());
        assertEquals(Optional.of(question.id()), only(student(1), chat, answer.id()).replyTo());
        assertEquals(Optional.of(question.id()), only(teacher, chat, answer.id()).replyTo());
    }

    @Test
    @DisplayName("F-MSG-02 a reply to a message from another chat is refused and nothing is sent")
    void replyToAnotherChatRefused() {
        ChatId chat = classChat();
        ChatId other = chatWith("Родители 5в", school.parent().id());
        Message elsewhere = teacher.messages().send(other, Draft.text("Собрание в пятницу"));
        teacher.messages().send(chat, Draft.text("Урок перенесён"));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> teacher.messages().send(chat, Draft.text("Ответ").replyTo(elsewhere.id())));
        assertCode(ErrorCode.MESSAGE_NOT_FOUND, e);
        assertEquals(List.of("Урок перенесён"), texts(teacher, chat), "nothing was sent");
        assertEquals(List.of("Собрание в пятницу"), texts(teacher, other));
    }

    // ---------------------------------------------------------------- F-MSG-03 forward

    @Test
    @DisplayName("F-MSG-03 several messages forwarded into another chat reach its members, who were not in the first")
    void forwardIntoAnotherChat() {
        ChatId chat = classChat();
        ChatId parents = chatWith("Родители 5в", school.parent().id());
        Message first = teacher.messages().send(chat, Draft.text("Контрольная в среду"));
        Message second = student(0).messages().send(chat, Draft.text("А какая тема?"));

        Message forward = teacher.messages().send(parents,
                Draft.text("Для родителей").forwarding(List.of(first.id(), second.id())));

        assertEquals(List.of(first.id(), second.id()),
                forward.forwarded().stream().map(Message::id).collect(Collectors.toList()));
        Message seen = only(fixture.as(school.parent()), parents, forward.id());
        assertEquals(List.of("Контрольная в среду", "А какая тема?"), texts(seen.forwarded()));
        assertEquals(List.of(school.teacher().id(), studentId(0)),
                seen.forwarded().stream().map(Message::author).collect(Collectors.toList()));
        assertEquals(List.of(chat, chat), seen.forwarded().stream().map(Message::chat).collect(Collectors.toList()));
        assertEquals("Для родителей", seen.text());
    }

    @Test
    @DisplayName("F-MSG-03 a message forwarded into the same chat, with no text of its own")
    void forwardIntoSameChat() {
        ChatId chat = classChat();
        Message original = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));

        Message forward = student(1).messages().send(chat, Draft.forward(List.of(original.id())));

        assertEquals("", forward.text());
        assertEquals(List.of("Домашнее задание: №15"), texts(only(student(2), chat, forward.id()).forwarded()));
        assertEquals(2, all(teacher, chat).size());
    }

    @Test
    @DisplayName("F-MSG-03 forwarding a message the user cannot see is refused and nothing is sent")
    void forwardOfInvisibleRefused() {
        ChatId chat = classChat();
        ChatId parents = chatWith("Родители 5в", school.parent().id(), studentId(0));
        Message secret = teacher.messages().send(parents, Draft.text("Только для родителей"));
        Message hidden = teacher.messages().send(chat, Draft.text("Удалю у себя"));
        student(0).messages().delete(chat, List.of(hidden.id()), false);
        SferumSession outsider = student(1);

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> outsider.messages().send(chat, Draft.forward(List.of(secret.id()))));
        assertCode(ErrorCode.MESSAGE_NOT_FOUND, e);
        NotFoundException deleted = assertThrows(NotFoundException.class,
                () -> student(0).messages().send(chat, Draft.forward(List.of(hidden.id()))));
        assertCode(ErrorCode.MESSAGE_NOT_FOUND, deleted);
        assertEquals(List.of("Удалю у себя"), texts(teacher, chat), "nothing was sent");
    }

    // ---------------------------------------------------------------- F-MSG-04 important

    @Test
    @DisplayName("F-MSG-04 a message marked important is important for that reader only, until unmarked")
    void markImportant() {
        ChatId chat = classChat();
        Message homework = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));
        Message chatter = student(1).messages().send(chat, Draft.text("Спасибо"));

        List<MessageId> marked = student(0).messages().markImportant(List.of(homework.id(), chatter.id()), true);

        assertEquals(List.of(homework.id(), chatter.id()), marked);
        assertTrue(only(student(0), chat, homework.id()).important());
        assertFalse(only(teacher, chat, homework.id()).important(), "another reader's flag is their own");
        assertFalse(only(student(1), chat, chatter.id()).important());
        student(0).messages().markImportant(List.of(chatter.id()), false);
        assertFalse(only(student(0), chat, chatter.id()).important());
        assertTrue(only(student(0), chat, homework.id()).important());
    }

    // ---------------------------------------------------------------- F-MSG-05 report

    @Test
    @DisplayName("F-MSG-05 a report with a reason reaches the moderators once and hides nothing")
    void report() {
        ChatId chat = classChat();
        Message rude = student(1).messages().send(chat, Draft.text("Обидное сообщение"));

        student(0).messages().report(chat, rude.id(), ReportReason.INSULT);
        student(0).messages().report(chat, rude.id(), ReportReason.INSULT);

        List<MessageReport> reports = moderatorReports();
        assertEquals(1, reports.size(), "a repeated report is stored once");
        MessageReport report = reports.get(0);
        assertEquals(studentId(0), report.reporter());
        assertEquals(rude.id(), report.message());
        assertEquals(studentId(1), report.author());
        assertEquals(ReportReason.INSULT, report.reason());
        assertEquals(chat, report.chat());
        assertEquals(List.of("Обидное сообщение"), texts(student(0), chat), "reporting hides nothing");
        assertEquals(List.of("Обидное сообщение"), texts(teacher, chat));
    }

    @Test
    @DisplayName("F-MSG-05 a report by someone outside the chat is refused and nothing is stored")
    void reportByOutsiderRefused() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> fixture.as(school.outsider()).messages().report(chat, message.id(), ReportReason.SPAM));
        assertCode(ErrorCode.NOT_A_CHAT_MEMBER, e);
        assertEquals(List.of(), moderatorReports());
    }

    // ---------------------------------------------------------------- F-MSG-06 delete

    @Test
    @DisplayName("F-MSG-06 a message deleted for oneself disappears for that reader only")
    void deleteForOneself() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        student(0).messages().delete(chat, List.of(message.id()), false);
        student(0).messages().delete(chat, List.of(message.id()), false);

        assertEquals(List.of(), all(student(0), chat));
        assertEquals(List.of("Урок в 9:00"), texts(student(1), chat));
        assertEquals(List.of("Урок в 9:00"), texts(teacher, chat));
    }

    @Test
    @DisplayName("F-MSG-06 the author, and the chat's owner, delete a message for everyone")
    void deleteForEveryone() {
        ChatId chat = classChat();
        Message mistake = student(0).messages().send(chat, Draft.text("Ошибся чатом"));
        Message rude = student(1).messages().send(chat, Draft.text("Обидное сообщение"));
        Message kept = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        student(0).messages().delete(chat, List.of(mistake.id()), true);
        teacher.messages().delete(chat, List.of(rude.id()), true);
        teacher.messages().delete(chat, List.of(rude.id()), true);

        for (SferumSession reader : List.of(teacher, student(0), student(1), student(2))) {
            assertEquals(List.of(kept.id()), all(reader, chat).stream().map(Message::id).collect(Collectors.toList()));
        }
    }

    @Test
    @DisplayName("F-MSG-06 deleting for everyone someone else's message without admin rights is refused; nothing changes")
    void deleteOthersForEveryoneRefused() {
        ChatId chat = classChat();
        Message homework = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));
        Message own = student(0).messages().send(chat, Draft.text("Понял"));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().delete(chat, List.of(own.id(), homework.id()), true));
        assertCode(ErrorCode.CANNOT_DELETE_FOR_EVERYONE, e);
        for (SferumSession reader : List.of(teacher, student(0), student(1))) {
            assertEquals(List.of("Домашнее задание: №15", "Понял"), texts(reader, chat), "nothing was deleted");
        }
    }

    @Test
    @DisplayName("F-MSG-06 the author cannot delete for everyone after 24 hours; the owner still can")
    void deleteForEveryoneWindow() {
        ChatId chat = classChat();
        Message old = student(0).messages().send(chat, Draft.text("Старое сообщение"));
        fixture.advanceClock(Duration.ofHours(24));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().delete(chat, List.of(old.id()), true));
        assertCode(ErrorCode.CANNOT_DELETE_FOR_EVERYONE, e);
        assertEquals(List.of("Старое сообщение"), texts(student(1), chat));
        teacher.messages().delete(chat, List.of(old.id()), true);
        assertEquals(List.of(), all(student(1), chat));
    }

    @Test
    @DisplayName("F-MSG-06 deleting a message of a chat the user is not in is refused")
    void deleteOutsideRefused() {
        ChatId chat = classChat();
        ChatId parents = chatWith("Родители 5в", school.parent().id());
        Message secret = teacher.messages().send(parents, Draft.text("Только для родителей"));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> student(0).messages().delete(chat, List.of(secret.id()), false));
        assertCode(ErrorCode.MESSAGE_NOT_FOUND, e);
        assertEquals(List.of("Только для родителей"), texts(teacher, parents));
    }

    // ---------------------------------------------------------------- F-MSG-07 edit

    @Test
    @DisplayName("F-MSG-07 the author edits a message; every member sees the new text and when it was edited")
    void edit() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));
        fixture.advanceClock(Duration.ofMinutes(5));

        Message edited = teacher.messages().edit(chat, message.id(), "Урок в 10:00");
        Message again = teacher.messages().edit(chat, message.id(), "Урок в 10:00");

        assertEquals("Урок в 10:00", edited.text());
        assertEquals(Optional.of(message.sentAt().plus(Duration.ofMinutes(5))), edited.editedAt());
        assertEquals(edited, again, "repeating the edit changes nothing");
        assertEquals(message.sentAt(), edited.sentAt());
        Message seen = only(student(2), chat, message.id());
        assertEquals("Урок в 10:00", seen.text());
        assertEquals(edited.editedAt(), seen.editedAt());
        assertEquals(Optional.empty(), message.editedAt());
    }

    @Test
    @DisplayName("F-MSG-07 an edit past the 24-hour limit is refused and the text stays")
    void editPastLimitRefused() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));
        fixture.advanceClock(Duration.ofHours(24));

        ConflictException e = assertThrows(ConflictException.class,
                () -> teacher.messages().edit(chat, message.id(), "Урок в 10:00"));
        assertCode(ErrorCode.EDIT_WINDOW_EXPIRED, e);
        Message seen = only(student(0), chat, message.id());
        assertEquals("Урок в 9:00", seen.text());
        assertEquals(Optional.empty(), seen.editedAt());
    }

    @Test
    @DisplayName("F-MSG-07 an edit by someone else is refused and the text stays")
    void editBySomeoneElseRefused() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().edit(chat, message.id(), "Урока не будет"));
        assertCode(ErrorCode.PERMISSION_DENIED, e);
        assertEquals(List.of("Урок в 9:00"), texts(student(1), chat));
        assertEquals(Optional.empty(), only(teacher, chat, message.id()).editedAt());
    }

    @Test
    @DisplayName("F-MSG-07 an edit to an empty or too long text is refused as a draft would be")
    void editTextRules() {
        ChatId chat = classChat();
        Message message = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        ValidationException empty = assertThrows(ValidationException.class,
                () -> teacher.messages().edit(chat, message.id(), "   "));
        assertCode(ErrorCode.MESSAGE_EMPTY, empty);
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> teacher.messages().edit(chat, message.id(), "я".repeat(Draft.MAX_TEXT_LENGTH + 1)));
        assertCode(ErrorCode.MESSAGE_TOO_LONG, tooLong);
        assertEquals(List.of("Урок в 9:00"), texts(student(0), chat));
    }

    // ---------------------------------------------------------------- F-MSG-08 pin

    @Test
    @DisplayName("F-MSG-08 the owner pins a message and every member sees it, until it is unpinned")
    void pin() {
        ChatId chat = classChat();
        Message homework = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));
        Message other = teacher.messages().send(chat, Draft.text("Урок в 9:00"));

        teacher.messages().pin(chat, homework.id());
        teacher.messages().pin(chat, homework.id());

        for (int i = 0; i < school.students().size(); i++) {
            assertEquals(Optional.of(homework.id()), student(i).messages().pinned(chat).map(Message::id));
        }
        teacher.messages().pin(chat, other.id());
        assertEquals(Optional.of("Урок в 9:00"), student(0).messages().pinned(chat).map(Message::text));
        teacher.messages().unpin(chat);
        teacher.messages().unpin(chat);
        assertEquals(Optional.empty(), student(0).messages().pinned(chat));
    }

    @Test
    @DisplayName("F-MSG-08 a member the settings do not allow cannot pin or unpin; nothing changes")
    void pinNotAllowedRefused() {
        ChatId chat = classChat();
        Message homework = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));
        Message mine = student(0).messages().send(chat, Draft.text("Моё сообщение"));
        teacher.messages().pin(chat, homework.id());

        PermissionDeniedException pin = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().pin(chat, mine.id()));
        assertCode(ErrorCode.NOT_ALLOWED_IN_CHAT, pin);
        PermissionDeniedException unpin = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().unpin(chat));
        assertCode(ErrorCode.NOT_ALLOWED_IN_CHAT, unpin);
        assertEquals(Optional.of(homework.id()), student(1).messages().pinned(chat).map(Message::id));
    }

    @Test
    @DisplayName("F-MSG-08 when the settings allow all members to pin, a student pins; a deleted message is unpinned")
    void pinAllowedToAll() {
        ChatId chat = teacher.chats().create(NewChat.of("Проект 5в", studentIds())
                .withSettings(ChatSettings.ownerOnly().with(ChatAction.CHANGE_PIN, PermissionLevel.ALL)));
        Message mine = student(0).messages().send(chat, Draft.text("План проекта"));

        student(0).messages().pin(chat, mine.id());
        assertEquals(Optional.of(mine.id()), teacher.messages().pinned(chat).map(Message::id));
        student(0).messages().delete(chat, List.of(mine.id()), true);
        assertEquals(Optional.empty(), teacher.messages().pinned(chat));
    }

    // ---------------------------------------------------------------- F-MSG-10 several at once

    @Test
    @DisplayName("F-MSG-10 several selected messages are forwarded in one call, then deleted in one call")
    void selectSeveral() {
        ChatId chat = classChat();
        ChatId parents = chatWith("Родители 5в", school.parent().id());
        List<MessageId> selected = new ArrayList<>();
        for (String text : List.of("Первое", "Второе", "Третье")) {
            selected.add(teacher.messages().send(chat, Draft.text(text)).id());
        }
        Message kept = teacher.messages().send(chat, Draft.text("Четвёртое"));

        Message forward = teacher.messages().send(parents, Draft.forward(selected));
        teacher.messages().delete(chat, selected, true);

        assertEquals(List.of("Первое", "Второе", "Третье"),
                texts(only(fixture.as(school.parent()), parents, forward.id()).forwarded()));
        assertEquals(List.of(kept.id()), all(student(0), chat).stream().map(Message::id).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("F-MSG-10 one refused message in a selection leaves the whole selection undeleted")
    void selectionAllOrNothing() {
        ChatId chat = classChat();
        Message own = student(0).messages().send(chat, Draft.text("Моё"));
        Message theirs = student(1).messages().send(chat, Draft.text("Чужое"));

        assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().delete(chat, List.of(own.id(), theirs.id()), true));
        assertEquals(List.of("Моё", "Чужое"), texts(student(2), chat));
    }

    // ---------------------------------------------------------------- F-CHAT-09 search

    @Test
    @DisplayName("F-CHAT-09 search finds messages by keyword, any case, Russian and English, newest first")
    void search() {
        ChatId chat = classChat();
        Message first = teacher.messages().send(chat, Draft.text("Домашнее задание: №15"));
        teacher.messages().send(chat, Draft.text("Урок в 9:00"));
        Message second = student(0).messages().send(chat, Draft.text("А ДОМАШНЕЕ на завтра?"));
        Message english = teacher.messages().send(chat, Draft.text("Homework: read chapter 3"));
        Message hidden = teacher.messages().send(chat, Draft.text("домашнее, удалённое у ученика"));
        student(1).messages().delete(chat, List.of(hidden.id()), false);

        Page<Message> found = student(1).messages().search(chat, "домашнее", PageRequest.ofSize(20));
        assertEquals(List.of(second.id(), first.id()), found.items().stream().map(Message::id)
                .collect(Collectors.toList()));
        assertEquals(List.of(english.id()), student(1).messages().search(chat, "HOMEWORK", PageRequest.ofSize(20))
                .items().stream().map(Message::id).collect(Collectors.toList()));
        assertEquals(3, teacher.messages().search(chat, "Домашнее", PageRequest.ofSize(20)).items().size());
        assertEquals(List.of(), teacher.messages().search(chat, "физкультура", PageRequest.ofSize(20)).items());
    }

    @Test
    @DisplayName("F-CHAT-09 search pages newest first and refuses outsiders and empty queries")
    void searchPagingAndRefusals() {
        ChatId chat = classChat();
        List<MessageId> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(teacher.messages().send(chat, Draft.text("Задача " + i)).id());
        }
        List<MessageId> read = new ArrayList<>();
        Page<Message> page = student(0).messages().search(chat, "задача", PageRequest.ofSize(2));
        read.addAll(page.items().stream().map(Message::id).collect(Collectors.toList()));
        while (page.hasNext()) {
            page = student(0).messages().search(chat, "задача", PageRequest.ofSize(2).after(page.nextCursor().get()));
            read.addAll(page.items().stream().map(Message::id).collect(Collectors.toList()));
        }
        List<MessageId> newestFirst = new ArrayList<>(sent);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, read);

        PermissionDeniedException outsider = assertThrows(PermissionDeniedException.class,
                () -> fixture.as(school.outsider()).messages().search(chat, "задача", PageRequest.ofSize(20)));
        assertCode(ErrorCode.NOT_A_CHAT_MEMBER, outsider);
        ValidationException blank = assertThrows(ValidationException.class,
                () -> teacher.messages().search(chat, "  ", PageRequest.ofSize(20)));
        assertCode(ErrorCode.INVALID_ARGUMENT, blank);
        ValidationException big = assertThrows(ValidationException.class,
                () -> teacher.messages().search(chat, "задача", PageRequest.ofSize(101)));
        assertCode(ErrorCode.INVALID_PAGE_REQUEST, big);
    }

    // ---------------------------------------------------------------- F-CHAT-11 phantom chat

    @Test
    @DisplayName("F-CHAT-11 in a phantom chat, messages disappear for everyone after the set time")
    void phantomChat() {
        ChatId chat = classChat();
        Message before = teacher.messages().send(chat, Draft.text("Обычное сообщение"));
        teacher.messages().setDisappearing(chat, Optional.of(Duration.ofSeconds(60)));
        Message vanishing = student(0).messages().send(chat, Draft.text("Исчезнет через минуту"));

        fixture.advanceClock(Duration.ofSeconds(59));
        assertEquals(List.of("Обычное сообщение", "Исчезнет через минуту"), texts(student(1), chat));
        fixture.advanceClock(Duration.ofSeconds(1));
        for (SferumSession reader : List.of(teacher, student(0), student(1))) {
            assertEquals(List.of(before.id()), all(reader, chat).stream().map(Message::id)
                    .collect(Collectors.toList()));
        }
        assertEquals(List.of(), teacher.messages().search(chat, "Исчезнет", PageRequest.ofSize(20)).items());
        NotFoundException gone = assertThrows(NotFoundException.class,
                () -> student(0).messages().edit(chat, vanishing.id(), "Поздно"));
        assertCode(ErrorCode.MESSAGE_NOT_FOUND, gone);

        teacher.messages().setDisappearing(chat, Optional.empty());
        teacher.messages().send(chat, Draft.text("Снова обычное"));
        fixture.advanceClock(Duration.ofDays(2));
        assertEquals(List.of("Обычное сообщение", "Снова обычное"), texts(student(2), chat));
    }

    @Test
    @DisplayName("F-CHAT-11 an expiring message cannot be pinned, and only those allowed make a chat phantom")
    void phantomChatRefusals() {
        ChatId chat = classChat();
        Message pinned = teacher.messages().send(chat, Draft.text("Закреплённое"));
        teacher.messages().pin(chat, pinned.id());
        teacher.messages().setDisappearing(chat, Optional.of(Duration.ofMinutes(10)));
        Message expiring = teacher.messages().send(chat, Draft.text("Исчезнет"));

        ConflictException pin = assertThrows(ConflictException.class,
                () -> teacher.messages().pin(chat, expiring.id()));
        assertCode(ErrorCode.CANNOT_PIN_EXPIRING_MESSAGE, pin);
        assertEquals(Optional.of(pinned.id()), student(0).messages().pinned(chat).map(Message::id));

        PermissionDeniedException student = assertThrows(PermissionDeniedException.class,
                () -> student(0).messages().setDisappearing(chat, Optional.empty()));
        assertCode(ErrorCode.NOT_ALLOWED_IN_CHAT, student);
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> teacher.messages().setDisappearing(chat, Optional.of(Duration.ofDays(8))));
        assertCode(ErrorCode.INVALID_ARGUMENT, tooLong);
        fixture.advanceClock(Duration.ofMinutes(10));
        assertEquals(List.of("Закреплённое"), texts(student(1), chat), "the chat still disappears after 10 min");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @DisplayName("F-MSG-06 F-MSG-07 concurrent sends, edits and deletes keep one order that every reader sees")
    void concurrentActionsKeepOneOrder() throws Exception {
        ChatId chat = classChat();
        List<Message> seeds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seeds.add(teacher.messages().send(chat, Draft.text("Исходное " + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int s = 0; s < school.students().size(); s++) {
                SferumSession who = student(s);
                int index = s;
                tasks.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        who.messages().send(chat, Draft.text("Ученик " + index + " #" + i));
                    }
                    return null;
                });
            }
            tasks.add(() -> {
                for (int i = 0; i < 3; i++) {
                    teacher.messages().edit(chat, seeds.get(i).id(), "Изменено " + i);
                    teacher.messages().delete(chat, List.of(seeds.get(i + 3).id()), true);
                }
                return null;
            });
            for (Future<Object> done : pool.invokeAll(tasks)) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Message> seen = all(teacher, chat);
        assertEquals(3 + 15, seen.size());
        for (int s = 0; s < school.students().size(); s++) {
            assertEquals(seen.stream().map(Message::id).collect(Collectors.toList()),
                    all(student(s), chat).stream().map(Message::id).collect(Collectors.toList()));
        }
        assertEquals(List.of("Изменено 0", "Изменено 1", "Изменено 2"), texts(seen.subList(0, 3)));
    }
}
