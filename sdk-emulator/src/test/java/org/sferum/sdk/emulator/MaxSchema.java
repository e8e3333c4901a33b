package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small validator of JSON against the MAX Bot API's OpenAPI 3.0 schema ({@code shared/max-api-schema/schema.yaml},
 * found by walking up from the working directory; missing, it FAILS the test): a response is looked up by path,
 * method and status ({@code $ref} to {@code components/responses} followed) and checked with {@code $ref},
 * {@code allOf}, {@code nullable}, {@code discriminator} (by {@code mapping}), {@code type} (an {@code integer}
 * must be integral), {@code format: int32}, {@code enum}, {@code required}, {@code properties}, {@code items},
 * {@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}, {@code maxItems}. Properties the schema does
 * not declare are allowed, as OpenAPI allows them.
 */
final class MaxSchema {
    private static final Optional<Path> FILE = find();
    private final JsonNode root;

    private MaxSchema(JsonNode root) {
        this.root = root;
    }

    private static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/max-api-schema/schema.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Loads the schema; FAILS the calling test when it is not on disk (a broken setup, never a reason to skip). */
    static MaxSchema load() {
        Path file = FILE.orElseThrow(() -> new AssertionError("shared/max-api-schema/schema.yaml not found above "
                + Path.of("").toAbsolutePath() + "; check out shared/ beside the project (CI has it there)"));
        try {
            MaxSchema schema = new MaxSchema(new YAMLMapper().readTree(file.toFile()));
            if (!"0.0.33".equals(schema.root.path("info").path("version").asText())) {
                throw new AssertionError("expected the MAX Bot API schema 0.0.33, found "
                        + schema.root.path("info").path("version"));
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks one answer of the emulator against the operation's declared response; throws AssertionError naming
     * every problem.
     *
     * @param method {@code get}, {@code post}, …
     * @param path the path template, such as {@code /chats/{chatId}}
     * @param status the HTTP status
     * @param body the answer
     */
    void checkResponse(String method, String path, int status, JsonNode body) {
        JsonNode operation = root.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the MAX schema has no " + method + " " + path);
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            // statuses the description lists for every method (400, 404, 405, 429, 503) answer the Error object
            response = root.path("components").path("responses").path("InternalError");
        }
        if (response.has("$ref")) {
            response = resolve(response.path("$ref").asText());
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError(method + " " + path + " " + status + " declares no JSON body");
        }
        List<String> problems = problems(schema, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " does not match the MAX schema: "
                    + problems + "\n" + body);
        }
    }

    /**
     * Checks a value against a named component schema.
     *
     * @param component such as {@code Message}
     * @param value the value
     * @return the problems, empty when it matches
     */
    List<String> problemsOf(String component, JsonNode value) {
        return problems(resolve("#/components/schemas/" + component), value);
    }

    private List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        validate(schema, value, "$", problems, new IdentityHashMap<>());
        return problems;
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("external $ref not supported: " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new AssertionError("dangling $ref " + ref);
        }
        return node;
    }

    private void validate(JsonNode schema, JsonNode value, String at, List<String> problems,
                          Map<JsonNode, Boolean> discriminating) {
        if (value == null || value.isMissingNode()) {
            problems.add(at + ": missing");
            return;
        }
        if (value.isNull()) {
            if (!nullable(schema)) {
                problems.add(at + ": null where the schema does not allow it");
            }
            return;
        }
        if (schema.has("$ref")) {
            validate(resolve(schema.path("$ref").asText()), value, at, problems, discriminating);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            validate(part, value, at, problems, discriminating);
        }
        JsonNode discriminator = schema.path("discriminator");
        if (discriminator.isObject() && !discriminating.containsKey(schema)) {
            String property = discriminator.path("propertyName").asText();
            String kind = value.path(property).asText("");
            JsonNode target = discriminator.path("mapping").path(kind);
            if (!target.isTextual()) {
                problems.add(at + "." + property + ": '" + kind + "' is not one of the mapped kinds");
            } else {
                discriminating.put(schema, true);
                validate(resolve(target.asText()), value, at, problems, discriminating);
                discriminating.remove(schema);
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object":
                if (!value.isObject()) {
                    problems.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
                break;
            case "array":
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
                if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
                    problems.add(at + ": more than " + schema.path("maxItems").asInt() + " items");
                }
                int i = 0;
                for (JsonNode item : value) {
                    validate(schema.path("items"), item, at + "[" + i++ + "]", problems, discriminating);
                }
                break;
            case "string":
                if (!value.isTextual()) {
                    problems.add(at + ": expected a string, got " + value.getNodeType());
                    return;
                }
                int length = value.asText().codePointCount(0, value.asText().length());
                if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
                    problems.add(at + ": shorter than " + schema.path("minLength").asInt());
                }
                if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
                    problems.add(at + ": longer than " + schema.path("maxLength").asInt());
                }
                break;
            case "integer":
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, got " + value.getNodeType());
                    return;
                }
                if ("int32".equals(schema.path("format").asText()) && !value.canConvertToInt()) {
                    problems.add(at + ": not an int32");
                }
                range(schema, value, at, problems);
                break;
            case "number":
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + value.getNodeType());
                    return;
                }
                range(schema, value, at, problems);
                break;
            case "boolean":
                if (!value.isBoolean()) {
                    problems.add(at + ": expected a boolean, got " + value.getNodeType());
                    return;
                }
                break;
            default:
                break;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.path("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(at + "." + required.asText() + ": required but absent");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (value.has(property.getKey())) {
                    validate(property.getValue(), value.get(property.getKey()), at + "." + property.getKey(),
                            problems, discriminating);
                }
            }
        }
    }

    private static void range(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
            problems.add(at + ": below " + schema.path("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
            problems.add(at + ": above " + schema.path("maximum"));
        }
    }

    /** Whether null is allowed: {@code nullable: true} on the schema or on the one a lone {@code $ref} names. */
    private boolean nullable(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        if (schema.has("$ref")) {
            return nullable(resolve(schema.path("$ref").asText()));
        }
        return false;
    }
}
