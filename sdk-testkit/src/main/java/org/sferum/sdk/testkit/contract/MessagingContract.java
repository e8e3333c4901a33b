package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
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
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * The contract of the first slice: a teacher and students exchanging messages in a class chat (F-MSG-01,
 * F-MSG-11, F-SECT-01). Extend it and return the face under test from {@link #openFixture()}; every test runs
 * against a fresh fixture.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.MESSAGING})
public abstract class MessagingContract extends SchoolContract {


    private Set<UserId> studentIds() {
        return school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
    }

    private ChatId classChat() {
        return teacher.chats().create(NewChat.of("5в Математика", studentIds()));
    }

    private List<Message> all(SferumSession who, ChatId chat) {
        List<Message> out = new ArrayList<>();
        who.messages().iterateHistory(chat, HistoryQuery.oldestFirst(200)).forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("F-MSG-01 a teacher's message reaches every student of the chat, as sent")
    void teacherMessageReachesStudents() {
        ChatId chat = classChat();
        Message sent = teacher.messages().send(chat, Draft.text("Домашнее задание: №15, №16"));

        assertEquals(chat, sent.chat());
        assertEquals(school.teacher().id(), sent.author());
        assertEquals("Домашнее задание: №15, №16", sent.text());
        assertEquals(1, sent.conversationMessageId());
        for (int i = 0; i < school.students().size(); i++) {
            Page<Message> page = student(i).messages().history(chat, HistoryQuery.newestFirst(20));
            assertEquals(List.of(sent), page.items(), "student " + i + " sees the message as sent");
            assertFalse(page.hasNext());
        }
    }

    @Test
    @DisplayName("F-MSG-01 students answer in the chat and everyone sees one conversation")
    void studentsAnswer() {
        ChatId chat = classChat();
        Message question = teacher.messages().send(chat, Draft.text("Кто решил задачу?"));
        Message answer = student(0).messages().send(chat, Draft.text("Я решил").replyTo(question.id()));

        assertEquals(Optional.of(question.id()), answer.replyTo());
        assertEquals(2, answer.conversationMessageId());
        assertEquals(all(teacher, chat), all(student(2), chat));
        assertEquals(List.of(question, answer), all(student(1), chat));
    }

    @Test
    @DisplayName("F-MSG-01 a user outside the chat can neither read nor write it, and the chat is unchanged")
    void nonMemberIsRefused() {
        ChatId chat = classChat();
        teacher.messages().send(chat, Draft.text("Только для 5в"));
        SferumSession outsider = fixture.as(school.outsider());
        SferumSession parent = fixture.as(school.parent());

        PermissionDeniedException read = assertThrows(PermissionDeniedException.class,
                () -> outsider.messages().history(chat, HistoryQuery.newestFirst(20)));
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, read.code());
        PermissionDeniedException write = assertThrows(PermissionDeniedException.class,
                () -> parent.messages().send(chat, Draft.text("Можно мне?")));
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, write.code());
        assertTrue(outsider.chats().list(ChatFilter.ALL, PageRequest.first()).items().isEmpty());
        assertEquals(1, all(teacher, chat).size(), "the refused send stored nothing");
    }

    @Test
    @DisplayName("F-MSG-11 the same random id twice stores one message and returns it both times")
    void idempotentSend() {
        ChatId chat = classChat();
        Draft draft = Draft.text("Контрольная в пятницу").withRandomId(424242);
        Message first = teacher.messages().send(chat, draft);
        Message again = teacher.messages().send(chat, draft);
        Message other = teacher.messages().send(chat, Draft.text("Контрольная в пятницу").withRandomId(424243));

        assertEquals(first, again);
        assertNotEquals(first.id(), other.id());
        assertEquals(List.of(first, other), all(student(0), chat));
    }

    @Test
    @DisplayName("F-MSG-11 the same random id from another author or in another chat is a new message")
    void idempotencyIsPerAuthorAndChat() {
        ChatId chat = classChat();
        ChatId other = teacher.chats().create(NewChat.of("5в Физика", studentIds()));
        Message byTeacher = teacher.messages().send(chat, Draft.text("Раз").withRandomId(7));
        Message byStudent = student(0).messages().send(chat, Draft.text("Два").withRandomId(7));
        Message elsewhere = teacher.messages().send(other, Draft.text("Три").withRandomId(7));

        assertEquals(3, Set.of(byTeacher.id(), byStudent.id(), elsewhere.id()).size());
        assertEquals(2, all(teacher, chat).size());
    }

    @Test
    @DisplayName("F-MSG-11 history pages newest first without gaps or repeats, even while new messages arrive")
    void pagingNewestFirst() {
        ChatId chat = classChat();
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            sent.add(teacher.messages().send(chat, Draft.text("Сообщение " + i)));
        }
        SferumSession reader = student(1);
        Page<Message> first = reader.messages().history(chat, HistoryQuery.newestFirst(10));
        assertEquals(sent.subList(15, 25), reversed(first.items()));
        assertEquals(25, first.totalCount().orElseThrow());

        teacher.messages().send(chat, Draft.text("Пришло во время листания"));

        PageCursor cursor = first.nextCursor().orElseThrow();
        Page<Message> second = reader.messages().history(chat, HistoryQuery.newestFirst(10).after(cursor));
        Page<Message> third = reader.messages().history(chat,
                HistoryQuery.newestFirst(10).after(second.nextCursor().orElseThrow()));
        assertEquals(sent.subList(5, 15), reversed(second.items()));
        assertEquals(sent.subList(0, 5), reversed(third.items()));
        assertFalse(third.hasNext());
    }

    @Test
    @DisplayName("F-MSG-11 history pages oldest first, and the paging iterator reads the whole chat in order")
    void pagingOldestFirst() {
        ChatId chat = classChat();
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            sent.add(student(i % 3).messages().send(chat, Draft.text("Ответ " + i)));
        }
        Page<Message> first = teacher.messages().history(chat, HistoryQuery.oldestFirst(5));
        assertEquals(sent.subList(0, 5), first.items());
        List<Message> iterated = new ArrayList<>();
        teacher.messages().iterateHistory(chat, HistoryQuery.oldestFirst(5)).forEach(iterated::add);
        assertEquals(sent, iterated);
        List<Message> backwards = new ArrayList<>();
        teacher.messages().iterateHistory(chat, HistoryQuery.newestFirst(4)).forEach(backwards::add);
        assertEquals(sent, reversed(backwards));
    }

    @Test
    @DisplayName("F-MSG-11 unread counters count others' messages and reset when the chat is read")
    void unreadCounters() {
        ChatId chat = classChat();
        teacher.messages().send(chat, Draft.text("Первое"));
        teacher.messages().send(chat, Draft.text("Второе"));
        Message third = teacher.messages().send(chat, Draft.text("Третье"));
        SferumSession reader = student(0);

        assertEquals(3, summaryOf(reader, chat).unreadCount());
        assertEquals(0, summaryOf(teacher, chat).unreadCount(), "own messages are read");
        assertEquals(List.of(chat), ids(reader.chats().list(ChatFilter.UNREAD, PageRequest.first())));

        reader.messages().markRead(chat, third.id());
        assertEquals(0, summaryOf(reader, chat).unreadCount());
        assertTrue(reader.chats().list(ChatFilter.UNREAD, PageRequest.first()).items().isEmpty());
        assertEquals(3, summaryOf(student(1), chat).unreadCount(), "read state is per user");
    }

    @Test
    @DisplayName("F-SECT-01 the chat list shows the user's chats, latest activity first, with title and last message")
    void chatList() {
        ChatId math = classChat();
        ChatId physics = teacher.chats().create(NewChat.of("5в Физика", Set.of(school.students().get(0).id())));
        Message last = teacher.messages().send(math, Draft.text("Урок переносится"));

        Page<ChatSummary> teacherChats = teacher.chats().list(ChatFilter.ALL, PageRequest.first());
        assertEquals(List.of(math, physics), ids(teacherChats));
        ChatSummary top = teacherChats.items().get(0);
        assertEquals("5в Математика", top.title());
        assertEquals(Optional.of(last), top.lastMessage());
        assertEquals(1 + school.students().size(), top.membersCount());
        assertEquals(List.of(math), ids(student(1).chats().list(ChatFilter.ALL, PageRequest.first())));

        Page<ChatSummary> firstPage = teacher.chats().list(ChatFilter.ALL, PageRequest.ofSize(1));
        assertEquals(List.of(math), ids(firstPage));
        Page<ChatSummary> secondPage = teacher.chats().list(ChatFilter.ALL,
                PageRequest.ofSize(1).after(firstPage.nextCursor().orElseThrow()));
        assertEquals(List.of(physics), ids(secondPage));
        assertFalse(secondPage.hasNext());
    }

    @Test
    @DisplayName("F-MSG-01 text of 9000 characters is sent; 9001 characters or an empty text are refused by type")
    void textLength() {
        ChatId chat = classChat();
        String longest = "я".repeat(Draft.MAX_TEXT_LENGTH);
        assertEquals(longest, teacher.messages().send(chat, Draft.text(longest)).text());

        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> teacher.messages().send(chat, Draft.text(longest + "!")));
        assertEquals(ErrorCode.MESSAGE_TOO_LONG, tooLong.code());
        assertTrue(tooLong.getMessage().contains("9000"), tooLong.getMessage());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> teacher.messages().send(chat, Draft.text("   ")));
        assertEquals(ErrorCode.MESSAGE_EMPTY, empty.code());
        assertEquals(1, all(teacher, chat).size());
    }

    @Test
    @DisplayName("F-CHAT-02 a blank chat title or an unknown member is refused and no chat is created")
    void badNewChat() {
        ValidationException blank = assertThrows(ValidationException.class,
                () -> teacher.chats().create(NewChat.of("  ", studentIds())));
        assertEquals(ErrorCode.INVALID_CHAT_TITLE, blank.code());
        NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> teacher.chats().create(NewChat.of("Кружок", Set.of(UserId.of(999_999_999L)))));
        assertEquals(ErrorCode.USER_NOT_FOUND, unknown.code());
        assertTrue(teacher.chats().list(ChatFilter.ALL, PageRequest.first()).items().isEmpty());
    }

    @Test
    @DisplayName("F-MSG-01 an unknown chat, a reply to another chat's message and a bad cursor are refused by type")
    void badReferences() {
        ChatId chat = classChat();
        ChatId other = teacher.chats().create(NewChat.of("Другой чат", studentIds()));
        Message elsewhere = teacher.messages().send(other, Draft.text("Здесь"));

        NotFoundException noChat = assertThrows(NotFoundException.class,
                () -> teacher.messages().send(ChatId.group(77_777), Draft.text("Есть кто?")));
        assertEquals(ErrorCode.CHAT_NOT_FOUND, noChat.code());
        assertThrows(NotFoundException.class,
                () -> teacher.messages().send(chat, Draft.text("Ответ").replyTo(elsewhere.id())));
        assertThrows(NotFoundException.class,
                () -> teacher.messages().send(chat, Draft.text("Ответ").replyTo(MessageId.of(987_654))));
        ValidationException cursor = assertThrows(ValidationException.class, () -> teacher.messages()
                .history(chat, HistoryQuery.newestFirst(10).after(PageCursor.of("not-a-cursor"))));
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, cursor.code());
        assertThrows(ValidationException.class, () -> HistoryQuery.newestFirst(0));
        assertThrows(ValidationException.class, () -> HistoryQuery.newestFirst(201));
        assertTrue(all(teacher, chat).isEmpty());
    }

    @Test
    @DisplayName("F-MSG-01 an unknown token is refused as authentication, another user's token acts only as that user")
    void tokens() {
        ChatId chat = classChat();
        SferumSession forged = fixture.sferum().session(AccessToken.of("vk1.a.forged-token-that-was-never-issued"));
        AuthenticationException auth = assertThrows(AuthenticationException.class,
                () -> forged.messages().history(chat, HistoryQuery.newestFirst(5)));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, auth.code());
        assertFalse(auth.getMessage().contains("forged-token"), "the token is not echoed");

        SferumSession parentToken = fixture.sferum().session(school.parent().token());
        assertEquals(school.parent().id(), parentToken.me().id());
        assertThrows(PermissionDeniedException.class,
                () -> parentToken.messages().send(chat, Draft.text("Я учитель")));
        assertEquals(school.teacher().person(), teacher.me());
    }

    @Test
    @DisplayName("F-MSG-11 concurrent sends by many users keep one order that every reader sees, none lost")
    void concurrentSends() throws Exception {
        ChatId chat = classChat();
        int perUser = 15;
        List<SeededUser> writers = new ArrayList<>(school.students());
        writers.add(school.teacher());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Callable<List<Message>>> jobs = new ArrayList<>();
            for (SeededUser writer : writers) {
                SferumSession session = fixture.as(writer);
                jobs.add(() -> {
                    List<Message> mine = new ArrayList<>();
                    for (int i = 0; i < perUser; i++) {
                        mine.add(session.messages().send(chat, Draft.text(writer.id() + " #" + i)));
                    }
                    return mine;
                });
            }
            Set<MessageId> sentIds = new HashSet<>();
            for (Future<List<Message>> future : pool.invokeAll(jobs, 60, TimeUnit.SECONDS)) {
                future.get().forEach(m -> sentIds.add(m.id()));
            }
            assertEquals(writers.size() * perUser, sentIds.size());
        } finally {
            pool.shutdownNow();
        }
        List<Message> seenByTeacher = all(teacher, chat);
        assertEquals(writers.size() * perUser, seenByTeacher.size());
        for (int i = 0; i < seenByTeacher.size(); i++) {
            assertEquals(i + 1, seenByTeacher.get(i).conversationMessageId(), "no gaps, no repeats");
        }
        for (int i = 0; i < school.students().size(); i++) {
            assertEquals(seenByTeacher, all(student(i), chat), "every reader sees the same order");
        }
    }

    @Test
    @DisplayName("F-MSG-01 every refusal is a SferumException with a stable code and a message without secrets")
    void refusalsAreTyped() {
        ChatId chat = classChat();
        SferumException e = assertThrows(SferumException.class,
                () -> fixture.as(school.outsider()).messages().send(chat, Draft.text("Привет")));
        assertFalse(e.isRetryable());
        assertFalse(e.getMessage().contains(school.outsider().token().secret()));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("member"), e.getMessage());
    }

    private static ChatSummary summaryOf(SferumSession who, ChatId chat) {
        return who.chats().list(ChatFilter.ALL, PageRequest.ofSize(200)).items().stream()
                .filter(s -> s.id().equals(chat)).findFirst().orElseThrow();
    }

    private static List<ChatId> ids(Page<ChatSummary> page) {
        return page.items().stream().map(ChatSummary::id).collect(Collectors.toList());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
