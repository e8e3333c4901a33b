package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * The contract of chat events for the embedding UI (F-EMB-02, the chats' part): a user subscribed with
 * {@code session.events().subscribe(listener)} hears, in order, the new and edited messages they see
 * ({@code MessageSent}, as they see the message), the messages deleted for everyone that they saw
 * ({@code MessageDeleted}), who read how far ({@code MessagesRead}), and who joined and left their chats
 * ({@code MemberJoined}, {@code MemberLeft}). A one-to-one chat is {@code direct(otherUser)} for each side. A user
 * outside the chat hears none of it; a removed member hears their own removal, then nothing more; a closed
 * subscription hears nothing more. Events are awaited with a bounded wait ({@link #WAIT}), never a sleep; the
 * absence of an event is shown by a later event of the same user arriving first, since each user's events come in
 * order.
 *
 * <p>Extend it and return the face under test from {@link #openFixture()}. Over the wire a message event is read
 * back with {@code messages.getById}, so a test waits for a message's event before changing that message again.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.EVENTS, Capability.MESSAGING})
public abstract class ChatEventsContract extends SchoolContract {
    /** The longest wait for one event. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Creates the contract. */
    protected ChatEventsContract() {
    }

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(Subscription::close);
    }

    /** The class chat: the teacher and the first two students; the third student, the parent and the outsider are not in it. */
    private ChatId classChat() {
        return teacher.chats().create(new NewChat("5в Классный час",
                Set.of(studentId(0), studentId(1)), ChatSettings.ownerOnly()));
    }

    private UserId studentId(int index) {
        return school.students().get(index).id();
    }

    /** Subscribes a user; the events land in the returned queue. */
    private BlockingQueue<SferumEvent> listen(SeededUser who) {
        BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
        subscriptions.add(fixture.as(who).events().subscribe(events::add));
        return events;
    }

    /** The next event, within {@link #WAIT}; fails when none comes. */
    private static SferumEvent next(BlockingQueue<SferumEvent> events) {
        SferumEvent event = poll(events);
        assertNotNull(event, "no event within " + WAIT);
        return event;
    }

    private static SferumEvent poll(BlockingQueue<SferumEvent> events) {
        try {
            return events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asserts that a user's next events are exactly these, in this order. */
    private static void hears(BlockingQueue<SferumEvent> events, SferumEvent... expected) {
        for (SferumEvent event : expected) {
            assertEquals(event, next(events));
        }
    }

    /**
     * Shows that a user heard nothing more: they write in a chat of their own, and the next event they hear is
     * that message.
     */
    private void heardNothingMore(SeededUser who, BlockingQueue<SferumEvent> events) {
        ChatId own = fixture.as(who).chats().create(new NewChat("Заметки", Set.of(), ChatSettings.ownerOnly()));
        Message mine = fixture.as(who).messages().send(own, Draft.text("своё"));
        assertEquals(new SferumEvent.MessageSent(own, mine), next(events),
                "the next event is the user's own message, nothing of the other chat");
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-01: a new message is heard by every member, the author too, as each sees it; an outsider hears nothing")
    void messageSent() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));
        BlockingQueue<SferumEvent> outsider = listen(school.outsider());

        Message first = teacher.messages().send(chat, Draft.text("Завтра контрольная"));
        Message second = student(0).messages().send(chat, Draft.text("Какая тема?").replyTo(first.id()));

        for (BlockingQueue<SferumEvent> events : List.of(teacherEvents, ivan, maria)) {
            hears(events, new SferumEvent.MessageSent(chat, first), new SferumEvent.MessageSent(chat, second));
        }
        heardNothingMore(school.outsider(), outsider);
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-07, F-MSG-06: an edit is heard as MessageSent with its edit time, a deletion for everyone as MessageDeleted, by the members who see the message; one who deleted it for themself hears neither")
    void editAndDelete() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));
        Message sent = teacher.messages().send(chat, Draft.text("Контрольная в среду"));
        for (BlockingQueue<SferumEvent> events : List.of(teacherEvents, ivan, maria)) {
            hears(events, new SferumEvent.MessageSent(chat, sent));
        }
        student(1).messages().delete(chat, List.of(sent.id()), false);

        Message edited = teacher.messages().edit(chat, sent.id(), "Контрольная в четверг");
        assertTrue(edited.editedAt().isPresent());
        for (BlockingQueue<SferumEvent> events : List.of(teacherEvents, ivan)) {
            hears(events, new SferumEvent.MessageSent(chat, edited));
        }
        teacher.messages().delete(chat, List.of(sent.id()), true);
        for (BlockingQueue<SferumEvent> events : List.of(teacherEvents, ivan)) {
            hears(events, new SferumEvent.MessageDeleted(chat, sent.id()));
        }
        Message later = teacher.messages().send(chat, Draft.text("Перенесли"));
        hears(maria, new SferumEvent.MessageSent(chat, later));
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-11: reading a chat is heard by every member as MessagesRead with the reader and the last message read")
    void messagesRead() {
        ChatId chat = classChat();
        Message sent = teacher.messages().send(chat, Draft.text("Прочитайте параграф"));
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));

        student(0).messages().markRead(chat, sent.id());

        SferumEvent read = new SferumEvent.MessagesRead(chat, studentId(0), sent.id());
        for (BlockingQueue<SferumEvent> events : List.of(teacherEvents, ivan, maria)) {
            hears(events, read);
        }
    }

    @Test
    @DisplayName("F-EMB-02, F-CHAT-05, F-CHAT-10: a member added or joining by link is heard as MemberJoined by every member, the new one too")
    void membersJoin() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> parent = listen(school.parent());
        BlockingQueue<SferumEvent> petya = listen(school.students().get(2));

        teacher.chats().addMember(chat, school.parent().id());
        InviteLink link = teacher.chats().inviteLink(chat, false);
        assertEquals(chat, student(2).chats().join(link));
        teacher.chats().addMember(chat, school.parent().id()); // already a member: nothing happens

        SferumEvent parentJoined = new SferumEvent.MemberJoined(chat, school.parent().id());
        SferumEvent petyaJoined = new SferumEvent.MemberJoined(chat, studentId(2));
        hears(teacherEvents, parentJoined, petyaJoined);
        hears(parent, parentJoined, petyaJoined);
        hears(petya, petyaJoined);
        Message hello = teacher.messages().send(chat, Draft.text("Добро пожаловать"));
        hears(teacherEvents, new SferumEvent.MessageSent(chat, hello));
        hears(parent, new SferumEvent.MessageSent(chat, hello));
    }

    @Test
    @DisplayName("F-EMB-02, F-CHAT-05: a member removed or leaving is heard as MemberLeft by every member, the one leaving too; then they hear nothing more of the chat")
    void membersLeave() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));

        teacher.chats().removeMember(chat, studentId(0));
        hears(ivan, new SferumEvent.MemberLeft(chat, studentId(0)));
        student(1).chats().leave(chat);
        Message after = teacher.messages().send(chat, Draft.text("Остались вдвоём"));

        hears(teacherEvents, new SferumEvent.MemberLeft(chat, studentId(0)),
                new SferumEvent.MemberLeft(chat, studentId(1)), new SferumEvent.MessageSent(chat, after));
        hears(maria, new SferumEvent.MemberLeft(chat, studentId(0)), new SferumEvent.MemberLeft(chat, studentId(1)));
        heardNothingMore(school.students().get(0), ivan);
        heardNothingMore(school.students().get(1), maria);
    }

    @Test
    @DisplayName("F-EMB-02, F-CHAT-12, F-MSG-01, F-MSG-11, F-MSG-06: in a one-to-one chat each side hears the chat as direct(otherUser)")
    void oneToOne() {
        classChat(); // makes the teacher and the first student contacts
        SeededUser ivanUser = school.students().get(0);
        BlockingQueue<SferumEvent> teacherEvents = listen(school.teacher());
        BlockingQueue<SferumEvent> ivan = listen(ivanUser);
        ChatId toIvan = ChatId.direct(ivanUser.id());
        ChatId toTeacher = ChatId.direct(school.teacher().id());

        Message sent = teacher.messages().send(toIvan, Draft.text("Зайди после урока"));
        Message seenByIvan = student(0).messages().history(toTeacher,
                org.sferum.sdk.messages.HistoryQuery.newestFirst(10)).items().get(0);
        assertEquals(toTeacher, seenByIvan.chat());
        hears(teacherEvents, new SferumEvent.MessageSent(toIvan, sent));
        hears(ivan, new SferumEvent.MessageSent(toTeacher, seenByIvan));

        student(0).messages().markRead(toTeacher, sent.id());
        hears(teacherEvents, new SferumEvent.MessagesRead(toIvan, ivanUser.id(), sent.id()));
        hears(ivan, new SferumEvent.MessagesRead(toTeacher, ivanUser.id(), sent.id()));

        teacher.messages().delete(toIvan, List.of(sent.id()), true);
        hears(teacherEvents, new SferumEvent.MessageDeleted(toIvan, sent.id()));
        hears(ivan, new SferumEvent.MessageDeleted(toTeacher, sent.id()));
    }

    @Test
    @DisplayName("F-EMB-02: a closed subscription hears nothing more; another of the same user still does")
    void closedHearsNothing() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> closed = new LinkedBlockingQueue<>();
        Subscription closing = fixture.as(school.students().get(0)).events().subscribe(closed::add);
        subscriptions.add(closing);
        BlockingQueue<SferumEvent> open = listen(school.students().get(0));
        closing.close();

        Message sent = teacher.messages().send(chat, Draft.text("После закрытия"));
        hears(open, new SferumEvent.MessageSent(chat, sent));
        assertNull(closed.poll(), "the closed subscription heard " + closed);
    }
}
