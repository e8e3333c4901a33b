package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.TestClock;

/** Starts a demo-seeded emulator on a test clock for each test, with a raw wire client. */
abstract class EmulatorTestBase {
    static final Instant START = Instant.parse("2026-09-01T06:00:00Z");

    TestClock clock;
    SferumEmulator emulator;
    Wire wire;
    DemoSchool school;
    SeededUser teacher;
    SeededUser student1;
    SeededUser student2;
    SeededUser student3;
    SeededUser parent;
    SeededUser outsider;

    @BeforeEach
    void startEmulator() {
        clock = TestClock.at(START);
        emulator = SferumEmulator.builder().clock(clock).start();
        wire = new Wire(emulator);
        school = emulator.demoSchool().orElseThrow();
        teacher = school.teacher();
        student1 = school.students().get(0);
        student2 = school.students().get(1);
        student3 = school.students().get(2);
        parent = school.parent();
        outsider = school.outsider();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** Creates a chat over the wire and returns its peer id. */
    long createChat(SeededUser owner, String title, SeededUser... members) {
        List<String> ids = new ArrayList<>();
        for (SeededUser member : members) {
            ids.add(Long.toString(member.id().value()));
        }
        JsonNode response = wire.ok(owner, "messages.createChat", "title", title, "user_ids", String.join(",", ids));
        return ChatId.GROUP_CHAT_OFFSET + response.get("chat_id").asLong();
    }

    /** The class chat: the teacher and the three students. */
    long classChat() {
        return createChat(teacher, "5в Математика", student1, student2, student3);
    }

    /** Sends a text over the wire and returns the message id. */
    long send(SeededUser author, long peerId, String text, String... more) {
        String[] pairs = new String[4 + more.length];
        pairs[0] = "peer_id";
        pairs[1] = Long.toString(peerId);
        pairs[2] = "message";
        pairs[3] = text;
        System.arraycopy(more, 0, pairs, 4, more.length);
        JsonNode response = wire.ok(author, "messages.send", pairs);
        return response.asLong();
    }

    /** A refusal over the wire with its VK code that changes nothing (chat lists and histories). */
    JsonNode refusedUnchanged(int code, SeededUser as, String method, String... pairs) {
        StateSnapshot before = StateSnapshot.of(emulator);
        JsonNode body = wire.call(as, method, pairs);
        JsonNode error = wire.error(body);
        assertEquals(code, error.get("error_code").asInt(), body::toString);
        assertEquals(before, StateSnapshot.of(emulator), "a refused request must change nothing");
        return error;
    }

    /** The conversation message id of a message, as a reader who sees it reads it. */
    long cmidOf(SeededUser reader, long messageId) {
        return wire.ok(reader, "messages.getById", "message_ids", Long.toString(messageId)).get("items").get(0)
                .get("conversation_message_id").asLong();
    }

    /** The ids of a list of messages, in order. */
    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** The field names of an object, sorted. */
    static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static void assertFields(JsonNode object, String... expected) {
        assertEquals(new TreeSet<>(List.of(expected)), fields(object), object::toString);
    }
}
