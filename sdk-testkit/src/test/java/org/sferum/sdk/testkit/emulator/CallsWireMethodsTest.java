package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rest of the calls wire (docs/wire/calls.md): VK's {@code calls.start} against the schema, and the shapes and
 * partner error codes of joining, participants, the waiting room, recordings, broadcasts and attendance.
 */
class CallsWireMethodsTest extends EmulatorTestBase {
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private int errorCode(JsonNode body) {
        return wire.error(body).get("error_code").asInt();
    }

    private String lessonCall(long peer, Duration in) {
        return wire.ok(teacher, "calls.createLessonCall", "peer_id", Long.toString(peer), "lesson_key", "l-7",
                "class_name", "5в", "subject", "Математика",
                "start_time", Long.toString(START.plus(in).getEpochSecond())).get("call_id").asText();
    }

    @Test
    @DisplayName("F-CALL-01: calls.start with peer_id answers calls_start_response and the chat call; twice, the same")
    void startInChat() {
        long peer = classChat();
        JsonNode body = wire.call(teacher, "calls.start", "peer_id", Long.toString(peer), "video", "1");
        schema.check("calls/responses.json", "calls_start_response", body);
        JsonNode call = body.get("response");
        assertEquals("chat", call.get("type").asText());
        assertEquals("running", call.get("state").asText());
        assertEquals(peer, call.get("peer_id").asLong());
        assertTrue(call.get("video").asBoolean());
        assertTrue(call.has("call_chat_peer_id"), "F-CALL-11: the call's chat is created at the start");
        assertTrue(call.get("app_join_link").asText().startsWith("sferum-calls://"));
        assertEquals(call.get("call_id"), wire.ok(teacher, "calls.start", "peer_id", Long.toString(peer))
                .get("call_id"));
        assertEquals(925, errorCode(wire.call(student2, "calls.start", "peer_id", Long.toString(peer))),
                "the chat's «call» permission: owner only by default");
        assertEquals(917, errorCode(wire.call(outsider, "calls.start", "peer_id", Long.toString(peer))));
    }

    @Test
    @DisplayName("F-CALL-07: calls.start by link with title and settings; group_id, a missing title, a bad flag: 100")
    void startByLink() {
        JsonNode body = wire.call(teacher, "calls.start", "title", "Родительское собрание",
                "anonymous_allowed", "1", "waiting_room", "1");
        schema.check("calls/responses.json", "calls_start_response", body);
        JsonNode call = body.get("response");
        assertEquals("link", call.get("type").asText());
        assertEquals("Родительское собрание", call.get("title").asText());
        assertTrue(call.get("settings").get("anonymous_allowed").asBoolean());
        assertTrue(call.get("settings").get("waiting_room").asBoolean());
        assertFalse(call.has("peer_id"));
        assertFalse(wire.ok(teacher, "calls.start", "title", "Урок").get("settings").get("anonymous_allowed")
                .asBoolean(), "anonymous participants are forbidden by default");
        assertEquals(100, errorCode(wire.call(teacher, "calls.start", "group_id", "1", "title", "x")));
        assertEquals(100, errorCode(wire.call(teacher, "calls.start", "title", "x".repeat(129))));
        assertEquals(100, errorCode(wire.call(teacher, "calls.start", "title", "x", "waiting_room", "maybe")));
    }

    @Test
    @DisplayName("F-CALL-07, F-CALL-05, F-CALL-09: join by link to the waiting room, admit, participants, own media")
    void waitingRoomAndParticipants() {
        JsonNode call = wire.ok(teacher, "calls.start", "title", "Консультация", "waiting_room", "1");
        String id = call.get("call_id").asText();
        JsonNode join = wire.ok(outsider, "calls.joinByLink", "join_link", call.get("join_link").asText());
        assertFields(join, "call", "participant_id", "status", "role");
        assertEquals("waiting", join.get("status").asText());
        assertEquals("participant", join.get("role").asText());
        String pid = join.get("participant_id").asText();
        assertEquals(4102, errorCode(wire.call(outsider, "calls.raiseHand", "call_id", id, "raised", "1")));
        assertEquals(4104, errorCode(wire.call(outsider, "calls.getWaitingRoom", "call_id", id)));

        JsonNode waiting = wire.ok(teacher, "calls.getWaitingRoom", "call_id", id);
        assertEquals(1, waiting.get("count").asInt());
        assertFields(waiting.get("items").get(0), "participant_id", "user_id", "name", "since");
        assertEquals(1, wire.ok(teacher, "calls.admit", "call_id", id, "participant_id", pid).asInt());
        assertEquals(4108, errorCode(wire.call(teacher, "calls.reject", "call_id", id, "participant_id", pid)));

        assertEquals(1, wire.ok(outsider, "calls.raiseHand", "call_id", id, "raised", "1").asInt());
        assertEquals(1, wire.ok(outsider, "calls.setMedia", "call_id", id, "media", "camera", "on", "1").asInt());
        assertEquals(100, errorCode(wire.call(outsider, "calls.setMedia", "call_id", id, "media", "tv", "on", "1")));
        JsonNode participants = wire.ok(outsider, "calls.getParticipants", "call_id", id);
        assertEquals(2, participants.get("count").asInt());
        JsonNode guest = participants.get("items").get(1);
        assertFields(guest, "participant_id", "user_id", "name", "role", "camera", "microphone", "screen_sharing",
                "hand_raised", "attention_requested", "joined_at");
        assertTrue(guest.get("hand_raised").asBoolean());
        assertTrue(guest.get("camera").asBoolean());
        assertEquals("organiser", participants.get("items").get(0).get("role").asText());

        assertEquals(1, wire.ok(teacher, "calls.muteParticipant", "call_id", id, "participant_id", pid).asInt());
        assertEquals(1, wire.ok(teacher, "calls.attractAttention", "call_id", id, "participant_id", pid).asInt());
        assertEquals(1, wire.ok(teacher, "calls.setAdmin", "call_id", id, "participant_id", pid, "admin", "1")
                .asInt());
        assertEquals("admin", wire.ok(teacher, "calls.getParticipants", "call_id", id).get("items").get(1)
                .get("role").asText());
        assertEquals(1, wire.ok(teacher, "calls.setAdmin", "call_id", id, "participant_id", pid, "admin", "0")
                .asInt());
        assertEquals(1, wire.ok(teacher, "calls.removeParticipant", "call_id", id, "participant_id", pid).asInt());
        assertEquals(4103, errorCode(wire.call(outsider, "calls.join", "call_id", id)));
        assertEquals(4108, errorCode(wire.call(teacher, "calls.muteParticipant", "call_id", id,
                "participant_id", "nobody")));
    }

    @Test
    @DisplayName("F-CALL-03, F-CALL-04: joining a lesson call before, during and after; leave; invite; not invited")
    void joinLeaveInvite() {
        long peer = classChat();
        String id = lessonCall(peer, Duration.ofHours(1));
        assertEquals(4110, errorCode(wire.call(student1, "calls.join", "call_id", id)));
        assertEquals(4100, errorCode(wire.call(outsider, "calls.join", "call_id", id)));
        clock.advance(Duration.ofHours(1));
        JsonNode join = wire.ok(student1, "calls.join", "call_id", id);
        assertEquals("in_call", join.get("status").asText());
        assertEquals(id, join.get("call").get("call_id").asText());
        assertEquals(1, wire.ok(student1, "calls.leave", "call_id", id).asInt());
        assertEquals(1, wire.ok(student1, "calls.leave", "call_id", id).asInt());
        assertEquals(4112, errorCode(wire.call(student1, "calls.raiseHand", "call_id", id, "raised", "1")));
        assertEquals(100, errorCode(wire.call(teacher, "calls.invite", "call_id", id, "user_ids", "x")));

        JsonNode found = wire.ok(student2, "calls.getByLessonKey", "lesson_key", "l-7");
        assertEquals(1, found.get("count").asInt());
        assertEquals(id, found.get("items").get(0).get("call_id").asText());
        assertEquals(0, wire.ok(outsider, "calls.getByLessonKey", "lesson_key", "l-7").get("count").asInt());
        assertEquals(0, wire.ok(student2, "calls.getByLessonKey", "lesson_key", "nope").get("items").size());

        assertEquals(1, wire.ok(teacher, "calls.forceFinish", "call_id", id).asInt());
        assertEquals(4111, errorCode(wire.call(student1, "calls.join", "call_id", id)));
    }

    @Test
    @DisplayName("F-EMB-06: calls.getAttendance lists sessions and those who never joined; organiser only")
    void attendance() {
        long peer = classChat();
        String id = lessonCall(peer, Duration.ZERO);
        wire.ok(student1, "calls.join", "call_id", id);
        clock.advance(Duration.ofMinutes(10));
        wire.ok(student1, "calls.leave", "call_id", id);
        assertEquals(4104, errorCode(wire.call(student1, "calls.getAttendance", "call_id", id)));
        JsonNode report = wire.ok(teacher, "calls.getAttendance", "call_id", id);
        assertFields(report, "call_id", "lesson_key", "generated_at", "items", "never_joined");
        JsonNode entry = report.get("items").get(0);
        assertFields(entry, "participant_id", "user_id", "name", "sessions");
        assertEquals(student1.id().value(), entry.get("user_id").asLong());
        assertFields(entry.get("sessions").get(0), "joined_at", "left_at");
        assertEquals(600, entry.get("sessions").get(0).get("left_at").asLong()
                - entry.get("sessions").get(0).get("joined_at").asLong());
        assertTrue(report.get("never_joined").size() >= 2);
    }

    @Test
    @DisplayName("F-CALL-10, F-EMB-07, F-CALL-06: recording objects, one at a time, the lesson's list; broadcast")
    void recordingsAndBroadcast() {
        long peer = classChat();
        String id = lessonCall(peer, Duration.ZERO);
        wire.ok(teacher, "calls.join", "call_id", id);
        assertEquals(4104, errorCode(wire.call(student1, "calls.startRecording", "call_id", id, "title", "Урок")));
        JsonNode started = wire.ok(teacher, "calls.startRecording", "call_id", id, "title", "Урок 1",
                "author", "school", "audience", "participants");
        assertEquals("school", started.get("author").asText());
        assertEquals("participants", started.get("audience").asText());
        assertEquals("l-7", started.get("lesson_key").asText());
        assertFalse(started.has("stopped_at"));
        assertEquals(4113, errorCode(wire.call(teacher, "calls.startRecording", "call_id", id, "title", "Ещё")));
        assertEquals(100, errorCode(wire.call(teacher, "calls.startRecording", "call_id", id, "title", "x",
                "audience", "everyone")));
        clock.advance(Duration.ofMinutes(5));
        JsonNode stopped = wire.ok(teacher, "calls.stopRecording", "call_id", id);
        assertTrue(stopped.has("stopped_at"));
        assertEquals(4113, errorCode(wire.call(teacher, "calls.stopRecording", "call_id", id)));
        String rid = stopped.get("recording_id").asText();
        JsonNode one = wire.ok(teacher, "calls.getRecordingById", "recording_id", rid);
        assertTrue(fields(one).containsAll(java.util.Set.of("recording_id", "call_id", "title", "recorded_by",
                "author", "audience", "started_at", "stopped_at", "lesson_key")), one::toString);
        assertEquals(1, wire.ok(teacher, "calls.getRecordings", "call_id", id).get("count").asInt());
        assertEquals(rid, wire.ok(teacher, "calls.getLessonRecordings", "lesson_key", "l-7").get("items").get(0)
                .get("recording_id").asText());
        assertEquals(4109, errorCode(wire.call(teacher, "calls.getRecordingById", "recording_id", "nope")));

        JsonNode broadcast = wire.ok(teacher, "calls.startBroadcast", "call_id", id, "title", "Открытый урок");
        assertFields(broadcast, "title", "watch_link", "started_at");
        assertEquals(broadcast, wire.ok(student1, "calls.getById", "call_id", id).get("broadcast"));
        assertEquals(1, wire.ok(teacher, "calls.stopBroadcast", "call_id", id).asInt());
        assertEquals(4113, errorCode(wire.call(teacher, "calls.stopBroadcast", "call_id", id)));
    }
}
