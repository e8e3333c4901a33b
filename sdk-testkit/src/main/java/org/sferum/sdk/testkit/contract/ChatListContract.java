package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * The contract of the «Чаты» list and of each user's own chat actions (F-SECT-01, F-CHAT-07, F-CHAT-08): the
 * list's order and filters, pinning (at most five), archiving, marking unread, muting, clearing the history and
 * leaving. Extend it and return the face under test from {@link #openFixture()}; the fixture must be able to
 * {@link SferumFixture#advanceClock move its clock} (a mute with an end time ends on it).
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.CHAT_LIST_ACTIONS, Capability.MESSAGING, Capability.NOTIFICATIONS})
public abstract class ChatListContract extends SchoolContract {


    private Set<UserId> studentIds() {
        return school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
    }

    private ChatId chat(String title) {
        return teacher.chats().create(NewChat.of(title, studentIds()));
    }

    /** Every row of a filter, read in pages of two so that paging is part of every check. */
    private static List<ChatSummary> rows(SferumSession who, ChatFilter filter) {
        List<ChatSummary> out = new ArrayList<>();
        Page<ChatSummary> page = who.chats().list(filter, PageRequest.ofSize(2));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = who.chats().list(filter, PageRequest.ofSize(2).after(page.nextCursor().orElseThrow()));
            out.addAll(page.items());
        }
        return out;
    }

    private static List<ChatId> ids(SferumSession who, ChatFilter filter) {
        return rows(who, filter).stream().map(ChatSummary::id).collect(Collectors.toList());
    }

    private static ChatSummary row(SferumSession who, ChatId chat) {
        List<ChatSummary> found = new ArrayList<>();
        for (ChatFilter filter : List.of(ChatFilter.ALL, ChatFilter.ARCHIVED)) {
            rows(who, filter).stream().filter(s -> s.id().equals(chat)).forEach(found::add);
        }
        assertEquals(1, found.size(), () -> chat + " is listed once, in the main list or the archive: " + found);
        return found.get(0);
    }

    private static List<Message> history(SferumSession who, ChatId chat) {
        List<Message> out = new ArrayList<>();
        who.messages().iterateHistory(chat, HistoryQuery.oldestFirst(200)).forEach(out::add);
        return out;
    }

    /** The platform's time, to the second: the time of a message the teacher sends now in the chat. */
    private Instant now(ChatId chat) {
        return teacher.messages().send(chat, Draft.text("Который час?")).sentAt();
    }

    /** Everything a user's list shows, in every filter: the state a refused call must leave as it was. */
    private static List<List<ChatSummary>> listsOf(SferumSession who) {
        return List.of(rows(who, ChatFilter.ALL), rows(who, ChatFilter.UNREAD), rows(who, ChatFilter.ARCHIVED));
    }

    @Test
    @DisplayName("F-SECT-01 pinned chats come first, the latest pin first, then the others by latest activity")
    void listOrder() {
        ChatId a = chat("5в Математика");
        ChatId b = chat("5в Русский язык");
        ChatId c = chat("5в История");
        ChatId d = chat("5в Физкультура");
        assertEquals(List.of(d, c, b, a), ids(teacher, ChatFilter.ALL), "latest activity first");

        teacher.chats().pin(b);
        teacher.chats().pin(a);
        assertEquals(List.of(a, b, d, c), ids(teacher, ChatFilter.ALL));
        teacher.messages().send(c, Draft.text("Экскурсия в музей в пятницу"));
        assertEquals(List.of(a, b, c, d), ids(teacher, ChatFilter.ALL), "a message moves a chat up below the pins");
        teacher.messages().send(b, Draft.text("Диктант завтра"));
        assertEquals(List.of(a, b, c, d), ids(teacher, ChatFilter.ALL), "pins keep their order whatever the activity");

        List<ChatSummary> rows = rows(teacher, ChatFilter.ALL);
        assertEquals(List.of(true, true, false, false),
                rows.stream().map(ChatSummary::pinned).collect(Collectors.toList()));
        assertEquals("5в История", rows.get(2).title());
        assertEquals("Экскурсия в музей в пятницу", rows.get(2).lastMessage().orElseThrow().text());
        assertEquals(1 + school.students().size(), rows.get(2).membersCount());

        Page<ChatSummary> first = teacher.chats().list(ChatFilter.ALL, PageRequest.ofSize(3));
        assertEquals(List.of(a, b, c), first.items().stream().map(ChatSummary::id).collect(Collectors.toList()));
        Page<ChatSummary> second = teacher.chats().list(ChatFilter.ALL,
                PageRequest.ofSize(3).after(first.nextCursor().orElseThrow()));
        assertEquals(List.of(d), second.items().stream().map(ChatSummary::id).collect(Collectors.toList()));
        assertFalse(second.hasNext());
    }

    @Test
    @DisplayName("F-SECT-01 pinned, archived, muted and marked unread are each user's own")
    void flagsArePerUser() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        ChatId history = chat("5в История");
        List<ChatId> before = ids(student(0), ChatFilter.ALL);

        teacher.chats().pin(math);
        teacher.chats().setArchived(russian, true);
        teacher.chats().mute(history, Optional.empty());
        teacher.chats().markUnread(history);

        ChatSummary pinned = row(teacher, math);
        assertTrue(pinned.pinned());
        assertTrue(row(teacher, russian).archived());
        ChatSummary muted = row(teacher, history);
        assertTrue(muted.muted());
        assertTrue(muted.markedUnread());
        assertTrue(muted.unread());

        assertEquals(before, ids(student(0), ChatFilter.ALL), "the student's list is as it was");
        for (ChatSummary row : rows(student(0), ChatFilter.ALL)) {
            assertFalse(row.pinned() || row.archived() || row.muted() || row.markedUnread(), row::toString);
        }
        assertTrue(rows(student(0), ChatFilter.ARCHIVED).isEmpty());
        assertTrue(rows(student(0), ChatFilter.UNREAD).isEmpty());
    }

    @Test
    @DisplayName("F-SECT-01 filters: all leaves out archived chats, unread holds chats with unread messages or "
            + "marked unread, archived holds the archive")
    void filters() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        ChatId history = chat("5в История");
        ChatId sport = chat("5в Физкультура");
        SferumSession reader = student(0);
        teacher.messages().send(math, Draft.text("Контрольная в среду"));
        reader.chats().markUnread(history);
        reader.chats().setArchived(sport, true);

        assertEquals(List.of(math, history, russian), ids(reader, ChatFilter.ALL));
        assertEquals(List.of(math, history), ids(reader, ChatFilter.UNREAD));
        assertEquals(List.of(sport), ids(reader, ChatFilter.ARCHIVED));
        ChatSummary unread = row(reader, math);
        assertEquals(1, unread.unreadCount());
        assertFalse(unread.markedUnread());
        ChatSummary marked = row(reader, history);
        assertEquals(0, marked.unreadCount());
        assertTrue(marked.markedUnread());

        teacher.messages().send(sport, Draft.text("Форма на физкультуру"));
        assertEquals(List.of(sport, math, history), ids(reader, ChatFilter.UNREAD),
                "an archived chat with unread messages is in the unread filter too");
        assertEquals(List.of(sport), ids(reader, ChatFilter.ARCHIVED));
        assertEquals(List.of(math, history, russian), ids(reader, ChatFilter.ALL));
    }

    @Test
    @DisplayName("F-CHAT-07 at most five chats are pinned: the sixth is refused with LIMIT_REACHED and nothing changes")
    void sixthPinRefused() {
        List<ChatId> chats = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            chats.add(chat("5в Кружок " + i));
        }
        for (int i = 0; i < 5; i++) {
            teacher.chats().pin(chats.get(i));
        }
        List<List<ChatSummary>> before = listsOf(teacher);
        assertEquals(List.of(chats.get(4), chats.get(3), chats.get(2), chats.get(1), chats.get(0), chats.get(5)),
                ids(teacher, ChatFilter.ALL));

        ConflictException refused = assertThrows(ConflictException.class, () -> teacher.chats().pin(chats.get(5)));
        assertEquals(ErrorCode.LIMIT_REACHED, refused.code());
        assertTrue(refused.getMessage().contains("5"), refused::getMessage);
        assertEquals(before, listsOf(teacher), "nothing changed");
        assertFalse(row(teacher, chats.get(5)).pinned());

        teacher.chats().pin(chats.get(2));
        assertEquals(before, listsOf(teacher), "pinning a pinned chat keeps its place, even at the limit");

        teacher.chats().unpin(chats.get(0));
        teacher.chats().pin(chats.get(5));
        assertEquals(List.of(chats.get(5), chats.get(4), chats.get(3), chats.get(2), chats.get(1), chats.get(0)),
                ids(teacher, ChatFilter.ALL));
        assertEquals(5, rows(teacher, ChatFilter.ALL).stream().filter(ChatSummary::pinned).count());
        assertTrue(rows(student(0), ChatFilter.ALL).stream().noneMatch(ChatSummary::pinned),
                "the limit and the pins are the teacher's");
        student(0).chats().pin(chats.get(0));
        assertTrue(row(student(0), chats.get(0)).pinned());
    }

    @Test
    @DisplayName("F-CHAT-07 unpinning a chat that is not pinned changes nothing; an unpinned chat goes back by activity")
    void unpin() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        List<List<ChatSummary>> before = listsOf(teacher);
        teacher.chats().unpin(math);
        assertEquals(before, listsOf(teacher));

        teacher.chats().pin(math);
        assertEquals(List.of(math, russian), ids(teacher, ChatFilter.ALL));
        teacher.chats().unpin(math);
        assertEquals(List.of(russian, math), ids(teacher, ChatFilter.ALL));
        assertFalse(row(teacher, math).pinned());
    }

    @Test
    @DisplayName("F-CHAT-08 an archived chat leaves the main list, stays archived when a message arrives, and comes "
            + "back when unarchived")
    void archive() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        teacher.chats().pin(math);

        teacher.chats().setArchived(math, true);
        assertEquals(List.of(russian), ids(teacher, ChatFilter.ALL));
        assertEquals(List.of(math), ids(teacher, ChatFilter.ARCHIVED));
        ChatSummary archived = row(teacher, math);
        assertTrue(archived.archived());
        assertFalse(archived.pinned(), "archiving unpins");

        Message late = student(0).messages().send(math, Draft.text("Я забыл тетрадь"));
        assertEquals(List.of(math), ids(teacher, ChatFilter.ARCHIVED), "a new message does not unarchive");
        assertEquals(Optional.of(late), row(teacher, math).lastMessage());
        assertEquals(1, row(teacher, math).unreadCount());
        assertEquals(List.of(math, russian), ids(student(1), ChatFilter.ALL), "the others' lists are theirs");

        teacher.chats().setArchived(math, true);
        assertEquals(List.of(math), ids(teacher, ChatFilter.ARCHIVED), "archiving twice changes nothing");
        teacher.chats().setArchived(math, false);
        assertEquals(List.of(math, russian), ids(teacher, ChatFilter.ALL));
        assertTrue(ids(teacher, ChatFilter.ARCHIVED).isEmpty());
        assertFalse(row(teacher, math).pinned(), "unarchiving does not pin again");

        teacher.chats().setArchived(russian, true);
        teacher.chats().pin(russian);
        assertEquals(List.of(russian, math), ids(teacher, ChatFilter.ALL), "pinning brings a chat back from the archive");
        assertFalse(row(teacher, russian).archived());
    }

    @Test
    @DisplayName("F-CHAT-08 a chat marked unread shows as unread until the user reads it")
    void markUnread() {
        ChatId math = chat("5в Математика");
        Message message = teacher.messages().send(math, Draft.text("Завтра контрольная"));
        SferumSession reader = student(0);
        reader.messages().markRead(math, message.id());
        assertTrue(ids(reader, ChatFilter.UNREAD).isEmpty());

        reader.chats().markUnread(math);
        reader.chats().markUnread(math);
        ChatSummary marked = row(reader, math);
        assertTrue(marked.markedUnread());
        assertEquals(0, marked.unreadCount(), "marking adds no unread messages");
        assertEquals(List.of(math), ids(reader, ChatFilter.UNREAD));
        assertFalse(row(teacher, math).markedUnread(), "the mark is the reader's own");

        reader.messages().markRead(math, message.id());
        assertFalse(row(reader, math).markedUnread(), "reading the chat clears the mark");
        assertTrue(ids(reader, ChatFilter.UNREAD).isEmpty());
    }

    @Test
    @DisplayName("F-CHAT-08 a mute without end lasts until unmuted; a mute with an end time ends by itself on the clock")
    void mute() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        SferumSession reader = student(1);

        reader.chats().mute(math, Optional.empty());
        assertTrue(row(reader, math).muted());
        fixture.advanceClock(Duration.ofDays(400));
        assertTrue(row(reader, math).muted(), "forever stays");
        reader.chats().unmute(math);
        assertFalse(row(reader, math).muted());
        reader.chats().unmute(math);
        assertFalse(row(reader, math).muted(), "unmuting an unmuted chat changes nothing");

        Instant now = now(russian);
        reader.chats().mute(russian, Optional.of(now.plus(Duration.ofHours(8))));
        assertTrue(row(reader, russian).muted());
        assertFalse(row(teacher, russian).muted(), "the mute is the student's own");
        fixture.advanceClock(Duration.ofHours(8).minusSeconds(1));
        assertTrue(row(reader, russian).muted(), "still muted a second before the end");
        fixture.advanceClock(Duration.ofSeconds(1));
        assertFalse(row(reader, russian).muted(), "the mute ended by itself");

        reader.chats().mute(russian, Optional.of(now(russian).plus(Duration.ofHours(1))));
        reader.chats().mute(russian, Optional.empty());
        fixture.advanceClock(Duration.ofHours(2));
        assertTrue(row(reader, russian).muted(), "a new mute replaces the earlier one");
    }

    @Test
    @DisplayName("F-CHAT-08 a mute that ends now or in the past is refused as invalid and nothing changes")
    void muteInThePast() {
        ChatId math = chat("5в Математика");
        Instant now = now(math);
        List<List<ChatSummary>> before = listsOf(teacher);
        for (Instant end : List.of(now, now.minus(Duration.ofMinutes(5)))) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> teacher.chats().mute(math, Optional.of(end)));
            assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
        }
        assertEquals(before, listsOf(teacher));
        assertFalse(row(teacher, math).muted());
    }

    @Test
    @DisplayName("F-CHAT-08 clearing the history is for this user only: their history, unread count and last message "
            + "start after it; the others see everything")
    void clearHistory() {
        ChatId math = chat("5в Математика");
        Message first = teacher.messages().send(math, Draft.text("Задание на дом: №1"));
        Message second = teacher.messages().send(math, Draft.text("Задание на дом: №2"));
        SferumSession reader = student(0);
        assertEquals(2, row(reader, math).unreadCount());
        reader.chats().markUnread(math);

        reader.chats().clearHistory(math);
        assertEquals(List.of(), history(reader, math));
        ChatSummary cleared = row(reader, math);
        assertEquals(Optional.empty(), cleared.lastMessage());
        assertEquals(0, cleared.unreadCount());
        assertFalse(cleared.markedUnread());
        assertEquals(List.of(math), ids(reader, ChatFilter.ALL), "the chat stays in the list");
        assertEquals(List.of(first, second), history(teacher, math), "the teacher sees everything");
        assertEquals(List.of(first, second), history(student(1), math), "another student sees everything");
        assertEquals(2, row(student(1), math).unreadCount());

        Message third = teacher.messages().send(math, Draft.text("Задание на дом: №3"));
        assertEquals(List.of(third), history(reader, math));
        ChatSummary after = row(reader, math);
        assertEquals(Optional.of(third), after.lastMessage());
        assertEquals(1, after.unreadCount());
        assertEquals(List.of(first, second, third), history(teacher, math));

        reader.chats().clearHistory(math);
        reader.chats().clearHistory(math);
        assertEquals(List.of(), history(reader, math));
        assertEquals(3, history(student(1), math).size());
    }

    @Test
    @DisplayName("F-CHAT-08 a user who leaves loses the chat from the list and is refused as not a member; the others "
            + "go on")
    void leave() {
        ChatId math = chat("5в Математика");
        ChatId russian = chat("5в Русский язык");
        teacher.messages().send(math, Draft.text("Всем привет"));
        SferumSession leaver = student(0);
        leaver.chats().pin(math);

        leaver.chats().leave(math);
        assertEquals(List.of(russian), ids(leaver, ChatFilter.ALL));
        assertTrue(ids(leaver, ChatFilter.ARCHIVED).isEmpty());
        assertNotAMember(() -> history(leaver, math));
        assertNotAMember(() -> leaver.messages().send(math, Draft.text("Можно вернуться?")));
        assertNotAMember(() -> leaver.chats().leave(math));
        assertNotAMember(() -> leaver.chats().pin(math));

        assertEquals(school.students().size(), row(teacher, math).membersCount());
        Message next = teacher.messages().send(math, Draft.text("Продолжаем"));
        assertEquals(next, history(student(1), math).get(1));
        for (int i = 0; i < 5; i++) {
            leaver.chats().pin(chat("5в Кружок " + i));
        }
        assertEquals(5, rows(leaver, ChatFilter.ALL).stream().filter(ChatSummary::pinned).count(),
                "a left chat's pin no longer counts");
    }

    @Test
    @DisplayName("F-CHAT-08 every action on a chat the user is not a member of, or that does not exist, is refused by "
            + "type and nothing changes")
    void refusals() {
        ChatId math = chat("5в Математика");
        teacher.messages().send(math, Draft.text("Только для 5в"));
        SferumSession outsider = fixture.as(school.outsider());
        ChatId unknown = ChatId.group(99_999);
        Instant later = now(math).plus(Duration.ofHours(1));
        List<List<ChatSummary>> teacherBefore = listsOf(teacher);
        List<List<ChatSummary>> studentBefore = listsOf(student(0));

        List<Consumer<Chats>> actions = List.of(
            chats -> chats.pin(math), chats -> chats.unpin(math), chats -> chats.setArchived(math, true),
            chats -> chats.setArchived(math, false), chats -> chats.markUnread(math),
            chats -> chats.mute(math, Optional.empty()), chats -> chats.mute(math, Optional.of(later)),
            chats -> chats.unmute(math), chats -> chats.clearHistory(math), chats -> chats.leave(math));
        for (Consumer<Chats> action : actions) {
            assertNotAMember(() -> action.accept(outsider.chats()));
        }
        List<Consumer<Chats>> onUnknown = List.of(
            chats -> chats.pin(unknown), chats -> chats.unpin(unknown), chats -> chats.setArchived(unknown, true),
            chats -> chats.markUnread(unknown), chats -> chats.mute(unknown, Optional.empty()),
            chats -> chats.unmute(unknown), chats -> chats.clearHistory(unknown), chats -> chats.leave(unknown));
        for (Consumer<Chats> action : onUnknown) {
            NotFoundException notFound = assertThrows(NotFoundException.class, () -> action.accept(teacher.chats()));
            assertEquals(ErrorCode.CHAT_NOT_FOUND, notFound.code());
        }
        assertTrue(rows(outsider, ChatFilter.ALL).isEmpty());
        assertEquals(teacherBefore, listsOf(teacher));
        assertEquals(studentBefore, listsOf(student(0)));
        assertEquals(2, history(student(0), math).size());
    }

    private static void assertNotAMember(Executable call) {
        PermissionDeniedException refused = assertThrows(PermissionDeniedException.class, call);
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, refused.code());
    }
}
