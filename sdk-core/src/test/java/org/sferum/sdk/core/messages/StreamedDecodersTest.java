package org.sferum.sdk.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.fuzz.JsonMutator;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.HistoryQuery;

/**
 * Decoding without the tree (issue 15): the streaming decoders of {@code messages.send} and
 * {@code messages.getHistory} read every answer — valid ones and answers mutated by {@link JsonMutator} — exactly as
 * the tree decoders do: the same value, or a {@link SferumException} with the same code.
 */
class StreamedDecodersTest {
    private static final ChatId CHAT = ChatId.of(2000000001L);
    private static final String HISTORY = "{\"response\":{\"count\":40,\"items\":["
            + "{\"id\":12,\"date\":1764000012,\"update_time\":1764000300,\"peer_id\":2000000001,\"from_id\":100001,"
            + "\"out\":1,\"text\":\"Домашнее задание\",\"conversation_message_id\":12,\"important\":1,"
            + "\"reply_message\":{\"id\":11,\"text\":\"?\"},\"attachments\":[{\"type\":\"doc\",\"doc\":{\"id\":5,"
            + "\"owner_id\":100001,\"title\":\"hw.pdf\",\"size\":1024,\"ext\":\"pdf\",\"url\":\"https://vk.com/doc5\"}}],"
            + "\"fwd_messages\":[{\"id\":3,\"date\":1763990000,\"peer_id\":2000000002,\"from_id\":100002,"
            + "\"text\":\"Кто решил?\"}]},"
            + "{\"id\":11,\"date\":1764000011,\"peer_id\":2000000001,\"from_id\":-5,\"text\":\"от сообщества\"},"
            + "{\"id\":10,\"date\":\"1764000010\",\"peer_id\":2000000001,\"from_id\":100002,\"text\":42,"
            + "\"attachments\":[],\"fwd_messages\":[],\"important\":false},"
            + "{\"id\":9,\"date\":1764000009,\"peer_id\":2000000001,\"from_id\":100003,\"text\":\"Урок\"}]}}";
    private static final String SENT = "{\"response\":[{\"peer_id\":2000000002,\"message_id\":4,"
            + "\"conversation_message_id\":1},{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":3,"
            + "\"date\":1764000100}]}";

    @Property(tries = 400, seed = "20261215")
    void historyReadsAsTheTreeDoes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int size) {
        HistoryQuery query = HistoryQuery.newestFirst(size);
        same(JsonMutator.mutate(HISTORY, seed), result -> WireMessages.historyPage(result, CHAT, query));
    }

    @Property(tries = 400, seed = "20261216")
    void sentIdsReadAsTheTreeDoes(@ForAll long seed) {
        same(JsonMutator.mutate(SENT, seed), result -> WireMessages.SentIds.decode(result, CHAT));
    }

    @Property(tries = 1)
    void validAnswersReadAsTheTreeDoes() {
        for (int size = 1; size <= 6; size++) {
            HistoryQuery query = HistoryQuery.newestFirst(size);
            assertEquals("tree", same(HISTORY.getBytes(StandardCharsets.UTF_8),
                    result -> WireMessages.historyPage(result, CHAT, query)).substring(0, 4));
        }
        assertEquals("tree", same(SENT.getBytes(StandardCharsets.UTF_8),
                result -> WireMessages.SentIds.decode(result, CHAT)).substring(0, 4));
    }

    /** Decodes both ways and compares; returns how the tree decoder ended, for the valid answers' check. */
    private static String same(byte[] body, Function<VkResult, Object> decoder) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (java.io.IOException e) {
            root = null;
        }
        // Only answers that VkApi keeps as bytes: a JSON object whose first field is response.
        Assume.that(root != null && root.isObject() && root.size() > 0
                && root.fieldNames().next().equals("response"));
        JsonNode response = root.get("response");
        String tree = outcome(() -> decoder.apply(new VkResult("m", "r", response)));
        String streamed = outcome(() -> decoder.apply(VkResult.streamed("m", "r", body)));
        assertEquals(tree, streamed, () -> new String(body, StandardCharsets.UTF_8));
        return tree;
    }

    private static String outcome(java.util.function.Supplier<Object> decode) {
        try {
            return "tree value " + decode.get();
        } catch (SferumException e) {
            return "error " + e.code();
        }
    }
}
