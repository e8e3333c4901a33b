package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * What the calls contracts share ({@link ChatCallsContract}, {@link CallByLinkContract},
 * {@link CallParticipantsContract}, {@link CallRecordingsContract}, {@link CallAttendanceContract},
 * {@link LessonStoryContract}): the class chat, lessons on the shared clock, and short ways to read a call's state
 * back through the public API only, so that every contract runs unchanged on every face. Extend a concrete
 * contract, not this class.
 */
@ContractNeeds({Capability.CALL_MANAGEMENT, Capability.CHAT_ADMIN, Capability.LESSON_CALLS, Capability.MESSAGING})
public abstract class CallContractSupport extends SchoolContract {
    /** Where every face's clock starts: 1 September 2026, 09:00 Moscow time. */
    protected static final Instant START = Instant.parse("2026-09-01T06:00:00Z");
    /** A lesson one hour after {@link #START}: its call is scheduled (grey) until then. */
    protected static final Lesson LATER = new Lesson("journal-5v-math-2026-09-01-2", "5в", "Математика",
            START.plus(Duration.ofHours(1)));
    /** A lesson whose time is {@link #START}: its call runs at once. */
    protected static final Lesson NOW = new Lesson("journal-5v-reading-2026-09-01-1", "5в", "Чтение", START);

    /** Creates the contract. */
    protected CallContractSupport() {
    }

    /**
     * Creates the class chat: the teacher owns it, the three students are its members; only the owner starts
     * calls in it.
     *
     * @return the chat as the teacher addresses it
     */
    protected ChatId classChat() {
        return classChat(ChatSettings.ownerOnly());
    }

    /**
     * Creates the class chat with the given settings.
     *
     * @param settings the chat's settings
     * @return the chat as the teacher addresses it
     */
    protected ChatId classChat(ChatSettings settings) {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        return teacher.chats().create(new NewChat("5в Классный час", students, settings));
    }

    /**
     * Creates the class chat where every member may start a call.
     *
     * @return the chat as the teacher addresses it
     */
    protected ChatId openClassChat() {
        return classChat(ChatSettings.ownerOnly().with(ChatAction.CALL, PermissionLevel.ALL));
    }

    /**
     * Creates the running call of the lesson {@link #NOW} in a new class chat; nobody is in it yet.
     *
     * @return the call's id
     */
    protected CallId runningLessonCall() {
        return teacher.calls().createLessonCall(NOW, classChat()).id();
    }

    /**
     * Asserts a refusal: the exception's class and its {@link ErrorCode}.
     *
     * @param type the exception class
     * @param code the code
     * @param call what is refused
     * @param <T> the exception class
     * @return the exception
     */
    protected static <T extends SferumException> T refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    /**
     * Reads the calls tab of a user.
     *
     * @param session the user
     * @return the calls, newest first
     */
    protected static List<Call> tab(SferumSession session) {
        return session.calls().list(PageRequest.ofSize(50)).items();
    }

    /**
     * Reads the ids in the calls tab of a user.
     *
     * @param session the user
     * @return the call ids, newest first
     */
    protected static List<CallId> tabIds(SferumSession session) {
        return tab(session).stream().map(Call::id).collect(Collectors.toList());
    }

    /**
     * Reads who is in a call now, as a participant sees it.
     *
     * @param viewer one in the call
     * @param call the call
     * @return the participants, in order of joining
     */
    protected static List<Participant> inCall(SferumSession viewer, CallId call) {
        return viewer.calls().participants().list(call);
    }

    /**
     * Reads the registered users in a call now.
     *
     * @param viewer one in the call
     * @param call the call
     * @return their ids, in order of joining
     */
    protected static List<UserId> usersInCall(SferumSession viewer, CallId call) {
        return inCall(viewer, call).stream().map(Participant::user).flatMap(Optional::stream)
                .collect(Collectors.toList());
    }

    /**
     * Finds a participant in a call now.
     *
     * @param viewer one in the call
     * @param call the call
     * @param participant whom
     * @return the participant
     * @throws AssertionError when not in the call
     */
    protected static Participant participant(SferumSession viewer, CallId call, ParticipantId participant) {
        return inCall(viewer, call).stream().filter(p -> p.id().equals(participant)).findFirst()
                .orElseThrow(() -> new AssertionError(participant + " is not in call " + call));
    }

    /**
     * Reads the ids in a call's waiting room.
     *
     * @param organiser the organiser or a call admin
     * @param call the call
     * @return the ids, oldest first
     */
    protected static List<ParticipantId> waiting(SferumSession organiser, CallId call) {
        return organiser.calls().participants().waitingRoom(call).stream().map(WaitingParticipant::id)
                .collect(Collectors.toList());
    }

    /**
     * Reads a chat's whole history, oldest first.
     *
     * @param who a member
     * @param chat the chat
     * @return the messages
     */
    protected static List<Message> history(SferumSession who, ChatId chat) {
        List<Message> out = new ArrayList<>();
        who.messages().iterateHistory(chat, HistoryQuery.oldestFirst(100)).forEach(out::add);
        return out;
    }

    /**
     * Acts as the outsider, who shares no chat with the class.
     *
     * @return the outsider's session
     */
    protected SferumSession outsider() {
        return fixture.as(school.outsider());
    }

    /**
     * Returns a student's user id.
     *
     * @param index 0, 1 or 2
     * @return the id
     */
    protected UserId studentId(int index) {
        return school.students().get(index).id();
    }
}
