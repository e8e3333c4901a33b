package org.sferum.sdk.core.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The one {@link ObjectMapper} of the client, shared by every call, and lenient readers of the VK API's fields:
 * VK changes field types between versions (a boolean arrives as {@code true} or {@code 1}, a number sometimes as
 * a string), so every reader accepts each form and unknown fields are ignored.
 */
public final class Json {
    /** The shared mapper: ignores unknown properties, accepts 0/1 for booleans. Thread-safe; never reconfigure. */
    public static final ObjectMapper MAPPER = createMapper();

    private Json() {
    }

    private static ObjectMapper createMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * Parses a body.
     *
     * @param body the bytes
     * @return the tree
     * @throws IOException if the body is not JSON
     */
    public static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /**
     * Writes a value as compact JSON.
     *
     * @param value a tree, map or list
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a request parameter as JSON", e);
        }
    }

    /**
     * Tells whether a field is present and not {@code null}.
     *
     * @param node the object
     * @param field the field
     * @return whether it holds a value
     */
    public static boolean has(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    /**
     * Reads a whole number: a JSON number or a string of digits.
     *
     * @param node the object
     * @param field the field
     * @param fallback what to return when it is missing or not a number
     * @return the number
     */
    public static long longOr(JsonNode node, String field, long fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return asLong(value, fallback);
    }

    /**
     * Reads a whole number from a node: a JSON number or a string of digits.
     *
     * @param value the node, may be {@code null}
     * @param fallback what to return when it is missing or not a number
     * @return the number
     */
    public static long asLong(JsonNode value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /**
     * Reads a boolean that may arrive as {@code true}/{@code false}, {@code 1}/{@code 0} or their strings.
     *
     * @param node the object
     * @param field the field
     * @return the value; {@code false} when missing
     */
    public static boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            return text.equals("1") || text.equalsIgnoreCase("true");
        }
        return false;
    }

    /**
     * Reads a string; numbers are given as their text.
     *
     * @param node the object
     * @param field the field
     * @param fallback what to return when it is missing
     * @return the text
     */
    public static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return fallback;
        }
        return value.asText();
    }
}
