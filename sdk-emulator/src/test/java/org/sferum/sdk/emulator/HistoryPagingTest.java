package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** sdk-core's history cursor over the wire: {@code start_message_id=<last id of the page>&offset=1}, same rev. */
class HistoryPagingTest extends EmulatorTestBase {

    private List<Long> page(long peer, int rev, Long start, int offset, int count) {
        List<String> pairs = new ArrayList<>(List.of("peer_id", Long.toString(peer), "rev", Integer.toString(rev),
                "count", Integer.toString(count), "offset", Integer.toString(offset)));
        if (start != null) {
            pairs.add("start_message_id");
            pairs.add(Long.toString(start));
        }
        JsonNode response = wire.ok(student1, "messages.getHistory", pairs.toArray(new String[0]));
        return ids(response.get("items"));
    }

    private List<Long> sendSeven(long peer) {
        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add(send(i % 2 == 0 ? student2 : teacher, peer, "Сообщение " + i));
        }
        return sent;
    }

    @Test
    @DisplayName("F-MSG-11 history pages newest first with start_message_id and offset=1, without gaps or repeats while new messages arrive")
    void newestFirst() {
        long peer = classChat();
        List<Long> sent = sendSeven(peer);
        List<Long> first = page(peer, 0, null, 0, 3);
        assertEquals(List.of(sent.get(6), sent.get(5), sent.get(4)), first);
        long arrived = send(teacher, peer, "Новое во время листания");
        List<Long> second = page(peer, 0, first.get(2), 1, 3);
        assertEquals(List.of(sent.get(3), sent.get(2), sent.get(1)), second);
        List<Long> third = page(peer, 0, second.get(2), 1, 3);
        assertEquals(List.of(sent.get(0)), third, "a short page is the last one");
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        List<Long> expected = new ArrayList<>(sent);
        Collections.reverse(expected);
        assertEquals(expected, all);
        assertEquals(List.of(arrived), page(peer, 0, null, 0, 1));
    }

    @Test
    @DisplayName("F-MSG-11 history pages oldest first with start_message_id and offset=1; new messages appear at the end")
    void oldestFirst() {
        long peer = classChat();
        List<Long> sent = sendSeven(peer);
        List<Long> first = page(peer, 1, null, 0, 3);
        assertEquals(sent.subList(0, 3), first);
        List<Long> second = page(peer, 1, first.get(2), 1, 3);
        assertEquals(sent.subList(3, 6), second);
        long arrived = send(student3, peer, "Новое во время листания");
        List<Long> third = page(peer, 1, second.get(2), 1, 3);
        assertEquals(List.of(sent.get(6), arrived), third);
        assertEquals(List.of(), page(peer, 1, arrived, 1, 3), "after the last message the window is empty");
    }

    @Test
    @DisplayName("F-MSG-11 a start_message_id that is not in the chat starts at the next message in the order")
    void goneAnchor() {
        long peer = classChat();
        long other = createChat(teacher, "Кружок", student1);
        long a = send(teacher, peer, "А");
        long elsewhere = send(teacher, other, "В другом чате");
        long b = send(teacher, peer, "Б");
        assertEquals(List.of(b), page(peer, 1, elsewhere, 0, 5));
        assertEquals(List.of(a), page(peer, 0, elsewhere, 0, 5));
        assertEquals(List.of(b, a), page(peer, 0, b, -1, 5), "a negative offset steps back with an anchor");
    }
}
