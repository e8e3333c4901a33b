package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small checker of JSON against the VK API schema ({@code shared/vk-api-schema/}, found by walking up from the
 * working directory): {@code $ref}, {@code allOf}, {@code properties} with {@code "required": true}, {@code type},
 * {@code enum}, {@code items}. Properties the schema does not declare are allowed (the doc's {@code [choice]}
 * extensions); {@code oneOf} is not checked.
 */
final class VkSchema {
    private static final Optional<Path> ROOT = find();
    private final Map<Path, JsonNode> files = new HashMap<>();

    private static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/vk-api-schema");
            if (Files.isRegularFile(candidate.resolve("messages/objects.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the schema directory; FAILS the calling test when it is not on disk (CI always has {@code shared/}
     * beside the checkout, so a missing schema is a broken setup, never a reason to skip — issue 9).
     */
    static Path root() {
        return ROOT.orElseThrow(() -> new AssertionError("shared/vk-api-schema not found above "
                + Path.of("").toAbsolutePath() + "; check out shared/ beside the project (CI has it there)"));
    }

    /** Loads the checker; fails the calling test when the schema is not on disk (see {@link #root()}). */
    static VkSchema load() {
        root();
        return new VkSchema();
    }

    /**
     * Checks a whole envelope against a response definition, for example
     * {@code check("messages/responses.json", "messages_getHistory_response", body)}.
     */
    void check(String file, String definition, JsonNode value) {
        List<String> problems = new ArrayList<>();
        Path path = ROOT.orElseThrow().resolve(file);
        validate(path, file(path).path("definitions").path(definition), value, "$", problems);
        if (!problems.isEmpty()) {
            fail("does not agree with " + file + "#" + definition + ": " + problems + "\n" + value);
        }
    }

    /**
     * Checks one answer of the emulator's VK API (issue 9): a {@code response} of a method VK's schema knows must
     * agree with one of the method's response definitions; an {@code error} must have VK's error shape
     * ({@code base_error}: {@code error_code}, {@code error_msg}, {@code request_params}) and a code VK's
     * {@code errors.json} lists (or, for a partner method VK's schema does not know, a partner code 4100–4199: VK's
     * own methods such as {@code calls.forceFinish} answer VK's codes only, issue 9 item 6). A method the schema does not
     * know must be one of sdk-core's partner methods ({@code WireMethods}), whose responses VK's schema cannot
     * describe, unless the answer is error 3 (an unknown method, as the test meant). Fails the calling test
     * otherwise.
     *
     * @param method the method name from the path
     * @param body the parsed answer
     */
    void checkAnswer(String method, JsonNode body) {
        List<String> refs = responsesOf(method);
        boolean partner = PartnerMethods.ALL.contains(method);
        boolean unknownMethod = body.path("error").path("error_code").asInt() == VkErrorTable.UNKNOWN_METHOD;
        if (refs.isEmpty() && !partner && !unknownMethod) {
            fail(method + " is neither in VK's schema nor one of sdk-core's partner methods (WireMethods)");
        }
        if (body.has("error")) {
            List<String> problems = new ArrayList<>();
            JsonNode error = body.get("error");
            Path base = ROOT.orElseThrow().resolve("base/objects.json");
            JsonNode shape = file(base).path("definitions").path("base_error").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) shape.path("properties")).remove("inner_type");
            validate(base, shape, error, "$.error", problems); // inner_type is a schema artefact VK does not send
            if (!error.path("error_msg").isTextual()) {
                problems.add("$.error.error_msg: required but missing");
            }
            int code = error.path("error_code").asInt();
            if (!errorCodes().contains(code) && !(partner && refs.isEmpty() && code >= 4100 && code < 4200)) {
                problems.add("$.error.error_code: " + code + " is not a code of VK's errors.json"
                        + (partner ? " nor a partner code" : ""));
            }
            if (!problems.isEmpty()) {
                fail(method + "'s error does not agree with VK's: " + problems + "\n" + body);
            }
            return;
        }
        if (partner || !body.has("response")) {
            return; // a partner method's response has no VK schema; a body without either fails in the caller
        }
        if (refs.stream().allMatch(ref -> ref.endsWith("/base_undefined_response"))) {
            return; // "Response schema is not defined yet" (execute: whatever the script returns)
        }
        Map<String, List<String>> failed = new java.util.LinkedHashMap<>();
        for (String ref : refs) {
            List<String> problems = new ArrayList<>();
            int hash = ref.indexOf('#');
            Path file = ROOT.orElseThrow().resolve(ref.substring(0, hash).replaceFirst("^\\.\\./", "")).normalize();
            validate(file, file(file).at(ref.substring(hash + 1)), body, "$", problems);
            if (problems.isEmpty()) {
                return;
            }
            failed.put(ref, problems);
        }
        fail(method + "'s answer agrees with none of its VK response definitions: " + failed + "\n" + body);
    }

    /** The response definitions ({@code file#pointer}) of a method in VK's schema; empty when it has none. */
    List<String> responsesOf(String method) {
        return methods().getOrDefault(method, List.of());
    }

    private Map<String, List<String>> methods;

    private synchronized Map<String, List<String>> methods() {
        if (methods == null) {
            Map<String, List<String>> all = new HashMap<>();
            try (var dirs = Files.list(ROOT.orElseThrow())) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    Path file = dir.resolve("methods.json");
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    for (JsonNode m : file(file).path("methods")) {
                        List<String> refs = new ArrayList<>();
                        m.path("responses").forEach(r -> refs.add(r.path("$ref").asText()));
                        all.put(m.path("name").asText(), refs);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            methods = all;
        }
        return methods;
    }

    private java.util.Set<Integer> errorCodes;

    private synchronized java.util.Set<Integer> errorCodes() {
        if (errorCodes == null) {
            java.util.Set<Integer> codes = new java.util.HashSet<>();
            file(ROOT.orElseThrow().resolve("errors.json")).path("errors")
                    .forEach(e -> codes.add(e.path("code").asInt()));
            errorCodes = codes;
        }
        return errorCodes;
    }

    private JsonNode file(Path path) {
        return files.computeIfAbsent(path.normalize(), p -> {
            try {
                return Wire.JSON.readTree(p.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void validate(Path base, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.isMissingNode()) {
            problems.add(at + ": schema definition not found");
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            Path target = hash == 0 ? base : base.getParent().resolve(ref.substring(0, hash)).normalize();
            JsonNode resolved = file(target).at(ref.substring(hash + 1));
            validate(target, resolved, value, at, problems);
        }
        for (JsonNode part : schema.path("allOf")) {
            validate(base, part, value, at, problems);
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(at + ": expected " + type + ", got " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value) || (allowed.isNumber() && value.isNumber()
                        && allowed.asLong() == value.asLong());
            }
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode field = value.get(property.getKey());
                if (field == null) {
                    if (property.getValue().path("required").asBoolean(false)) {
                        problems.add(at + "." + property.getKey() + ": required but missing");
                    }
                } else {
                    validate(base, property.getValue(), field, at + "." + property.getKey(), problems);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(base, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "string":
                return value.isTextual();
            case "boolean":
                return value.isBoolean();
            case "array":
                return value.isArray();
            case "object":
                return value.isObject();
            default:
                return true;
        }
    }
}
