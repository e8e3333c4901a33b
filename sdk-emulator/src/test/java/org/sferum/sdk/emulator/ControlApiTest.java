package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * The emulator's own control API: {@code /_emulator/health} and {@code /_emulator/demo} (VK ID's part:
 * {@code VkIdControlApiTest}).
 */
class ControlApiTest {

    @Test
    @DisplayName("GET /_emulator/health answers {\"status\":\"ok\"}")
    void health() {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(false).start()) {
            HttpResponse<String> response = new Wire(emulator).send(new Wire(emulator).get("/_emulator/health", null)
                    .build());
            assertEquals(200, response.statusCode());
            assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            assertEquals("{\"status\":\"ok\"}", response.body());
        }
    }

    @Test
    @DisplayName("GET /_emulator/demo lists the seeded school with labels, roles and working tokens")
    void demo() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            Wire wire = new Wire(emulator);
            JsonNode demo = Wire.json(wire.send(wire.get("/_emulator/demo", null).build()));
            EmulatorTestBase.assertFields(demo, "class_name", "client_id", "redirect_uri", "password", "users", "bots");
            assertEquals(DemoSchool.CLIENT_ID, demo.get("client_id").asText());
            assertEquals(DemoSchool.REDIRECT_URI, demo.get("redirect_uri").asText());
            assertEquals(DemoSchool.PASSWORD, demo.get("password").asText());
            assertEquals("5в", demo.get("class_name").asText());
            List<String> labels = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            for (JsonNode user : demo.get("users")) {
                EmulatorTestBase.assertFields(user, "id", "first_name", "last_name", "role", "access_token", "label",
                        "phone");
                phones.add(user.get("phone").asText());
                labels.add(user.get("label").asText());
                roles.add(user.get("role").asText());
                JsonNode me = wire.call(user.get("access_token").asText(), "users.get").get("response").get(0);
                assertEquals(user.get("id").asLong(), me.get("id").asLong());
                assertEquals(user.get("first_name").asText(), me.get("first_name").asText());
            }
            assertEquals(List.of("teacher", "student1", "student2", "student3", "parent", "outsider"), labels);
            assertEquals(List.of("teacher", "student", "student", "student", "parent", "teacher"), roles);
            assertEquals(List.of("+79000000001", "+79000000002", "+79000000003", "+79000000004", "+79000000005",
                    "+79000000006"), phones);
            assertEquals("Анна", demo.get("users").get(0).get("first_name").asText());
            assertEquals(emulator.demoSchool().orElseThrow().teacher().id().value(),
                    demo.get("users").get(0).get("id").asLong());
        }
    }

    @Test
    @DisplayName("GET /_emulator/demo answers 404 with a JSON error when the emulator was started without the seed")
    void demoWithoutSeed() {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(false).start()) {
            Wire wire = new Wire(emulator);
            HttpResponse<String> response = wire.send(wire.get("/_emulator/demo", null).build());
            assertEquals(404, response.statusCode());
            assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            JsonNode error = Wire.parse(response.body()).get("error");
            assertEquals("not_seeded", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("--seed demo"));
        }
    }

    @Test
    @DisplayName("other paths answer 404 and other HTTP methods 405, in JSON")
    void otherPaths() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            Wire wire = new Wire(emulator);
            for (String path : List.of("/", "/_emulator/nope", "/method")) {
                HttpResponse<String> response = wire.send(wire.get(path, null).build());
                assertEquals(404, response.statusCode(), path);
                assertEquals("not_found", Wire.parse(response.body()).get("error").get("code").asText());
            }
            HttpResponse<String> post = wire.send(HttpRequest.newBuilder(emulator.baseUri()
                    .resolve("/_emulator/health")).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, post.statusCode());
        }
    }
}
