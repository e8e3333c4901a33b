package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * The contract of {@link org.sferum.sdk.SferumSession#batch()} (issue 15; F-MSG-01, F-MSG-11): calls run in order,
 * each gets its own result or error, a batch longer than one {@code execute} still works, and sends keep their
 * idempotency inside a batch. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.MESSAGING})
public abstract class BatchContract extends SchoolContract {

    private ChatId classChat() {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        return teacher.chats().create(NewChat.of("5в Математика", students));
    }

    private List<Message> all(ChatId chat) {
        List<Message> out = new ArrayList<>();
        teacher.messages().iterateHistory(chat, HistoryQuery.oldestFirst(200)).forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("F-MSG-01 F-MSG-11 a batch's calls run in order and each gets its own result")
    void resultsInOrder() {
        ChatId chat = classChat();
        Batch batch = teacher.batch();
        Pending<Message> first = batch.send(chat, Draft.text("Первое"));
        Pending<Message> second = batch.send(chat, Draft.text("Второе"));
        Pending<Page<Message>> page = batch.history(chat, HistoryQuery.oldestFirst(20));
        Pending<Message> third = batch.send(chat, Draft.text("Третье"));
        assertEquals(4, batch.size());
        assertFalse(first.isDone());
        assertThrows(IllegalStateException.class, first::get, "no result before execute()");

        batch.execute();

        assertTrue(first.isDone() && third.isDone());
        assertEquals(List.of("Первое", "Второе", "Третье"),
                List.of(first.get().text(), second.get().text(), third.get().text()));
        assertEquals(List.of(1L, 2L, 3L), List.of(first.get().conversationMessageId(),
                second.get().conversationMessageId(), third.get().conversationMessageId()));
        assertEquals(school.teacher().id(), first.get().author());
        assertEquals(List.of(first.get(), second.get()), page.get().items(), "the read saw the sends before it");
        assertEquals(List.of(first.get(), second.get(), third.get()), all(chat));
        assertThrows(IllegalStateException.class, batch::execute, "a batch runs once");
        assertThrows(IllegalStateException.class, () -> batch.send(chat, Draft.text("Поздно")));
    }

    @Test
    @DisplayName("F-MSG-01 a failing call of a batch fails only its own caller")
    void failureStaysWithItsCall() {
        ChatId chat = classChat();
        ChatId foreign = fixture.as(school.outsider()).chats().create(NewChat.of("Чужой", Set.of()));
        Batch batch = teacher.batch();
        Pending<Message> before = batch.send(chat, Draft.text("До"));
        Pending<Message> refused = batch.send(foreign, Draft.text("Сюда нельзя"));
        Pending<Message> missing = batch.send(ChatId.group(77_777), Draft.text("Есть кто?"));
        Pending<Page<Message>> unreadable = batch.history(foreign, HistoryQuery.newestFirst(20));
        Pending<Message> after = batch.send(chat, Draft.text("После"));
        batch.execute();

        assertEquals("До", before.get().text());
        assertEquals("После", after.get().text());
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class, refused::get);
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, denied.code());
        NotFoundException notFound = assertThrows(NotFoundException.class, missing::get);
        assertEquals(ErrorCode.CHAT_NOT_FOUND, notFound.code());
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER,
                assertThrows(PermissionDeniedException.class, unreadable::get).code());
        assertEquals(List.of(before.get(), after.get()), all(chat));
    }

    @Test
    @DisplayName("F-MSG-01 a batch of more than 25 calls goes out whole, in order (split into several requests)")
    void longBatchIsSplit() {
        ChatId chat = classChat();
        Batch batch = teacher.batch();
        List<Pending<Message>> sends = new ArrayList<>();
        int count = Batch.MAX_CALLS_PER_REQUEST + 7;
        for (int i = 1; i <= count; i++) {
            sends.add(batch.send(chat, Draft.text("Сообщение " + i)));
        }
        batch.execute();

        for (int i = 0; i < count; i++) {
            assertEquals(i + 1, sends.get(i).get().conversationMessageId(), "send " + (i + 1));
            assertEquals("Сообщение " + (i + 1), sends.get(i).get().text());
        }
        assertEquals(count, all(chat).size());
    }

    @Test
    @DisplayName("F-MSG-11 a send keeps its random id inside a batch: a repeat, in the same or another batch, is stored once")
    void sendsStayIdempotent() {
        ChatId chat = classChat();
        Batch batch = teacher.batch();
        Pending<Message> once = batch.send(chat, Draft.text("Один раз").withRandomId(4242));
        Pending<Message> again = batch.send(chat, Draft.text("Один раз").withRandomId(4242));
        Pending<Message> other = batch.send(chat, Draft.text("Другое"));
        batch.execute();
        Batch later = teacher.batch();
        Pending<Message> third = later.send(chat, Draft.text("Один раз").withRandomId(4242));
        Pending<Void> read = later.markRead(chat, other.get().id());
        later.execute();

        assertEquals(once.get().id(), again.get().id());
        assertEquals(once.get().id(), third.get().id());
        assertNull(read.get());
        assertEquals(List.of(once.get().id(), other.get().id()),
                all(chat).stream().map(Message::id).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("F-MSG-01 an empty batch does nothing")
    void emptyBatch() {
        Batch batch = teacher.batch();
        assertEquals(0, batch.size());
        batch.execute();
        assertThrows(IllegalStateException.class, batch::execute);
    }
}
