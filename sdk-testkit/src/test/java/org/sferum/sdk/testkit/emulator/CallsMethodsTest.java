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
 * Lesson calls on the wire (docs/wire/calls.md, F-CALL-02, F-SECT-02 … F-SECT-04): the partner call object, with
 * the fields of VK's {@code calls.start} answer only while the call runs, and {@code calls.forceFinish}.
 */
class CallsMethodsTest extends EmulatorTestBase {
    private static final String LESSON_TIME = Long.toString(START.plus(Duration.ofHours(1)).getEpochSecond());
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private JsonNode create(long peer) {
        return wire.ok(teacher, "calls.createLessonCall", "peer_id", Long.toString(peer), "lesson_key", "l-1",
                "class_name", "5в", "subject", "Математика", "start_time", LESSON_TIME);
    }

    @Test
    @DisplayName("F-CALL-02: calls.createLessonCall answers a scheduled call without links, the same for the same key")
    void createScheduled() {
        long peer = classChat();
        JsonNode call = create(peer);
        assertFields(call, "call_id", "type", "title", "organiser_id", "state", "start_time", "video", "peer_id",
                "lesson_key", "settings");
        assertEquals(peer, call.get("peer_id").asLong());
        assertEquals("l-1", call.get("lesson_key").asText());
        assertEquals("scheduled", call.get("state").asText());
        assertEquals("lesson", call.get("type").asText());
        assertEquals(teacher.id().value(), call.get("organiser_id").asLong());
        assertEquals(call.get("call_id"), create(peer).get("call_id"));
    }

    @Test
    @DisplayName("F-SECT-03: a running call carries calls.start's join_link, ok_join_link, call_id, short_credentials")
    void runningCarriesStartFields() {
        long peer = classChat();
        String id = create(peer).get("call_id").asText();
        clock.advance(Duration.ofHours(1));
        JsonNode body = wire.call(student1, "calls.getById", "call_id", id);
        schema.check("calls/responses.json", "calls_start_response", body);
        JsonNode call = body.get("response");
        assertEquals("running", call.get("state").asText());
        assertTrue(call.get("join_link").asText().startsWith(emulator.baseUri() + "/call/join/"), "the call page");
        assertTrue(call.get("ok_join_link").asText().startsWith("https://"));
        assertFalse(call.get("short_credentials").get("password").asText().isEmpty());
        String shortLink = emulator.baseUri() + "/call/join/short/" + call.get("short_credentials").get("id").asText();
        assertEquals(shortLink, call.get("short_credentials").get("link_without_password").asText());
        assertEquals(shortLink + "?password=" + call.get("short_credentials").get("password").asText(),
                call.get("short_credentials").get("link_with_password").asText());

        JsonNode list = wire.ok(student1, "calls.list", "count", "10");
        assertEquals(1, list.get("count").asInt());
        assertEquals(id, list.get("items").get(0).get("call_id").asText());
    }

    @Test
    @DisplayName("F-CALL-04: calls.forceFinish ends the call for the organiser only; the links are gone")
    void forceFinish() {
        long peer = classChat();
        String id = create(peer).get("call_id").asText();
        clock.advance(Duration.ofHours(1));
        // F-EMB-04 (issue 9 item 6): VK's own method answers VK's codes only (15 Access denied, 104 Not found);
        // the partner code (docs/wire/calls.md: 4104 CALL_ADMIN_REQUIRED, 4107 CALL_NOT_FOUND) is the subcode.
        JsonNode denied = wire.error(wire.call(student1, "calls.forceFinish", "call_id", id));
        assertEquals(15, denied.get("error_code").asInt());
        assertEquals(4104, denied.get("error_subcode").asInt());
        assertTrue(denied.get("error_msg").asText().startsWith("You are not an admin of this call"), denied::toString);
        JsonNode missing = wire.error(wire.call(teacher, "calls.forceFinish", "call_id", "nope"));
        assertEquals(104, missing.get("error_code").asInt());
        assertEquals(4107, missing.get("error_subcode").asInt());
        // a partner-only method keeps the partner code as it is
        assertEquals(4107, wire.error(wire.call(teacher, "calls.getById", "call_id", "nope")).get("error_code")
                .asInt());
        JsonNode ok = wire.call(teacher, "calls.forceFinish", "call_id", id);
        schema.check("base/responses.json", "base_ok_response", ok);
        JsonNode call = wire.ok(student1, "calls.getById", "call_id", id);
        assertEquals("ended", call.get("state").asText());
        assertTrue(call.has("ended_at"));
        assertTrue(call.has("call_chat_peer_id"));
        assertFalse(call.has("join_link"));
        assertFalse(call.has("short_credentials"));
    }
}
