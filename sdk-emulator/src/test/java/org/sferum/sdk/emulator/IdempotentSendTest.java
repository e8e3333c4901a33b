package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.SeededUser;

/** {@code random_id} de-duplication of {@code messages.send}, as docs/wire/vk-api.md says. */
class IdempotentSendTest extends EmulatorTestBase {

    private JsonNode history(SeededUser reader, long peer) {
        return wire.ok(reader, "messages.getHistory", "peer_id", Long.toString(peer), "rev", "1");
    }

    @Test
    @DisplayName("F-MSG-11 the same random_id twice answers the same id and the history holds one message")
    void sameRandomIdTwice() {
        long peer = classChat();
        long first = send(teacher, peer, "Домашнее задание", "random_id", "123456");
        clock.advance(Duration.ofMinutes(59));
        long again = send(teacher, peer, "Домашнее задание", "random_id", "123456");
        assertEquals(first, again);
        JsonNode history = history(student1, peer);
        assertEquals(1, history.get("count").asInt());
        assertEquals(List.of(first), ids(history.get("items")));
        JsonNode own = history(teacher, peer).get("items").get(0);
        assertEquals(123456, own.get("random_id").asInt());
        assertEquals(START.getEpochSecond(), own.get("date").asLong(), "the first send is the one stored");
    }

    @Test
    @DisplayName("F-MSG-11 the same random_id from another author, in another chat or after an hour is a new message")
    void sameRandomIdElsewhere() {
        long peer = classChat();
        long other = createChat(teacher, "Кружок", student1);
        long first = send(teacher, peer, "Раз", "random_id", "-7");
        long byStudent = send(student1, peer, "Раз", "random_id", "-7");
        long otherChat = send(teacher, other, "Раз", "random_id", "-7");
        clock.advance(Duration.ofHours(1));
        long later = send(teacher, peer, "Раз", "random_id", "-7");
        assertEquals(4, List.of(first, byStudent, otherChat, later).stream().distinct().count());
        assertEquals(3, history(student2, peer).get("count").asInt());
    }

    @Test
    @DisplayName("F-MSG-11 random_id 0 or missing disables de-duplication; the author sees random_id 0")
    void zeroDisables() {
        long peer = classChat();
        long a = send(teacher, peer, "Раз", "random_id", "0");
        long b = send(teacher, peer, "Раз", "random_id", "0");
        long c = send(teacher, peer, "Раз");
        assertNotEquals(a, b);
        assertNotEquals(b, c);
        JsonNode items = history(teacher, peer).get("items");
        assertEquals(3, items.size());
        items.forEach(item -> assertEquals(0, item.get("random_id").asInt()));
    }
}
