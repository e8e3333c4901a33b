package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * The contract of one-to-one and one-to-all communication (F-CHAT-12), reply privately (F-MSG-09), contacts
 * (F-ACC-01) and notification settings (F-ACC-02). Extend it and return the face under test from
 * {@link #openFixture()}; every test runs against a fresh fixture with the demo school.
 *
 * <p>Contacts are the users who share a group chat with the user; the demo's outsider (another school) and the
 * parent (in no chat) start with none.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.CHAT_SETTINGS, Capability.CONTACTS, Capability.MESSAGING, Capability.NOTIFICATIONS})
public abstract class DirectChatsContract extends SchoolContract {


    private UserId studentId(int index) {
        return school.students().get(index).id();
    }

    private ChatId classChat() {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        return teacher.chats().create(NewChat.of("5в Математика", students));
    }

    private static List<Message> all(SferumSession who, ChatId chat) {
        List<Message> out = new ArrayList<>();
        who.messages().iterateHistory(chat, HistoryQuery.oldestFirst(200)).forEach(out::add);
        return out;
    }

    private static List<MessageId> ids(List<Message> messages) {
        return messages.stream().map(Message::id).collect(Collectors.toList());
    }

    private static List<ChatId> chatIds(SferumSession who) {
        return who.chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items().stream().map(ChatSummary::id)
                .collect(Collectors.toList());
    }

    private static Optional<ChatSummary> row(SferumSession who, ChatId chat) {
        return who.chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items().stream()
                .filter(s -> s.id().equals(chat)).findFirst();
    }

    private static <T extends SferumException> T refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ one-to-one (F-CHAT-12)

    @Test
    @DisplayName("F-CHAT-12 a teacher writes one-to-one to a student; the chat is in both lists, titled with the other's name")
    void oneToOne() {
        classChat();
        ChatId toStudent = ChatId.direct(studentId(0));
        Message sent = teacher.messages().send(toStudent, Draft.text("Иван, зайди после урока"));

        assertEquals(toStudent, sent.chat());
        assertEquals(school.teacher().id(), sent.author());
        assertEquals(1, sent.conversationMessageId());

        ChatId toTeacher = ChatId.direct(school.teacher().id());
        ChatSummary studentRow = row(student(0), toTeacher).orElseThrow();
        assertEquals(school.teacher().person().displayName(), studentRow.title());
        assertEquals(2, studentRow.membersCount());
        assertEquals(1, studentRow.unreadCount());
        assertEquals(Optional.of(sent.id()), studentRow.lastMessage().map(Message::id));
        assertEquals(toTeacher, studentRow.lastMessage().orElseThrow().chat(), "the student sees it in the chat with the teacher");
        ChatSummary teacherRow = row(teacher, toStudent).orElseThrow();
        assertEquals(school.students().get(0).person().displayName(), teacherRow.title());
        assertEquals(0, teacherRow.unreadCount());

        Message answer = student(0).messages().send(toTeacher, Draft.text("Хорошо").replyTo(sent.id()));
        assertEquals(toTeacher, answer.chat());
        assertEquals(Optional.of(sent.id()), answer.replyTo());
        assertEquals(List.of(sent.id(), answer.id()), ids(all(teacher, toStudent)));
        List<Message> seenByStudent = all(student(0), toTeacher);
        assertEquals(List.of(sent.id(), answer.id()), ids(seenByStudent));
        assertEquals("Иван, зайди после урока", seenByStudent.get(0).text());
        assertTrue(seenByStudent.stream().allMatch(m -> m.chat().equals(toTeacher)));
        assertFalse(chatIds(student(1)).contains(toTeacher), "other students do not see it");
    }

    @Test
    @DisplayName("F-CHAT-12 one-to-one chats keep read state, unread counters and idempotent sends as group chats do")
    void oneToOneReadStateAndIdempotency() {
        classChat();
        ChatId toStudent = ChatId.direct(studentId(1));
        ChatId toTeacher = ChatId.direct(school.teacher().id());
        Draft draft = Draft.text("Оценка за контрольную: 5").withRandomId(515151);
        Message first = teacher.messages().send(toStudent, draft);
        Message again = teacher.messages().send(toStudent, draft);
        Message second = teacher.messages().send(toStudent, Draft.text("Молодец"));

        assertEquals(first, again);
        assertEquals(2, row(student(1), toTeacher).orElseThrow().unreadCount());
        assertEquals(List.of(toTeacher), student(1).chats().list(ChatFilter.UNREAD, PageRequest.first()).items()
                .stream().map(ChatSummary::id).collect(Collectors.toList()));
        student(1).messages().markRead(toTeacher, second.id());
        assertEquals(0, row(student(1), toTeacher).orElseThrow().unreadCount());
        assertEquals(List.of(first.id(), second.id()), ids(all(student(1), toTeacher)));
    }

    @Test
    @DisplayName("F-CHAT-12 writing one-to-one to a user who is not a contact is refused with NOT_A_CONTACT; nothing is stored")
    void notAContact() {
        ChatId chat = classChat();
        SferumSession outsider = fixture.as(school.outsider());
        SferumSession parent = fixture.as(school.parent());

        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT,
                () -> outsider.messages().send(ChatId.direct(school.teacher().id()), Draft.text("Здравствуйте")));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT,
                () -> teacher.messages().send(ChatId.direct(school.outsider().id()), Draft.text("Добрый день")));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT,
                () -> parent.messages().send(ChatId.direct(studentId(0)), Draft.text("Привет")));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT, () -> teacher.messages()
                .history(ChatId.direct(school.outsider().id()), HistoryQuery.newestFirst(10)));
        assertEquals(List.of(chat), chatIds(teacher), "no one-to-one chat was opened");
        assertTrue(chatIds(outsider).isEmpty());
        assertTrue(chatIds(parent).isEmpty());

        refused(NotFoundException.class, ErrorCode.USER_NOT_FOUND,
                () -> teacher.messages().send(ChatId.direct(UserId.of(999_999_999L)), Draft.text("Кто здесь?")));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.messages().send(ChatId.direct(school.teacher().id()), Draft.text("Заметка себе")));
        assertEquals(List.of(chat), chatIds(teacher));
    }

    @Test
    @DisplayName("F-CHAT-12 a user of another school becomes reachable once they share a chat")
    void sharingAChatMakesContacts() {
        SferumSession outsider = fixture.as(school.outsider());
        ChatId toTeacher = ChatId.direct(school.teacher().id());
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CONTACT,
                () -> outsider.messages().send(toTeacher, Draft.text("Здравствуйте")));

        teacher.chats().create(NewChat.of("Методобъединение", Set.of(school.outsider().id())));
        Message sent = outsider.messages().send(toTeacher, Draft.text("Здравствуйте"));
        assertEquals(List.of(sent.id()), ids(all(teacher, ChatId.direct(school.outsider().id()))));
    }

    @Test
    @DisplayName("F-CHAT-12 F-MSG-06 messages of a one-to-one chat are deleted by its id: for oneself, or by the author for both")
    void deleteInOneToOne() {
        classChat();
        ChatId toStudent = ChatId.direct(studentId(0));
        ChatId toTeacher = ChatId.direct(school.teacher().id());
        Message first = teacher.messages().send(toStudent, Draft.text("Иван, зайди после урока"));
        Message second = teacher.messages().send(toStudent, Draft.text("Отменяется"));

        student(0).messages().delete(toTeacher, List.of(first.id()), false);
        assertEquals(List.of(second.id()), ids(all(student(0), toTeacher)));
        assertEquals(List.of(first.id(), second.id()), ids(all(teacher, toStudent)), "deleted for the student only");
        teacher.messages().delete(toStudent, List.of(second.id()), true);
        assertTrue(all(student(0), toTeacher).isEmpty());
        assertEquals(List.of(first.id()), ids(all(teacher, toStudent)));
        Message third = teacher.messages().send(toStudent, Draft.text("Жду в 14:00"));
        refused(PermissionDeniedException.class, ErrorCode.CANNOT_DELETE_FOR_EVERYONE,
                () -> student(0).messages().delete(toTeacher, List.of(third.id()), true));
        refused(NotFoundException.class, ErrorCode.MESSAGE_NOT_FOUND,
                () -> student(1).messages().delete(toTeacher, List.of(third.id()), false));
        assertEquals(List.of(third.id()), ids(all(student(0), toTeacher)), "the refused deletes changed nothing");
    }

    @Test
    @DisplayName("F-CHAT-08 F-CHAT-12 a one-to-one chat cannot be left: INVALID_ARGUMENT, nothing changed; clearing its history is the way")
    void oneToOneCannotBeLeft() {
        ChatId group = classChat();
        ChatId toStudent = ChatId.direct(studentId(0));
        ChatId toTeacher = ChatId.direct(school.teacher().id());
        Message sent = teacher.messages().send(toStudent, Draft.text("Иван, зайди после урока"));
        List<ChatSummary> teacherRows = teacher.chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items();
        List<ChatSummary> studentRows = student(0).chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items();

        ValidationException e = refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> student(0).chats().leave(toTeacher));
        assertTrue(e.getMessage().contains("one-to-one chats cannot be left"), e.getMessage());
        assertTrue(e.getMessage().contains("clear its history"), e.getMessage());
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> teacher.chats().leave(toStudent));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.chats().leave(ChatId.direct(studentId(1))));

        assertEquals(teacherRows, teacher.chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items(),
                "nothing changed, and no chat with the second student was opened");
        assertEquals(studentRows, student(0).chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items());
        assertEquals(List.of(sent.id()), ids(all(student(0), toTeacher)));
        Message answer = student(0).messages().send(toTeacher, Draft.text("Хорошо"));
        assertEquals(List.of(sent.id(), answer.id()), ids(all(teacher, toStudent)), "both still write");

        student(0).chats().clearHistory(toTeacher);
        assertTrue(all(student(0), toTeacher).isEmpty());
        assertEquals(List.of(sent.id(), answer.id()), ids(all(teacher, toStudent)));
        assertTrue(chatIds(student(0)).contains(group));
    }

    // ------------------------------------------------------------------ one-to-all (F-CHAT-12)

    @Test
    @DisplayName("F-CHAT-12 in an announcement chat the owner posts and members read; a member's send is WRITING_DISABLED")
    void announcementChat() {
        Set<UserId> everyone = school.everyone().stream().map(SeededUser::id)
                .filter(id -> !id.equals(school.teacher().id())).collect(Collectors.toSet());
        ChatId news = teacher.chats().create(new NewChat("Объявления школы", everyone, ChatSettings.announcement()));
        Message announcement = teacher.messages().send(news, Draft.text("Завтра сокращённые уроки"));

        for (SeededUser reader : List.of(school.students().get(0), school.parent(), school.outsider())) {
            SferumSession session = fixture.as(reader);
            assertEquals(List.of(announcement.id()), ids(all(session, news)), "members read it");
            refused(PermissionDeniedException.class, ErrorCode.WRITING_DISABLED,
                    () -> session.messages().send(news, Draft.text("А во сколько?")));
        }
        refused(PermissionDeniedException.class, ErrorCode.WRITING_DISABLED, () -> student(1).messages()
                .send(news, Draft.text("Ответ").replyTo(announcement.id())));
        assertEquals(List.of(announcement.id()), ids(all(teacher, news)), "the refused sends stored nothing");
        assertEquals(1, row(student(2), news).orElseThrow().unreadCount());
    }

    @Test
    @DisplayName("F-CHAT-12 an admin of an announcement chat posts in it")
    void announcementAdminPosts() {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        ChatId news = teacher.chats().create(new NewChat("Объявления 5в", students, ChatSettings.announcement()));
        teacher.chats().setAdmin(news, studentId(0), true);
        Message byAdmin = student(0).messages().send(news, Draft.text("Дежурные: Петров, Козлова"));
        assertEquals(List.of(byAdmin.id()), ids(all(student(1), news)));
        refused(PermissionDeniedException.class, ErrorCode.WRITING_DISABLED,
                () -> student(1).messages().send(news, Draft.text("Я не могу")));
    }

    @Test
    @DisplayName("F-CHAT-12 an ordinary group chat (one-to-group) still lets every member write")
    void groupChatStillOpen() {
        ChatId chat = classChat();
        Message byStudent = student(2).messages().send(chat, Draft.text("Я тоже пишу"));
        assertEquals(List.of(byStudent.id()), ids(all(teacher, chat)));
    }

    // ------------------------------------------------------------------ reply privately (F-MSG-09)

    @Test
    @DisplayName("F-MSG-09 reply privately answers a group chat message in the one-to-one chat with its author")
    void replyPrivately() {
        ChatId chat = classChat();
        Message question = teacher.messages().send(chat, Draft.text("Кто не сдал тетради?"));
        Message reply = student(0).messages().replyPrivately(chat, question.id(), Draft.text("Я забыл дома"));

        ChatId toTeacher = ChatId.direct(school.teacher().id());
        ChatId toStudent = ChatId.direct(studentId(0));
        assertEquals(toTeacher, reply.chat());
        assertEquals(studentId(0), reply.author());
        assertEquals(Optional.of(question.id()), reply.replyTo(), "it carries a reference to the original");
        assertEquals("Я забыл дома", reply.text());

        List<Message> seenByTeacher = all(teacher, toStudent);
        assertEquals(List.of(reply.id()), ids(seenByTeacher));
        assertEquals(Optional.of(question.id()), seenByTeacher.get(0).replyTo());
        assertEquals(List.of(question.id()), ids(all(student(1), chat)), "the group chat is unchanged");
        assertFalse(chatIds(student(1)).contains(toTeacher));
        assertEquals(school.students().get(0).person().displayName(), row(teacher, toStudent).orElseThrow().title());
    }

    @Test
    @DisplayName("F-MSG-09 reply privately reuses the one-to-one chat that already exists")
    void replyPrivatelyReusesTheChat() {
        ChatId chat = classChat();
        ChatId toTeacher = ChatId.direct(school.teacher().id());
        Message earlier = student(1).messages().send(toTeacher, Draft.text("Здравствуйте"));
        Message question = teacher.messages().send(chat, Draft.text("Вопросы по задаче есть?"));
        Message reply = student(1).messages().replyPrivately(chat, question.id(), Draft.text("Есть, можно лично?"));
        Message again = student(1).messages().replyPrivately(chat, question.id(),
                Draft.text("И ещё один").withRandomId(31337));
        Message repeated = student(1).messages().replyPrivately(chat, question.id(),
                Draft.text("И ещё один").withRandomId(31337));

        assertEquals(again, repeated, "idempotent by random id");
        assertEquals(2, reply.conversationMessageId());
        assertEquals(List.of(earlier.id(), reply.id(), again.id()), ids(all(teacher, ChatId.direct(studentId(1)))));
        long oneToOne = chatIds(student(1)).stream().filter(id -> !id.isGroup()).count();
        assertEquals(1, oneToOne, "one chat with the teacher, not two");
    }

    @Test
    @DisplayName("F-MSG-09 reply privately is refused for a chat the user cannot see, a message of another chat, one's own message")
    void replyPrivatelyRefusals() {
        ChatId chat = classChat();
        ChatId other = teacher.chats().create(NewChat.of("5в Физика", Set.of(studentId(2))));
        Message question = teacher.messages().send(chat, Draft.text("Вопрос классу"));
        Message elsewhere = teacher.messages().send(other, Draft.text("Только физика"));
        Message own = student(0).messages().send(chat, Draft.text("Мой ответ"));
        SferumSession outsider = fixture.as(school.outsider());

        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> outsider.messages().replyPrivately(chat, question.id(), Draft.text("Я тоже")));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> student(0).messages().replyPrivately(other, elsewhere.id(), Draft.text("Я не в физике")));
        refused(NotFoundException.class, ErrorCode.MESSAGE_NOT_FOUND,
                () -> student(2).messages().replyPrivately(chat, elsewhere.id(), Draft.text("Не тот чат")));
        refused(NotFoundException.class, ErrorCode.MESSAGE_NOT_FOUND,
                () -> student(0).messages().replyPrivately(chat, MessageId.of(987_654), Draft.text("Нет такого")));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> student(0).messages().replyPrivately(chat, own.id(), Draft.text("Сам себе")));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> student(0).messages()
                .replyPrivately(ChatId.direct(school.teacher().id()), question.id(), Draft.text("Не группа")));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> student(0).messages()
                .replyPrivately(chat, question.id(), Draft.text("Двойной ответ").replyTo(own.id())));

        assertTrue(chatIds(teacher).stream().allMatch(ChatId::isGroup), "no one-to-one chat was opened");
        assertTrue(chatIds(student(0)).stream().allMatch(ChatId::isGroup));
        assertEquals(List.of(question.id(), own.id()), ids(all(teacher, chat)));
    }

    @Test
    @DisplayName("F-MSG-09 an ordinary reply in a one-to-one chat to a message of another chat is refused")
    void crossChatReplyInOneToOne() {
        ChatId chat = classChat();
        Message question = teacher.messages().send(chat, Draft.text("Вопрос"));
        ChatId toClassmate = ChatId.direct(studentId(1));
        refused(NotFoundException.class, ErrorCode.MESSAGE_NOT_FOUND, () -> student(0).messages()
                .send(toClassmate, Draft.text("Видел?").replyTo(question.id())));
        assertFalse(chatIds(student(0)).contains(toClassmate));
    }

    // ------------------------------------------------------------------ contacts (F-ACC-01)

    @Test
    @DisplayName("F-ACC-01 contacts are the people who share a group chat with the user, by name, paged")
    void contacts() {
        classChat();
        List<Person> teachersContacts = teacher.contacts().list(PageRequest.first()).items();
        assertEquals(List.of("Козлова", "Петров", "Соколов"),
                teachersContacts.stream().map(Person::lastName).collect(Collectors.toList()));
        assertEquals(school.students().get(1).person(), teachersContacts.get(0));

        List<UserId> studentsContacts = student(0).contacts().list(PageRequest.first()).items().stream()
                .map(Person::id).collect(Collectors.toList());
        assertEquals(3, studentsContacts.size());
        assertTrue(studentsContacts.containsAll(List.of(studentId(1), studentId(2), school.teacher().id())));
        assertFalse(studentsContacts.contains(studentId(0)), "not oneself");

        Page<Person> first = teacher.contacts().list(PageRequest.ofSize(2));
        assertEquals(teachersContacts.subList(0, 2), first.items());
        Page<Person> second = teacher.contacts().list(PageRequest.ofSize(2).after(first.nextCursor().orElseThrow()));
        assertEquals(teachersContacts.subList(2, 3), second.items());
        assertFalse(second.hasNext());
        assertEquals(3, first.totalCount().orElseThrow());
    }

    @Test
    @DisplayName("F-ACC-01 the outsider of another school and a parent in no chat have no contacts until they share one")
    void contactsOfOutsiders() {
        classChat();
        SferumSession outsider = fixture.as(school.outsider());
        assertTrue(outsider.contacts().list(PageRequest.first()).items().isEmpty());
        assertTrue(fixture.as(school.parent()).contacts().list(PageRequest.first()).items().isEmpty());
        assertFalse(teacher.contacts().list(PageRequest.first()).items().stream()
                .anyMatch(p -> p.id().equals(school.outsider().id())));

        teacher.chats().create(NewChat.of("Методобъединение", Set.of(school.outsider().id())));
        assertEquals(List.of(school.teacher().person()), outsider.contacts().list(PageRequest.first()).items());
    }

    // ------------------------------------------------------------------ notification settings (F-ACC-02)

    @Test
    @DisplayName("F-ACC-02 notification settings start all on with sound, change per user, and read back as set")
    void notificationSettings() {
        NotificationSettings defaults = new NotificationSettings(true, true, true);
        assertEquals(defaults, teacher.notifications().get());

        NotificationSettings quiet = new NotificationSettings(false, true, false);
        teacher.notifications().update(quiet);
        assertEquals(quiet, teacher.notifications().get());
        assertEquals(defaults, student(0).notifications().get(), "settings are per user");

        NotificationSettings[] all = {
            new NotificationSettings(false, false, true), new NotificationSettings(false, false, false),
            new NotificationSettings(true, false, false), new NotificationSettings(true, true, true)};
        for (NotificationSettings settings : all) {
            teacher.notifications().update(settings);
            assertEquals(settings, teacher.notifications().get());
        }
    }
}
