package org.sferum.sdk.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.JoinStatus;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The capacity of a call ({@link CallRules#MAX_PARTICIPANTS}, a [choice]): too many people for the demo school, so
 * the rule is checked on the engine that both faces use. A refusal changes nothing: no seat, no tab entry.
 */
class CallCapacityTest {
    private PlatformEngine engine;
    private UserId organiser;

    @BeforeEach
    void setUp() {
        engine = new PlatformEngine(TestClock.at(Instant.parse("2026-09-01T06:00:00Z")));
        organiser = engine.users().createUser("Анна", "Смирнова", Role.TEACHER);
    }

    private Call fullCall(CallSettings settings) {
        Call call = engine.calls().startCallByLink(organiser, "Собрание", settings);
        for (int i = 1; i < CallRules.MAX_PARTICIPANTS; i++) {
            UserId user = engine.users().createUser("Ученик", "№" + i, Role.STUDENT);
            engine.calls().joinCallByLink(user, call.joinLink().orElseThrow());
        }
        assertEquals(CallRules.MAX_PARTICIPANTS, engine.calls().callParticipants(organiser, call.id()).size());
        return call;
    }

    @Test
    @DisplayName("F-CALL-03: a full call refuses one more (LIMIT_REACHED); the refused user gets no seat and no "
            + "entry in the tab")
    void fullCallRefusesUser() {
        Call call = fullCall(CallSettings.DEFAULT);
        UserId late = engine.users().createUser("Опоздавший", "Ученик", Role.STUDENT);
        ConflictException e = assertThrows(ConflictException.class,
                () -> engine.calls().joinCallByLink(late, call.joinLink().orElseThrow()));
        assertEquals(ErrorCode.LIMIT_REACHED, e.code());
        assertEquals(List.of(), engine.calls().callsOf(late));
        assertEquals(CallRules.MAX_PARTICIPANTS, engine.calls().callParticipants(organiser, call.id()).size());
        assertEquals(CallRules.MAX_PARTICIPANTS, engine.calls().attendance(organiser, call.id()).entries().size());
    }

    @Test
    @DisplayName("F-CALL-07: a full call refuses an anonymous guest before giving them a seat")
    void fullCallRefusesGuest() {
        Call call = fullCall(CallSettings.DEFAULT.withAnonymousAllowed(true));
        ConflictException e = assertThrows(ConflictException.class,
                () -> engine.calls().guestJoin(call.joinLink().orElseThrow(), "Гость"));
        assertEquals(ErrorCode.LIMIT_REACHED, e.code());
        assertEquals(CallRules.MAX_PARTICIPANTS, engine.calls().attendance(organiser, call.id()).entries().size());
    }

    @Test
    @DisplayName("F-CALL-07: admitting into a full call is refused and leaves the person waiting")
    void admitIntoFullCall() {
        Call call = engine.calls().startCallByLink(organiser, "Собрание", CallSettings.DEFAULT.withWaitingRoom(true));
        List<ParticipantId> waiting = new ArrayList<>();
        for (int i = 0; i < CallRules.MAX_PARTICIPANTS; i++) {
            UserId user = engine.users().createUser("Ученик", "№" + i, Role.STUDENT);
            var join = engine.calls().joinCallByLink(user, call.joinLink().orElseThrow());
            assertEquals(JoinStatus.WAITING, join.status());
            waiting.add(join.participant());
        }
        for (int i = 0; i < CallRules.MAX_PARTICIPANTS - 1; i++) {
            engine.calls().actOnParticipant(organiser, call.id(), waiting.get(i), CallService.ParticipantAction.ADMIT);
        }
        ParticipantId last = waiting.get(CallRules.MAX_PARTICIPANTS - 1);
        ConflictException e = assertThrows(ConflictException.class, () -> engine.calls().actOnParticipant(organiser,
                call.id(), last, CallService.ParticipantAction.ADMIT));
        assertEquals(ErrorCode.LIMIT_REACHED, e.code());
        assertEquals(List.of(last), engine.calls().waitingRoom(organiser, call.id()).stream().map(w -> w.id()).toList());
    }
}
