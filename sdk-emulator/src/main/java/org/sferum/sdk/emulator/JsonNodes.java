package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The emulator's one shared Jackson {@link ObjectMapper} (thread-safe once configured) and node factories. */
final class JsonNodes {
    /** The mapper every emulator class reads and writes JSON with. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNodes() {
    }

    /**
     * Creates an empty JSON object.
     *
     * @return the object
     */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Creates an empty JSON array.
     *
     * @return the array
     */
    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
