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
 * <p>Extend it and return the face under test from {@link #openFixture()}. The contract acts on calls through
 * {@link #callActions()}, by default the face's own {@link org.sferum.sdk.calls.Calls}; a face whose calls API is
 * not wired yet may act another way while its events are under test.
 */
public abstract class CallEventsContract extends SchoolContract {
    /** The longest wait for one event. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Subscription> subscriptions = new ArrayList<>();

    /** What the contract does to calls, as one user or another. */
    protected interface CallActions {
        /**
         * Starts a video call in a chat (or returns the one running there); the user is in it.
         *
         * @param who who starts it
         * @param chat the chat
         * @return the call
         */
        CallId startInChat(SeededUser who, ChatId chat);

        /**
         * Joins a call.
         *
         * @param who who joins
         * @param call the call
         * @return their participant id
         */
        ParticipantId join(SeededUser who, CallId call);

        /**
         * Raises or lowers one's hand.
         *
         * @param who who
         * @param call the call
         * @param raised whether raised
         */
        void raiseHand(SeededUser who, CallId call, boolean raised);

        /**
         * Leaves a call.
         *
         * @param who who leaves
         * @param call the call
         */
        void leave(SeededUser who, CallId call);

        /**
         * Starts a recording.
         *
         * @param who the organiser
         * @param call the call
         * @param request title, author and audience
         */
        void startRecording(SeededUser who, CallId call, RecordingRequest request);

        /**
         * Stops the recording.
         *
         * @param who the organiser
         * @param call the call
         */
        void stopRecording(SeededUser who, CallId call);

        /**
         * Ends a call for everyone.
         *
         * @param who the organiser
         * @param call the call
         */
        void endForAll(SeededUser who, CallId call);

        /**
         * Asks a participant for their attention.
         *
         * @param who the organiser
         * @param call the call
         * @param participant whose attention
         */
        void attractAttention(SeededUser who, CallId call, ParticipantId participant);

        /**
         * Creates and starts a call by link.
         *
         * @param who the organiser
         * @param title its title
         * @param settings anonymous participants and the waiting room
         * @return the running call, with its links
         */
        Call startByLink(SeededUser who, String title, CallSettings settings);

        /**
         * Joins a call by its browser link.
         *
         * @param who who joins
         * @param link the link
         * @return where they are now
         */
        CallJoin joinByLink(SeededUser who, String link);
    }

    /**
     * Returns how the contract acts on calls: by default through each user's session's
     * {@link org.sferum.sdk.calls.Calls}.
     *
     * @return the actions
     */
    protected CallActions callActions() {
        return new CallActions() {
            @Override
            public CallId startInChat(SeededUser who, ChatId chat) {
                return fixture.as(who).calls().startInChat(chat, true).id();
            }

            @Override
            public ParticipantId join(SeededUser who, CallId call) {
                return fixture.as(who).calls().join(call).participant();
            }

            @Override
            public void raiseHand(SeededUser who, CallId call, boolean raised) {
                fixture.as(who).calls().participants().raiseHand(call, raised);
            }

            @Override
            public void leave(SeededUser who, CallId call) {
                fixture.as(who).calls().leave(call);
            }

            @Override
            public void startRecording(SeededUser who, CallId call, RecordingRequest request) {
                fixture.as(who).calls().recordings().start(call, request);
            }

            @Override
            public void stopRecording(SeededUser who, CallId call) {
                fixture.as(who).calls().recordings().stop(call);
            }

            @Override
            public void endForAll(SeededUser who, CallId call) {
                fixture.as(who).calls().endForAll(call);
            }

            @Override
            public void attractAttention(SeededUser who, CallId call, ParticipantId participant) {
                fixture.as(who).calls().participants().attractAttention(call, participant);
            }

            @Override
            public Call startByLink(SeededUser who, String title, CallSettings settings) {
                return fixture.as(who).calls().startByLink(title, settings);
            }

            @Override
            public CallJoin joinByLink(SeededUser who, String link) {
                return fixture.as(who).calls().joinByLink(link);
            }
        };
    }

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
        CallId mine = callActions().startInChat(outsider, own);
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
        CallId call = callActions().startInChat(school.teacher(), chat);
        ParticipantId ivanInCall = callActions().join(ivan, call);
        callActions().join(maria, call);
        callActions().attractAttention(school.teacher(), call, ivanInCall);
        callActions().endForAll(school.teacher(), call);

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
        Call call = callActions().startByLink(school.teacher(), "Консультация",
                CallSettings.DEFAULT.withWaitingRoom(true));
        CallJoin join = callActions().joinByLink(parent, call.joinLink().orElseThrow());
        assertEquals(JoinStatus.WAITING, join.status());
        callActions().endForAll(school.teacher(), call.id());

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
    @DisplayName("F-EMB-02 (partial), F-CALL-01: the chat's members hear CallStarted when a call starts in their chat; an outsider hears nothing")
    void callStarted() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> student = listen(school.students().get(0));
        BlockingQueue<SferumEvent> outsider = listen(school.outsider());
        CallId call = callActions().startInChat(school.teacher(), chat);

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
        CallId call = callActions().startInChat(school.teacher(), chat);
        ParticipantId ivanInCall = callActions().join(ivan, call);
        callActions().raiseHand(ivan, call, true);
        callActions().raiseHand(ivan, call, false);
        callActions().leave(ivan, call);
        callActions().endForAll(school.teacher(), call);

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
        CallId call = callActions().startInChat(school.teacher(), chat);
        callActions().join(school.students().get(0), call);
        callActions().endForAll(school.teacher(), call);

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
        CallId call = callActions().startInChat(school.teacher(), chat);
        callActions().join(ivan, call);
        callActions().startRecording(school.teacher(), call,
                new RecordingRequest("Разбор задач", RecordingAuthor.SELF, RecordingAudience.ONLY_ME));
        callActions().stopRecording(school.teacher(), call);

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
        CallId call = callActions().startInChat(school.teacher(), chat);
        callActions().join(ivan, call);
        callActions().startRecording(school.teacher(), call, RecordingRequest.titled("Урок"));
        callActions().stopRecording(school.teacher(), call);

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

        CallId call = callActions().startInChat(school.teacher(), chat);
        callActions().endForAll(school.teacher(), call);
        await(open, SferumEvent.CallStarted.class, call);
        await(open, SferumEvent.CallEnded.class, call);
        CallId second = callActions().startInChat(school.teacher(), chat);
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

        CallId call = callActions().startInChat(school.teacher(), chat);
        callActions().join(school.students().get(0), call);
        callActions().endForAll(school.teacher(), call);
        await(open, SferumEvent.CallStarted.class, call);
        await(open, SferumEvent.ParticipantJoined.class, call);
        await(open, SferumEvent.CallEnded.class, call);
        assertEquals(1, closing.size(), () -> "after closing itself the listener heard " + closing);
    }

    @Test
    @DisplayName("F-EMB-02 (partial): two users subscribed at once each hear their own events, in the order they happened")
    void twoListeners() {
        ChatId chat = classChat();
        BlockingQueue<SferumEvent> ivan = listen(school.students().get(0));
        BlockingQueue<SferumEvent> maria = listen(school.students().get(1));
        CallId first = callActions().startInChat(school.teacher(), chat);
        callActions().endForAll(school.teacher(), first);
        CallId second = callActions().startInChat(school.teacher(), chat);

        for (BlockingQueue<SferumEvent> events : List.of(ivan, maria)) {
            await(events, SferumEvent.CallStarted.class, first);
            await(events, SferumEvent.CallEnded.class, first);
            await(events, SferumEvent.CallStarted.class, second);
        }
    }
}
