package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The VK method {@code execute} with VKScript on the emulator (F-EMB-04, issue 9; docs/wire/vk-api.md, "execute"):
 * the language, its API calls through the method table as the caller, {@code execute_errors}, and VK's limits.
 */
class VkScriptExecuteTest extends EmulatorTestBase {

    private JsonNode execute(SeededUser as, String code, String... args) {
        String[] pairs = new String[args.length + 2];
        pairs[0] = "code";
        pairs[1] = code;
        System.arraycopy(args, 0, pairs, 2, args.length);
        return wire.call(as, "execute", pairs);
    }

    private JsonNode ok(SeededUser as, String code, String... args) {
        JsonNode body = execute(as, code, args);
        assertTrue(body.has("response"), body::toString);
        assertFalse(body.has("error"), body::toString);
        return body.get("response");
    }

    private JsonNode error(SeededUser as, String code, int vkCode) {
        JsonNode error = wire.error(execute(as, code));
        assertEquals(vkCode, error.get("error_code").asInt(), error::toString);
        return error;
    }

    private static JsonNode envelope(JsonNode response) {
        return Wire.parse("{\"response\":" + response + "}");
    }

    static Stream<Arguments> language() {
        return Stream.of(
                Arguments.of("return 1;", "1"),
                Arguments.of("return \"a\" + 'b';", "\"ab\""),
                Arguments.of("return 2 + 3 * 4;", "14"),
                Arguments.of("return (2 + 3) * 4 - 1;", "19"),
                Arguments.of("return 7 / 2;", "3.5"),
                Arguments.of("return 8 / 2;", "4"),
                Arguments.of("return 7 % 3;", "1"),
                Arguments.of("return -5 + 2;", "-3"),
                Arguments.of("return \"урок \" + 5;", "\"урок 5\""),
                Arguments.of("return [1, 2] + [3];", "[1,2,3]"),
                Arguments.of("var a = [1, 2, 3]; a.push(4); return a;", "[1,2,3,4]"),
                Arguments.of("var a = [1, 2, 3]; var b = a.pop(); return [a, b];", "[[1,2],3]"),
                Arguments.of("return [1, 2, 3, 4, 5].slice(1, 3);", "[2,3]"),
                Arguments.of("return [1, 2, 3, 4, 5].slice(-2);", "[4,5]"),
                Arguments.of("var a = [1, 2, 3, 4]; var r = a.splice(1, 2); return [a, r];", "[[1,4],[2,3]]"),
                Arguments.of("return [1, 2, 3].length;", "3"),
                Arguments.of("return \"привет\".length;", "6"),
                Arguments.of("return [5, 6, 7].indexOf(6);", "1"),
                Arguments.of("return parseInt(\"42abc\") + 1;", "43"),
                Arguments.of("return parseDouble(\"2.5\") * 2;", "5"),
                Arguments.of("return parseInt(\"x\");", "0"),
                Arguments.of("var i = 0; var s = 0; while (i < 10) { i = i + 1; s = s + i; } return s;", "55"),
                Arguments.of("if (1 > 2) { return \"a\"; } else { return \"b\"; }", "\"b\""),
                Arguments.of("if (1 < 2) return \"yes\"; return \"no\";", "\"yes\""),
                Arguments.of("if (0) return 1; else if (\"\") return 2; else return 3;", "3"),
                Arguments.of("return 1 == 1 && 2 != 3;", "true"),
                Arguments.of("return !true || false;", "false"),
                Arguments.of("return null || \"default\";", "\"default\""),
                Arguments.of("return 1 == \"1\";", "true"),
                Arguments.of("return 1 === \"1\";", "false"),
                Arguments.of("return \"a\" < \"b\" && 3 >= 3 && 2 <= 1 == false;", "true"),
                Arguments.of("return {\"a\": 1, b: [true, null]};", "{\"a\":1,\"b\":[true,null]}"),
                Arguments.of("var o = {}; o.x = 5; o[\"y\"] = o.x + 1; return o;", "{\"x\":5,\"y\":6}"),
                Arguments.of("return [{\"id\": 1, \"n\": \"a\"}, {\"id\": 2, \"n\": \"b\"}]@.id;", "[1,2]"),
                Arguments.of("var a = 1; a += 2; a++; ++a; a -= 1; return a;", "4"),
                Arguments.of("return \"1,2,3\".split(\",\");", "[\"1\",\"2\",\"3\"]"),
                Arguments.of("return \"Сферум\".substr(1, 3);", "\"фер\""),
                Arguments.of("// a comment\nreturn /* inline */ 5;", "5"),
                Arguments.of("var a, b = 2; return [a, b];", "[null,2]"),
                Arguments.of("return 5 > 3 ? \"big\" : \"small\";", "\"big\""),
                Arguments.of("var x = [1, 2, 3]; x[3] = 4; return x[1] + x[3];", "6"),
                Arguments.of("return [];", "[]"),
                Arguments.of("var a = [3]; a.unshift(1, 2); return [a.shift(), a];", "[1,[2,3]]"),
                Arguments.of("return [\"a\", \"b\"].join(\"-\");", "\"a-b\""),
                Arguments.of("var s = 0;", "null"));
    }

    @ParameterizedTest(name = "F-EMB-04 {0}")
    @MethodSource("language")
    @DisplayName("F-EMB-04 VKScript: return, var, arithmetic, strings, arrays, objects, comparisons, if, while")
    void language(String code, String expected) {
        assertEquals(Wire.parse(expected), ok(teacher, code));
    }

    @Test
    @DisplayName("F-EMB-04 VK's documented example: a call's result projected with @. into another call")
    void documentedNestedCall() {
        long peer = classChat();
        send(student1, peer, "Здравствуйте");
        send(student2, peer, "Добрый день");
        JsonNode names = ok(teacher, "return API.users.get({\"user_ids\": API.messages.getHistory({\"peer_id\": "
                + peer + ", \"count\": 10}).items@.from_id})@.last_name;");
        List<String> expected = new ArrayList<>();
        for (JsonNode user : wire.ok(teacher, "users.get", "user_ids",
                student2.id().value() + "," + student1.id().value())) {
            expected.add(user.get("last_name").asText());
        }
        assertEquals(Wire.parse(Wire.JSON.valueToTree(expected).toString()), names);
    }

    @Test
    @DisplayName("F-EMB-04 API.messages.getHistory({...}).items@.id gives the ids, and the whole answer passes the schema")
    void historyProjection() {
        long peer = classChat();
        long first = send(teacher, peer, "Раз");
        long second = send(student1, peer, "Два");
        JsonNode answer = ok(teacher, "var h = API.messages.getHistory({\"peer_id\": " + peer + ", \"count\": 5});"
                + " return {\"ids\": h.items@.id, \"history\": h};");
        assertEquals(Wire.parse("[" + second + "," + first + "]"), answer.get("ids"));
        VkSchema schema = VkSchema.load();
        schema.check("messages/responses.json", "messages_getHistory_response", envelope(answer.get("history")));
        schema.check("base/responses.json", "base_undefined_response", envelope(answer));
    }

    @Test
    @DisplayName("F-EMB-04 vk-io's parallel batch: return [API.a(...), API.b(...)] answers each call in order")
    void parallelBatchOfVkIo() {
        long peer = classChat();
        JsonNode answer = ok(teacher, "return [API.users.get({}),API.messages.send({\"peer_id\":" + peer
                + ",\"message\":\"Домашнее задание\",\"random_id\":1234}),API.users.get({\"user_ids\":\""
                + student1.id().value() + "," + student2.id().value() + "\"})];");
        assertEquals(3, answer.size());
        VkSchema schema = VkSchema.load();
        schema.check("users/responses.json", "users_get_response", envelope(answer.get(0)));
        schema.check("users/responses.json", "users_get_response", envelope(answer.get(2)));
        assertEquals(teacher.id().value(), answer.get(0).get(0).get("id").asLong());
        JsonNode history = wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer));
        assertEquals(answer.get(1).asLong(), history.get("items").get(0).get("id").asLong());
        assertEquals("Домашнее задание", history.get("items").get(0).get("text").asText());
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-11 messages.send inside execute keeps random_id idempotency, within and across calls")
    void randomIdInsideExecute() {
        long peer = classChat();
        String sendTwice = "var a = API.messages.send({\"peer_id\": " + peer + ", \"message\": \"Раз\", "
                + "\"random_id\": 777}); var b = API.messages.send({\"peer_id\": " + peer + ", \"message\": \"Раз\", "
                + "\"random_id\": 777}); return [a, b];";
        JsonNode ids = ok(teacher, sendTwice);
        assertEquals(ids.get(0), ids.get(1));
        long direct = send(teacher, peer, "Раз", "random_id", "777");
        assertEquals(ids.get(0).asLong(), direct);
        assertEquals(1, wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer)).get("count").asInt());
    }

    @Test
    @DisplayName("F-EMB-04 vk-io's collect loop (Args, var lists, member assignment, if without braces, splice) pages a history")
    void collectLoopOfVkIo() {
        long peer = classChat();
        for (int i = 1; i <= 7; i++) {
            send(teacher, peer, "Сообщение " + i);
        }
        String code = "var params = {\"peer_id\":" + peer + ",\"count\":3};\n"
                + "params.offset = parseInt(Args.offset);\n"
                + "var total = parseInt(Args.total);\nvar received = parseInt(Args.received);\n"
                + "var parallelRequests = parseInt(Args.parallelRequests);\n"
                + "var proceed = total == 0 || received < total;\n"
                + "var i = 0, items = [], profiles = [], groups = [], result, length;\n"
                + "while (i < parallelRequests && proceed) {\n"
                + "  result = API.messages.getHistory(params);\n  length = result.items.length;\n"
                + "  if (total == 0 || total > result.count) {\n    total = result.count;\n  }\n"
                + "  items = items + result.items;\n  if (result.profiles)\n    profiles = profiles + result.profiles;\n"
                + "  received = received + length;\n  params.offset = params.offset + length;\n"
                + "  proceed = received < total;\n  i = i + 1;\n}\n"
                + "return {count: total, items: items.splice(0, total), profiles: profiles, groups: groups};";
        JsonNode answer = ok(teacher, code, "offset", "0", "total", "0", "received", "0", "parallelRequests", "25");
        assertEquals(7, answer.get("count").asInt());
        assertEquals(7, answer.get("items").size());
        assertEquals("Сообщение 7", answer.get("items").get(0).get("text").asText());
        assertEquals("Сообщение 1", answer.get("items").get(6).get("text").asText());
    }

    @Test
    @DisplayName("F-EMB-04 Args.name reads the other parameters of the execute call, as strings")
    void args() {
        assertEquals(Wire.parse("[\"5в\",\"3\",3,null]"),
                ok(teacher, "return [Args.cls, Args.n, parseInt(Args.n), Args.missing];", "cls", "5в", "n", "3"));
    }

    @Test
    @DisplayName("F-EMB-04 a failed inner call gives false and its {method, error_code, error_msg} in execute_errors")
    void failedInnerCall() {
        long peer = classChat();
        JsonNode body = execute(outsider, "return [API.messages.getHistory({\"peer_id\": " + peer + "}), "
                + "API.users.get({}), API.no.such({})];");
        assertEquals(Wire.parse("false"), body.get("response").get(0));
        assertEquals(outsider.id().value(), body.get("response").get(1).get(0).get("id").asLong());
        assertEquals(Wire.parse("false"), body.get("response").get(2));
        JsonNode errors = body.get("execute_errors");
        assertEquals(2, errors.size(), body::toString);
        assertEquals("messages.getHistory", errors.get(0).get("method").asText());
        assertEquals(917, errors.get(0).get("error_code").asInt());
        assertTrue(errors.get(0).get("error_msg").asText().startsWith("You don't have access to this chat"));
        assertEquals("no.such", errors.get(1).get("method").asText());
        assertEquals(3, errors.get(1).get("error_code").asInt());
        assertFields(errors.get(0), "error_code", "error_msg", "method");
    }

    @Test
    @DisplayName("F-EMB-04 an inner call the caller may not make fails in execute_errors and changes nothing")
    void forbiddenInnerCallChangesNothing() {
        long peer = classChat();
        send(teacher, peer, "Только для класса");
        JsonNode body = execute(outsider, "var r = API.messages.send({\"peer_id\": " + peer
                + ", \"message\": \"Чужой\", \"random_id\": 5}); return r;");
        assertEquals(Wire.parse("false"), body.get("response"));
        assertEquals(917, body.get("execute_errors").get(0).get("error_code").asInt());
        JsonNode history = wire.ok(teacher, "messages.getHistory", "peer_id", Long.toString(peer));
        assertEquals(1, history.get("count").asInt());
        assertEquals("Только для класса", history.get("items").get(0).get("text").asText());
    }

    @Test
    @DisplayName("F-EMB-04 inner calls act with the caller's token only: an access_token parameter is ignored")
    void innerCallsKeepTheCallersToken() {
        JsonNode answer = ok(student1, "return API.users.get({\"access_token\": \"" + teacher.token().secret()
                + "\"})[0].id;");
        assertEquals(student1.id().value(), answer.asLong());
    }

    @Test
    @DisplayName("F-EMB-04 execute cannot call execute: the inner call fails with error 3")
    void noNestedExecute() {
        JsonNode body = execute(teacher, "return API.execute({\"code\": \"return 1;\"});");
        assertEquals(Wire.parse("false"), body.get("response"));
        assertEquals(3, body.get("execute_errors").get(0).get("error_code").asInt());
    }

    @Test
    @DisplayName("F-EMB-04 25 API calls pass; the 26th is error 13 Too many API calls")
    void twentySixCalls() {
        StringBuilder code = new StringBuilder("var i = 0; var r = []; while (i < 25) { r.push(API.users.get({})[0].id);"
                + " i = i + 1; } return r.length;");
        assertEquals(25, ok(teacher, code.toString()).asInt());
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            calls.add("API.users.get({})");
        }
        JsonNode error = error(teacher, "return [" + String.join(",", calls) + "];", 13);
        assertEquals("Runtime error occurred during code invocation: Too many API calls",
                error.get("error_msg").asText());
    }

    @Test
    @DisplayName("F-EMB-04 an endless while ends with error 13 Too many operations")
    void endlessWhile() {
        JsonNode error = error(teacher, "var i = 0; while (true) { i = i + 1; } return i;", 13);
        assertEquals("Runtime error occurred during code invocation: Too many operations",
                error.get("error_msg").asText());
        error(teacher, "while (1) {} return 0;", 13);
    }

    @Test
    @DisplayName("F-EMB-04 10,000-deep nesting is error 12, never a StackOverflowError")
    void deepNesting() {
        int n = 10_000;
        error(teacher, "return " + "[".repeat(n) + "]".repeat(n) + ";", 12);
        error(teacher, "return " + "(".repeat(n) + "1" + ")".repeat(n) + ";", 12);
        error(teacher, "return " + "!".repeat(n) + "1;", 12);
        error(teacher, "return " + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + ";", 12);
        error(teacher, "return 1" + "+1".repeat(n) + ";", 12);
        error(teacher, "return " + "[".repeat(n) + ";", 12);
        error(teacher, "if (1) ".repeat(n) + "return 1;", 12);
        error(teacher, "var a = {}; return a" + ".b".repeat(n) + ";", 12);
        assertEquals(Wire.parse("[[[[[1]]]]]"), ok(teacher, "return [[[[[1]]]]];"));
    }

    @Test
    @DisplayName("F-EMB-04 syntax errors are error 12 with the line and column")
    void syntaxErrors() {
        assertEquals("Unable to compile code: unexpected ';', expected a value at line 1, column 11",
                error(teacher, "return 1 +;", 12).get("error_msg").asText());
        assertEquals("Unable to compile code: unexpected 'a', expected ';' at line 2, column 10",
                error(teacher, "var a = 1;\nreturn a a;", 12).get("error_msg").asText());
        assertTrue(error(teacher, "return \"open;", 12).get("error_msg").asText()
                .endsWith("unterminated string at line 1, column 8"));
        assertTrue(error(teacher, "return 1 # 2;", 12).get("error_msg").asText()
                .endsWith("unexpected character '#' at line 1, column 10"));
        assertTrue(error(teacher, "if (1 { return 1; }", 12).get("error_msg").asText()
                .endsWith("unexpected '{', expected ')' at line 1, column 7"));
        error(teacher, "return API.users;", 12);
        error(teacher, "1 = 2; return 1;", 12);
        error(teacher, "return {\"a\" 1};", 12);
    }

    @Test
    @DisplayName("F-EMB-04 runtime type errors are error 13 with VK's wording")
    void runtimeErrors() {
        assertEquals("Runtime error occurred during code invocation: Method slice requires an array",
                error(teacher, "var a = 1; return a.slice(0);", 13).get("error_msg").asText());
        error(teacher, "return undefinedVariable;", 13);
        error(teacher, "return 1 / 0;", 13);
        error(teacher, "return API.users.get(5);", 13);
        error(teacher, "var s = \"ab\"; var i = 0; while (i < 30) { s = s + s; i = i + 1; } return s.length;", 13);
    }

    @Test
    @DisplayName("F-EMB-04 execute needs code and a valid token, like every method")
    void executeItselfRefused() {
        JsonNode missing = wire.error(wire.call(teacher, "execute"));
        assertEquals(100, missing.get("error_code").asInt());
        JsonNode anonymous = wire.error(wire.call((String) null, "execute", "code", "return 1;"));
        assertEquals(5, anonymous.get("error_code").asInt());
    }
}
