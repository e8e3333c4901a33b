package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingAudience;
import org.sferum.sdk.calls.RecordingAuthor;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The contract of call events for the embedding UI (F-EMB-02, the calls' part; F-CALL-01, F-CALL-03 … F-CALL-05,
 * F-CALL-07, F-CALL-09, F-CALL-10): a user subscribed with {@code session.events().subscribe(listener)} hears, in
 * order, that a call of their chat started, who joined and left, who raised a hand, that a recording is ready (with
 * its link only when they may watch it) and that the call ended; the organiser hears who waits to be admitted; a
 * participant hears that the organiser asks for their attention; a user outside the chat hears none of it; a closed
 * subscription hears nothing more. Events are awaited with a bounded wait ({@link #WAIT}), never a sleep; the absence of an event is
 * shown by a later event of the same user arriving first, since each user's events come in order.
 *
 * <p>Extend it and return the face under test from {@link #openFixture()}. The contract acts on calls through each user's
 * own {@link org.sferum.sdk.calls.Calls}.
 */
@ContractNeeds({Capability.CALLS_BY_LINK, Capability.CALL_MANAGEMENT, Capability.CHAT_ADMIN, Capability.CHAT_CALLS,
        Capability.EVENTS, Capability.RECORDINGS})
public abstract class CallEventsContract extends SchoolContract {
    /** The longest wait for one event. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(Subscription::close);
    }

    /** The class chat: the teacher and the first two students; the third student, the parent and the outsider are not in it. */
    private ChatId classChat() {
        return teacher.chats().create(new NewChat("5в Классный час",
                Set.of(school.students().get(0).id(), school.students().get(1).id()), ChatSettings.ownerOnly()));
    }

    /** Subscribes a user; the events land in the returned queue. */
    private BlockingQueue<SferumEvent> listen(SeededUser who) {
        BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
        subscriptions.add(fixture.as(who).events().subscribe(events::add));
        return events;
    }

    /**
     * Waits for the first event of a kind that matches, dropping the events before it; fails after {@link #WAIT}.
     * Awaiting A, then B on one queue proves that A came before B.
     */
    private static <T extends SferumEvent> T await(BlockingQueue<SferumEvent> events, Class<T> type,
                                                   Predicate<T> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SferumEvent> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            SferumEvent event;
            try {
                event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
            }
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; got " + skipped);
            }
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return type.cast(event);
            }
            skipped.add(event);
        }
    }

    private static <T extends SferumEvent> T await(BlockingQueue<SferumEvent> events, Class<T> type, CallId call) {
        return await(events, type, e -> ((SferumEvent.CallEvent) e).call().equals(call));
    }

    /**
     * Shows that an outsider heard nothing of a call: the outsider starts a call of their own, and the first event
     * they hear is about that call.
     */
    private void outsiderHeardNothing(BlockingQueue<SferumEvent> outsiderEvents, CallId other) {
        SeededUser outsider = school.outsider();
        ChatId own = fixture.as(outsider).chats().create(new NewChat("Кружок", Set.of(school.parent().id()),
                ChatSettings.ownerOnly()));
        CallId mine = fixture.as(outsider).calls().startInChat(own, true).id();
        SferumEvent first = poll(outsiderEvents);
        assertNotNull(first, "the outsider hears about their own call");
        assertTrue(first instanceof SferumEvent.CallEvent call && call.call().equals(mine),
                "the outsider's first event is about their own call, not " + first);
        assertFalse(mine.equals(other));
        outsiderEvents.removeIf(e -> e instanceof SferumEvent.CallEvent call && call.call().equals(mine));
        outsiderEvents.forEach(e -> assertFalse(e instanceof SferumEvent.CallEvent call && call.call().equals(other),
                () -> "the outsider heard " + e));
    }

    private static SferumEvent poll(BlockingQueue<SferumEvent> events) {
        try {
            return events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The events up to and including the first of a kind about a call; fails after {@link #WAIT}. */
    private static List<SferumEvent> upTo(BlockingQueue<SferumEvent> events, Class<? extends SferumEvent> type,
                                          CallId call) {
        List<SferumEvent> out = new ArrayList<>();
        while (true) {
            SferumEvent event = poll(events);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; got " + out);
            }
            out.add(event);
            if (type.isInstance(event) && ((SferumEvent.CallEvent) event).call().equals(call)) {
                return out;
            }
        }
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-09: the participant whose attention the organiser asks for hears AttentionRequested; the others do not")
    void attentionRequested() {
        ChatId chat = classChat();
        SeededUser ivan = school.students().get(0);
        SeededUser maria = school.students().get(1);
        BlockingQueue<SferumEvent> ivanEvents = listen(ivan);
        BlockingQueue<SferumEvent> mariaEvents = listen(maria);
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        ParticipantId ivanInCall = fixture.as(ivan).calls().join(call).participant();
        fixture.as(maria).calls().join(call).participant();
        fixture.as(school.teacher()).calls().participants().attractAttention(call, ivanInCall);
        fixture.as(school.teacher()).calls().endForAll(call);

        assertEquals(new SferumEvent.AttentionRequested(call, ivanInCall),
                await(ivanEvents, SferumEvent.AttentionRequested.class, call));
        List<SferumEvent> heard = upTo(mariaEvents, SferumEvent.CallEnded.class, call);
        assertFalse(heard.stream().anyMatch(SferumEvent.AttentionRequested.class::isInstance),
                () -> "another participant heard " + heard);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-07: the organiser hears ParticipantWaiting when someone knocks at a call with a waiting room")
    void participantWaiting() {
        SeededUser parent = school.parent();
        BlockingQueue<SferumEvent> organiser = listen(school.teacher());
        BlockingQueue<SferumEvent> knocking = listen(parent);
        Call call = fixture.as(school.teacher()).calls().startByLink("Консультация",
                CallSettings.DEFAULT.withWaitingRoom(true));
        CallJoin join = fixture.as(parent).calls().joinByLink(call.joinLink().orElseThrow());
        assertEquals(JoinStatus.WAITING, join.status());
        fixture.as(school.teacher()).calls().endForAll(call.id());

        SferumEvent.ParticipantWaiting waiting = await(organiser, SferumEvent.ParticipantWaiting.class, call.id());
        assertEquals(join.participant(), waiting.participant());
        assertFalse(waiting.name().isBlank());
        List<SferumEvent> heard = upTo(organiser, SferumEvent.CallEnded.class, call.id());
        assertFalse(heard.stream().anyMatch(e -> e instanceof SferumEvent.ParticipantJoined joined
                && joined.participant().equals(join.participant())), () -> "a waiting guest joined: " + heard);
        List<SferumEvent> guestHeard = upTo(knocking, SferumEvent.CallEnded.class, call.id());
        assertTrue(guestHeard.stream().noneMatch(SferumEvent.ParticipantWaiting.class::isInstance),
                () -> "only the organiser and admins hear of the waiting: " + guestHeard);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-07: one turned away from the waiting room takes no part: they hear "
            + "nothing more of the call, not even its end")
    void rejectedHearsNothingMore() {
        SeededUser outsider = school.outsider();
        BlockingQueue<SferumEvent> rejected = listen(outsider);
        Call call = fixture.as(school.teacher()).calls().startByLink("Консультация",
                CallSettings.DEFAULT.withWaitingRoom(true));
        CallJoin join = fixture.as(outsider).calls().joinByLink(call.joinLink().orElseThrow());
        fixture.as(school.teacher()).calls().participants().reject(call.id(), join.participant());
        fixture.as(school.teacher()).calls().recordings().start(call.id(),
                org.sferum.sdk.calls.RecordingRequest.titled("Консультация"));
        fixture.as(school.teacher()).calls().endForAll(call.id());
        outsiderHeardNothing(rejected, call.id());
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-01: the chat's members hear CallStarted when a call starts in their chat; an outsider hears nothing")
    void callStarted() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> student = listen(school.students().get(0));
        BlockingQueue<SferumEvent> outsider = listen(school.outsider());
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();

        SferumEvent.CallStarted started = await(student, SferumEvent.CallStarted.class, call);
        assertEquals(CallKind.CHAT, started.kind());
        assertFalse(started.title().isBlank());
        outsiderHeardNothing(outsider, call);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-03, F-CALL-04, F-CALL-05: those in the call hear, in order, who joined, whose hand went up and down, who left, and that the call ended")
    void participantsInOrder() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> organiser = listen(school.teacher());
        BlockingQueue<SferumEvent> outsider = listen(school.outsider());
        SeededUser ivan = school.students().get(0);
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        ParticipantId ivanInCall = fixture.as(ivan).calls().join(call).participant();
        fixture.as(ivan).calls().participants().raiseHand(call, true);
        fixture.as(ivan).calls().participants().raiseHand(call, false);
        fixture.as(ivan).calls().leave(call);
        fixture.as(school.teacher()).calls().endForAll(call);

        await(organiser, SferumEvent.CallStarted.class, call);
        SferumEvent.ParticipantJoined joined = await(organiser, SferumEvent.ParticipantJoined.class,
                e -> e.call().equals(call) && e.participant().equals(ivanInCall));
        assertFalse(joined.name().isBlank());
        assertTrue(await(organiser, SferumEvent.HandRaised.class, call).raised());
        SferumEvent.HandRaised lowered = await(organiser, SferumEvent.HandRaised.class, call);
        assertFalse(lowered.raised());
        assertEquals(ivanInCall, lowered.participant());
        SferumEvent.ParticipantLeft left = await(organiser, SferumEvent.ParticipantLeft.class,
                e -> e.call().equals(call) && e.participant().equals(ivanInCall));
        assertFalse(left.removed());
        await(organiser, SferumEvent.CallEnded.class, call);
        outsiderHeardNothing(outsider, call);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-04: every member hears CallEnded when the organiser ends the call for everyone")
    void callEndedForMembers() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(school.students().get(0)).calls().join(call).participant();
        fixture.as(school.teacher()).calls().endForAll(call);

        await(ivan, SferumEvent.CallStarted.class, call);
        await(ivan, SferumEvent.CallEnded.class, call);
        await(maria, SferumEvent.CallStarted.class, call);
        await(maria, SferumEvent.CallEnded.class, call);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-10: RecordingReady reaches the call's people; the link only those who may watch get")
    void recordingReady() {
        ChatId chat = classChat();
        SeededUser ivan = school.students().get(0);
        BlockingQueue<SferumEvent> organiser = listen(school.teacher());
        BlockingQueue<SferumEvent> student = listen(ivan);
        BlockingQueue<SferumEvent> outsider = listen(school.outsider());
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(ivan).calls().join(call).participant();
        fixture.as(school.teacher()).calls().recordings().start(call,
                new RecordingRequest("Разбор задач", RecordingAuthor.SELF, RecordingAudience.ONLY_ME));
        fixture.as(school.teacher()).calls().recordings().stop(call);

        SferumEvent.RecordingReady own = await(organiser, SferumEvent.RecordingReady.class, call);
        assertEquals("Разбор задач", own.recording().title());
        assertEquals(school.teacher().id(), own.recording().recordedBy());
        assertFalse(own.recording().recording(), "the recording has stopped");
        assertTrue(own.recording().link().isPresent(), "the one who recorded may watch");
        SferumEvent.RecordingReady theirs = await(student, SferumEvent.RecordingReady.class, call);
        assertEquals(own.recording().id(), theirs.recording().id());
        assertEquals(Optional.empty(), theirs.recording().link(), "only the one who recorded may watch");
        outsiderHeardNothing(outsider, call);
    }

    @Test
    @DisplayName("F-EMB-02 (partial), F-CALL-10: a recording the participants may watch comes with its link to them")
    void recordingReadyWithLink() {
        ChatId chat = classChat();
        SeededUser ivan = school.students().get(0);
        BlockingQueue<SferumEvent> student = listen(ivan);
        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(ivan).calls().join(call).participant();
        fixture.as(school.teacher()).calls().recordings().start(call, RecordingRequest.titled("Урок"));
        fixture.as(school.teacher()).calls().recordings().stop(call);

        SferumEvent.RecordingReady ready = await(student, SferumEvent.RecordingReady.class, call);
        assertEquals(RecordingAudience.PARTICIPANTS, ready.recording().audience());
        assertTrue(ready.recording().link().isPresent(), "a participant may watch");
    }

    @Test
    @DisplayName("F-EMB-02 (partial): after close, a subscription hears nothing more; another one of the same user still does")
    void nothingAfterClose() {
        ChatId chat = classChat();
        SeededUser ivan = school.students().get(0);
        BlockingQueue<SferumEvent> closed = new LinkedBlockingQueue<>();
        Subscription subscription = fixture.as(ivan).events().subscribe(closed::add);
        BlockingQueue<SferumEvent> open = listen(ivan);
        subscription.close();
        subscription.close(); // idempotent

        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(school.teacher()).calls().endForAll(call);
        await(open, SferumEvent.CallStarted.class, call);
        await(open, SferumEvent.CallEnded.class, call);
        CallId second = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        await(open, SferumEvent.CallStarted.class, second);
        assertNull(closed.poll(), () -> "a closed subscription heard " + closed);
    }

    @Test
    @DisplayName("F-EMB-02 (partial): a listener that closes its subscription on the first event gets no second one, even one already on its way")
    void closeFromListener() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> closing = new LinkedBlockingQueue<>();
        Subscription[] own = new Subscription[1];
        java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
        own[0] = fixture.as(school.teacher()).events().subscribe(event -> {
            closing.add(event);
            try {
                subscribed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            own[0].close();
        });
        subscriptions.add(own[0]);
        subscribed.countDown();
        BlockingQueue<SferumEvent> open = listen(school.teacher());

        CallId call = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(school.students().get(0)).calls().join(call).participant();
        fixture.as(school.teacher()).calls().endForAll(call);
        // each subscription delivers on its own thread: wait for the closing one's first event, then for the end
        // on the open one; the closing listener closes its subscription before it could take a second event
        SferumEvent first = poll(closing);
        assertNotNull(first, "the listener heard its first event");
        await(open, SferumEvent.CallStarted.class, call);
        await(open, SferumEvent.ParticipantJoined.class, call);
        await(open, SferumEvent.CallEnded.class, call);
        assertEquals(List.of(), List.copyOf(closing), () -> "after closing itself the listener heard more: "
                + closing);
    }

    @Test
    @DisplayName("F-EMB-02 (partial): two users subscribed at once each hear their own events, in the order they happened")
    void twoListeners() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));
        CallId first = fixture.as(school.teacher()).calls().startInChat(chat, true).id();
        fixture.as(school.teacher()).calls().endForAll(first);
        CallId second = fixture.as(school.teacher()).calls().startInChat(chat, true).id();

        for (BlockingQueue<SferumEvent> events : List.of(ivan, maria)) {
            await(events, SferumEvent.CallStarted.class, first);
            await(events, SferumEvent.CallEnded.class, first);
            await(events, SferumEvent.CallStarted.class, second);
        }
    }
}
