package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;

/** The VK ID part of the control API: SMS codes, accounts, clients and the clock (docs/wire/vk-id.md). */
class VkIdControlApiTest {

    private static HttpResponse<String> postJson(VkIdWire wire, String path, String json) {
        return wire.send(HttpRequest.newBuilder(wire.base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static JsonNode controlError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = Wire.parse(response.body()).get("error");
        assertTrue(error.get("code").isTextual() && error.get("message").isTextual(), error::toString);
        return error;
    }

    @Test
    @DisplayName("GET /_emulator/sms gives the last code sent to a phone in any format, 404 before any, 400 for a malformed phone")
    void sms() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            String teacherPhone = emulator.demoSchool().orElseThrow().teacher().phone();
            controlError(wire.get(URI.create(emulator.baseUri() + "/_emulator/sms?phone=%2B79000000001")), 404);
            VkIdLogin login = emulator.vkIdUsers().open(wire.authorization().uri());
            login.enterPhone(teacherPhone);
            login.enterPassword(DemoSchool.PASSWORD);
            JsonNode sms = VkIdWire.ok(wire.get(URI.create(emulator.baseUri()
                    + "/_emulator/sms?phone=8%20(900)%20000-00-01")));
            EmulatorTestBase.assertFields(sms, "phone", "code", "sent_at");
            assertEquals("+79000000001", sms.get("phone").asText());
            assertTrue(sms.get("code").asText().matches("\\d{6}"), sms::toString);
            assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(sms.get("code").asText()));
            assertEquals("invalid_phone", controlError(wire.get(URI.create(emulator.baseUri()
                    + "/_emulator/sms?phone=123")), 400).get("code").asText());
            controlError(wire.get(URI.create(emulator.baseUri() + "/_emulator/sms")), 400);
            assertEquals(405, wire.postForm("/_emulator/sms", "phone", teacherPhone).statusCode());
        }
    }

    @Test
    @DisplayName("F-LINK-02 F-LINK-10 GET /_emulator/sms gives sent_at, the Unix seconds on the emulator's clock when the "
            + "last code was sent")
    void smsSentAt() {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        try (SferumEmulator emulator = SferumEmulator.builder().clock(clock).seedDemo(true).start()) {
            VkIdWire wire = new VkIdWire(emulator);
            String teacherPhone = emulator.demoSchool().orElseThrow().teacher().phone();
            URI sms = URI.create(emulator.baseUri() + "/_emulator/sms?phone=%2B79000000001");
            VkIdLogin login = emulator.vkIdUsers().open(wire.authorization().uri());
            login.enterPhone(teacherPhone);
            clock.advance(Duration.ofSeconds(42));
            login.enterPassword(DemoSchool.PASSWORD);
            JsonNode first = VkIdWire.ok(wire.get(sms));
            assertTrue(first.get("sent_at").isIntegralNumber(), first::toString);
            assertEquals(clock.instant().getEpochSecond(), first.get("sent_at").asLong());

            clock.advance(Duration.ofMinutes(6));
            VkIdLogin again = emulator.vkIdUsers().open(wire.authorization().uri());
            again.enterPhone(teacherPhone);
            again.enterPassword(DemoSchool.PASSWORD);
            JsonNode second = VkIdWire.ok(wire.get(sms));
            assertEquals(clock.instant().getEpochSecond(), second.get("sent_at").asLong(), "the last code's time");
            assertEquals(Step.CHOOSE_PROFILE, again.enterSmsCode(second.get("code").asText()));
        }
    }

    @Test
    @DisplayName("POST /_emulator/vkid/accounts creates a VK ID with or without a profile; the profile's user works on the VK API")
    void accounts() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            JsonNode plain = VkIdWire.ok(postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"+7 901 555-12-34\", \"password\": \"Parol-2026\"}"));
            EmulatorTestBase.assertFields(plain, "phone");
            assertEquals("+79015551234", plain.get("phone").asText());

            JsonNode withProfile = VkIdWire.ok(postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"89027770011\", \"profile\": {\"first_name\": \"Вера\", \"last_name\": \"Орлова\","
                            + " \"birth_date\": \"14.03.2012\", \"gender\": \"female\", \"role\": \"student\"}}"));
            EmulatorTestBase.assertFields(withProfile, "phone", "user_id");
            long userId = withProfile.get("user_id").asLong();
            assertEquals("Вера", emulator.engine().users().person(org.sferum.sdk.users.UserId.of(userId)).firstName());

            VkIdLogin login = emulator.vkIdUsers().open(wire.authorization().uri());
            assertEquals(Step.PASSWORD, login.enterPhone("89027770011"), "an account without a password");
            assertEquals(Step.RESET_PASSWORD, login.forgotPassword());

            assertEquals("conflict", controlError(postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"+79015551234\"}"), 400).get("code").asText());
            assertEquals("invalid_phone", controlError(postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"12\"}"), 400).get("code").asText());
            assertEquals("invalid_personal_data", controlError(postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"+79030000000\", \"profile\": {\"first_name\": \"А\", \"last_name\": \"Б\","
                            + " \"birth_date\": \"2012-03-14\", \"gender\": \"male\", \"role\": \"teacher\"}}"), 400)
                    .get("code").asText());
            controlError(postJson(wire, "/_emulator/vkid/accounts", "{\"phone\": \"+79030000000\", \"profile\": "
                    + "{\"first_name\": \"А\", \"last_name\": \"Б\", \"birth_date\": \"14.03.2012\", "
                    + "\"gender\": \"other\", \"role\": \"teacher\"}}"), 400);
            controlError(postJson(wire, "/_emulator/vkid/accounts", "not json"), 400);
            controlError(postJson(wire, "/_emulator/vkid/accounts", "[]"), 400);
            String echoed = postJson(wire, "/_emulator/vkid/accounts",
                    "{\"phone\": \"+79015551234\", \"password\": \"Секрет-987\"}").body();
            assertFalse(echoed.contains("Секрет-987") || echoed.contains("5551234"), echoed);
        }
    }

    @Test
    @DisplayName("POST /_emulator/clients registers a client whose redirect URI then works; bad requests answer 400")
    void clients() {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(false).start()) {
            VkIdWire wire = new VkIdWire(emulator);
            JsonNode registered = VkIdWire.ok(postJson(wire, "/_emulator/clients",
                    "{\"client_id\": \"52000000\", \"redirect_uris\": [\"https://school.example/vkid/callback\"]}"));
            assertEquals("{\"client_id\":\"52000000\"}", registered.toString());
            String authorize = emulator.baseUri() + "/authorize?" + VkIdWire.form("response_type", "code",
                    "client_id", "52000000", "redirect_uri", "https://school.example/vkid/callback",
                    "state", "s", "code_challenge", VkIdWire.challenge("verifier-verifier-verifier-verifier-1"),
                    "code_challenge_method", "S256");
            assertEquals(200, wire.get(URI.create(authorize)).statusCode());
            assertEquals(400, wire.get(URI.create(authorize.replace("school.example", "evil.example")))
                    .statusCode());

            controlError(postJson(wire, "/_emulator/clients", "{\"client_id\": \"1\"}"), 400);
            controlError(postJson(wire, "/_emulator/clients", "{\"client_id\": \"1\", \"redirect_uris\": [\"/x\"]}"),
                    400);
            controlError(postJson(wire, "/_emulator/clients", "{\"client_id\": \"1\", \"redirect_uris\": [1]}"), 400);
            controlError(postJson(wire, "/_emulator/clients", "{\"redirect_uris\": [\"https://a.example/\"]}"), 400);
        }
    }

    @Test
    @DisplayName("POST /_emulator/clock moves the clock of start() and of the command line forward")
    void adjustableClock() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            Instant before = Instant.now();
            JsonNode moved = VkIdWire.ok(postJson(wire, "/_emulator/clock", "{\"advance_seconds\": 3600}"));
            EmulatorTestBase.assertFields(moved, "now");
            long now = moved.get("now").asLong();
            assertTrue(now >= before.getEpochSecond() + 3600 && now <= Instant.now().getEpochSecond() + 3601,
                    moved::toString);
            assertTrue(emulator.engine().clock().instant().isAfter(before.plusSeconds(3599)));
            Instant later = emulator.advanceClock(Duration.ofMinutes(1));
            assertTrue(later.getEpochSecond() >= now + 60);

            for (String bad : new String[] {"{}", "{\"advance_seconds\": -1}", "{\"advance_seconds\": \"60\"}",
                    "{\"advance_seconds\": 1.5}"}) {
                assertEquals("invalid_request", controlError(postJson(wire, "/_emulator/clock", bad), 400)
                        .get("code").asText(), bad);
            }
            assertEquals(405, wire.get(emulator.baseUri().resolve("/_emulator/clock")).statusCode());
        }
    }

    @Test
    @DisplayName("POST /_emulator/clock advances a TestClock given to the builder, and answers 409 for any other clock")
    void givenClocks() {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        try (SferumEmulator emulator = SferumEmulator.builder().clock(clock).start()) {
            JsonNode moved = VkIdWire.ok(postJson(new VkIdWire(emulator), "/_emulator/clock",
                    "{\"advance_seconds\": 90}"));
            assertEquals(Instant.parse("2026-09-01T06:01:30Z").getEpochSecond(), moved.get("now").asLong());
            assertEquals(Instant.parse("2026-09-01T06:01:30Z"), clock.instant());
        }
        Clock fixed = Clock.fixed(Instant.parse("2026-09-01T06:00:00Z"), ZoneOffset.UTC);
        try (SferumEmulator emulator = SferumEmulator.builder().clock(fixed).start()) {
            assertEquals("clock_not_adjustable", controlError(postJson(new VkIdWire(emulator), "/_emulator/clock",
                    "{\"advance_seconds\": 90}"), 409).get("code").asText());
            assertThrows(IllegalStateException.class, () -> emulator.advanceClock(Duration.ofSeconds(1)));
        }
    }

    @Test
    @DisplayName("the demo client and accounts are usable as /_emulator/demo lists them")
    void demoIsUsable() {
        try (SferumEmulator emulator = SferumEmulator.start()) {
            VkIdWire wire = new VkIdWire(emulator);
            JsonNode demo = VkIdWire.ok(wire.get(emulator.baseUri().resolve("/_emulator/demo")));
            JsonNode parent = demo.get("users").get(4);
            assertEquals("parent", parent.get("label").asText());
            VkIdWire.Authorization authorization = wire.authorization();
            VkIdLogin login = emulator.vkIdUsers().open(authorization.uri());
            login.enterPhone(parent.get("phone").asText());
            login.enterPassword(demo.get("password").asText());
            login.enterSmsCode(emulator.vkIdUsers().lastSmsCode(parent.get("phone").asText()).orElseThrow());
            login.continueInProfile();
            Map<String, String> callback = login.confirm();
            assertEquals(parent.get("id").asLong(), wire.exchange(authorization, callback).get("user_id").asLong());
        }
    }
}
