package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.testkit.engine.CallService.ParticipantAction;

/**
 * The emulator's {@link CallGuests} over the call page: tickets, statuses and every refusal as the right
 * {@link SferumException} subclass with its code, nothing changed by a refusal; over TLS too.
 */
class EmulatorCallGuestsTest extends EmulatorTestBase {

    private static <T extends SferumException> void assertRefused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    private Call linkCall(CallSettings settings) {
        return emulator.engine().calls().startCallByLink(teacher.id(), "Кружок", settings);
    }

    @Test
    @DisplayName("F-CALL-07 a guest joins by the link, waits, is admitted, leaves and comes back")
    void lifecycle() {
        Call call = linkCall(new CallSettings(true, true));
        CallGuests guests = emulator.guests();
        GuestTicket ticket = guests.join(call.links().orElseThrow().browser(), "  Гость <Петров>  ");
        assertEquals("g1", ticket.participant().value());
        assertEquals("Гость <Петров>", ticket.name());
        assertFalse(ticket.toString().contains(ticket.secret()));
        assertEquals(GuestStatus.WAITING, guests.status(ticket));
        assertEquals(ticket.participant(), emulator.engine().calls().waitingRoom(teacher.id(), call.id()).get(0).id());
        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), ticket.participant(), ParticipantAction.ADMIT);
        assertEquals(GuestStatus.IN_CALL, guests.status(ticket));
        guests.leave(ticket);
        assertEquals(GuestStatus.LEFT, guests.status(ticket));
        assertEquals(GuestStatus.IN_CALL, guests.rejoin(ticket), "an admitted guest skips the waiting room");
        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), ticket.participant(), ParticipantAction.REMOVE);
        assertEquals(GuestStatus.REMOVED, guests.status(ticket));
        assertRefused(PermissionDeniedException.class, ErrorCode.REMOVED_FROM_CALL, () -> guests.rejoin(ticket));
        assertEquals(GuestStatus.REMOVED, guests.status(ticket));
        emulator.engine().calls().endCallForAll(teacher.id(), call.id());
        assertEquals(GuestStatus.CALL_ENDED, guests.status(ticket));
        assertRefused(ConflictException.class, ErrorCode.CALL_ENDED, () -> guests.rejoin(ticket));
    }

    @Test
    @DisplayName("F-CALL-07 the rejected guest's status is REJECTED")
    void rejected() {
        Call call = linkCall(new CallSettings(true, true));
        GuestTicket ticket = emulator.guests().join(call.links().orElseThrow().browser(), "Гость");
        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), ticket.participant(), ParticipantAction.REJECT);
        assertEquals(GuestStatus.REJECTED, emulator.guests().status(ticket));
    }

    @Test
    @DisplayName("F-CALL-07 refusals: anonymous forbidden, ended, not a link, blank name, unknown seat; nothing changes")
    void refusals() {
        CallGuests guests = emulator.guests();
        Call closed = linkCall(CallSettings.DEFAULT);
        String closedLink = closed.links().orElseThrow().browser();
        assertRefused(PermissionDeniedException.class, ErrorCode.ANONYMOUS_NOT_ALLOWED,
                () -> guests.join(closedLink, "Гость"));
        assertEquals(1, emulator.engine().calls().callParticipants(teacher.id(), closed.id()).size());

        Call open = linkCall(new CallSettings(true, false));
        String link = open.links().orElseThrow().browser();
        assertRefused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> guests.join(link, " "));
        assertRefused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> guests.join(link, "x".repeat(65)));
        assertEquals(1, emulator.engine().calls().callParticipants(teacher.id(), open.id()).size());
        assertRefused(NotFoundException.class, ErrorCode.CALL_NOT_FOUND,
                () -> guests.join(emulator.baseUri() + "/call/join/nosuchkey", "Гость"));
        assertRefused(NotFoundException.class, ErrorCode.CALL_NOT_FOUND,
                () -> guests.join("https://vk.com/call/join/abc", "Гость"));
        GuestTicket stranger = new GuestTicket(new org.sferum.sdk.calls.ParticipantId("g9"), "Гость", "unknown");
        assertRefused(NotFoundException.class, ErrorCode.PARTICIPANT_NOT_FOUND, () -> guests.status(stranger));
        assertRefused(NotFoundException.class, ErrorCode.PARTICIPANT_NOT_FOUND, () -> guests.leave(stranger));

        emulator.engine().calls().endCallForAll(teacher.id(), open.id());
        assertRefused(ConflictException.class, ErrorCode.CALL_ENDED, () -> guests.join(link, "Гость"));
    }

    @Test
    @DisplayName("F-CALL-10 a guest never gets a recording's link")
    void recordings() {
        Call call = linkCall(new CallSettings(true, false));
        GuestTicket ticket = emulator.guests().join(call.links().orElseThrow().browser(), "Гость");
        RecordingId id = emulator.engine().calls().startRecording(teacher.id(), call.id(), RecordingRequest.titled("Урок"))
                .id();
        emulator.engine().calls().stopRecording(teacher.id(), call.id());
        assertRefused(PermissionDeniedException.class, ErrorCode.EDUCATIONAL_PROFILE_REQUIRED,
                () -> emulator.guests().recordingLink(ticket, id));
        assertRefused(NotFoundException.class, ErrorCode.RECORDING_NOT_FOUND,
                () -> emulator.guests().recordingLink(ticket, new RecordingId("nosuch")));
    }

    @Test
    @DisplayName("F-CALL-07 over TLS the cookie is Secure and the driver trusts the emulator's certificate")
    void tls() throws Exception {
        try (SferumEmulator secure = SferumEmulator.builder().clock(TestClock.at(Instant.parse(
                "2026-09-01T06:00:00Z"))).tls(true).start()) {
            Call call = secure.engine().calls().startCallByLink(secure.demoSchool().orElseThrow().teacher().id(), "Кружок",
                    new CallSettings(true, false));
            String link = call.links().orElseThrow().browser();
            assertTrue(link.startsWith("https://127.0.0.1:"), link);
            GuestTicket ticket = secure.guests().join(link, "Гость");
            assertEquals(GuestStatus.IN_CALL, secure.guests().status(ticket));
            HttpClient http = HttpClient.newBuilder().sslContext(secure.sslContext()).build();
            HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Guest")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, joined.statusCode());
            String cookie = joined.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.endsWith("; HttpOnly; SameSite=Lax; Secure"), cookie);
        }
    }
}
