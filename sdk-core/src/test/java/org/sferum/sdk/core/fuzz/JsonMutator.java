package org.sferum.sdk.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.sferum.sdk.core.wire.Json;

/**
 * Turns valid wire answers into hostile ones for the fuzzers (issue 12): fields removed, values of the wrong type
 * (numbers out of range, negative, fractional, non-ASCII digits, null, containers), strings where numbers belong,
 * random JSON trees, bodies cut at a random byte. Deterministic for a seed.
 */
public final class JsonMutator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonMutator() {
    }

    /**
     * Mutates a valid answer.
     *
     * @param valid the valid JSON text
     * @param seed the seed
     * @return the mutated body
     */
    public static byte[] mutate(String valid, long seed) {
        Random random = new Random(seed);
        int mode = random.nextInt(10);
        if (mode == 0) {
            byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
            return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        if (mode == 1) {
            return ("{\"response\":" + Json.write(randomTree(random, 3)) + "}").getBytes(StandardCharsets.UTF_8);
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(valid);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a valid template: " + valid, e);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            tree = mutateSomewhere(tree, random);
        }
        return Json.write(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode mutateSomewhere(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return randomValue(random);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            } else {
                object.set(name, randomValue(random));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, randomValue(random));
                default -> array.add(array.get(index).deepCopy());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    /**
     * A random scalar or small container.
     *
     * @param random the source
     * @return the value
     */
    static JsonNode randomValue(Random random) {
        switch (random.nextInt(16)) {
            case 0: return F.nullNode();
            case 1: return F.numberNode(-1);
            case 2: return F.numberNode(0);
            case 3: return F.numberNode(Long.MAX_VALUE);
            case 4: return F.numberNode(Long.MIN_VALUE);
            case 5: return F.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 6: return F.numberNode(1.5e300);
            case 7: return F.textNode("٢٠٠٠٠٠٠٠٠١");
            case 8: return F.textNode("2000000001");
            case 9: return F.textNode("");
            case 10: return F.booleanNode(random.nextBoolean());
            case 11: return F.arrayNode();
            case 12: return F.objectNode();
            case 13: return F.numberNode(2_000_000_000L + random.nextInt(100));
            case 14: return F.textNode("<script>\u0000\uD800");
            default: return randomTree(random, 1);
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return depth == 0 ? F.numberNode(random.nextInt()) : randomValue(random);
        }
        if (random.nextBoolean()) {
            ArrayNode array = F.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(randomTree(random, depth - 1));
            }
            return array;
        }
        ObjectNode object = F.objectNode();
        String[] names = {"id", "items", "count", "peer_id", "from_id", "date", "text", "response", "error",
            "message_id", "conversation_message_id", "chat_settings", "peer", "attachments", "type", "photo"};
        for (int i = random.nextInt(5); i > 0; i--) {
            object.set(names[random.nextInt(names.length)], randomTree(random, depth - 1));
        }
        return object;
    }
}
