package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.RosterSeed;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.emulator.ControlRequest.Refused;

/**
 * Serves the emulator's own control API (not VK; {@code docs/wire/vk-api.md} and {@code docs/wire/vk-id.md},
 * "Emulator control API"): health, the demo school, the last SMS code of a phone, new VK ID accounts and clients,
 * and moving the clock. Any other path of the server answers 404 here too.
 */
final class ControlApiHandler implements EmulatorHandler {
    /** The path prefix of the control API. */
    static final String PREFIX = "/_emulator/";
    /** The HTTP method of each path. */
    private static final Map<String, String> ROUTES = Map.of(
            PREFIX + "health", "GET",
            PREFIX + "demo", "GET",
            PREFIX + "sms", "GET",
            PREFIX + "vkid/accounts", "POST",
            PREFIX + "clients", "POST",
            PREFIX + "clock", "POST");

    private final Optional<DemoSchool> school;
    private final Optional<RosterSeed> roster;
    private final VkIdControl vkId;
    private final EmulatorClock clock;
    /** Observes the moved clock (calls whose start has come start: their chats, their events). */
    private final Runnable afterAdvance;
    /** The seeded bots, for {@code GET /_emulator/demo} (F-EMB-08). */
    private final java.util.function.Supplier<ArrayNode> bots;

    /**
     * Creates the handler.
     *
     * @param school the seeded demo school, if any
     * @param roster the seeded roster, if any
     * @param vkId the VK ID part of the control API
     * @param clock the emulator's clock
     * @param afterAdvance run after the clock moved
     * @param bots the seeded bots as {@code /_emulator/demo} lists them
     */
    ControlApiHandler(Optional<DemoSchool> school, Optional<RosterSeed> roster, VkIdControl vkId, EmulatorClock clock,
                      Runnable afterAdvance, java.util.function.Supplier<ArrayNode> bots) {
        this.bots = bots;
        this.school = school;
        this.roster = roster;
        this.vkId = vkId;
        this.clock = clock;
        this.afterAdvance = afterAdvance;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String allowed = ROUTES.get(path);
        if (allowed == null) {
            HttpJson.send(exchange, 404, HttpJson.controlError("not_found",
                    "no such path; the VK API is under /method/{name}, VK ID under /authorize and /oauth2/, "
                            + "the control API under /_emulator/"));
            return;
        }
        boolean get = "GET".equals(allowed);
        if (!allowed.equals(method) && !(get && "HEAD".equals(method))) {
            exchange.getResponseHeaders().set("Allow", get ? "GET, HEAD" : "POST");
            HttpJson.send(exchange, 405, HttpJson.controlError("method_not_allowed", "use " + allowed));
            return;
        }
        try {
            HttpJson.send(exchange, 200, answer(path.substring(PREFIX.length()), exchange));
        } catch (Refused e) {
            HttpJson.send(exchange, e.status(), e.body());
        }
    }

    private ObjectNode answer(String route, EmulatorExchange exchange) throws IOException {
        switch (route) {
            case "health":
                ObjectNode body = JsonNodes.object();
                body.put("status", "ok");
                return body;
            case "demo":
                if (school.isEmpty() && roster.isEmpty()) {
                    throw new Refused(404, "not_seeded", "the emulator was started without the demo school or a"
                            + " roster; start it with --seed demo or --seed oneroster:DIR");
                }
                ObjectNode seeded = school.map(ControlApiHandler::demo).orElseGet(JsonNodes::object);
                if (school.isPresent()) {
                    seeded.set("bots", bots.get());
                }
                roster.ifPresent(seed -> seeded.set("roster", roster(seed)));
                return seeded;
            case "sms":
                return vkId.sms(ControlRequest.query(exchange));
            case "vkid/accounts":
                return vkId.createAccount(ControlRequest.jsonObject(exchange));
            case "clients":
                return vkId.registerClient(ControlRequest.jsonObject(exchange));
            case "clock":
            default:
                return advanceClock(ControlRequest.jsonObject(exchange));
        }
    }

    private ObjectNode advanceClock(JsonNode json) {
        JsonNode seconds = json.get("advance_seconds");
        if (seconds == null || !seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0) {
            throw new Refused(400, "invalid_request", "advance_seconds is required, as a whole number not below 0");
        }
        if (!clock.adjustable()) {
            throw new Refused(409, "clock_not_adjustable", "the emulator was started with a clock it cannot move; "
                    + "start it without a clock or with a TestClock");
        }
        Instant now = clock.advance(Duration.ofSeconds(seconds.asLong()));
        afterAdvance.run();
        ObjectNode body = JsonNodes.object();
        body.put("now", now.getEpochSecond());
        return body;
    }

    /**
     * Renders the demo school with a token, a label and a VK ID phone per user, and the demo VK ID client.
     *
     * @param school the school
     * @return {@code {"class_name", "client_id", "redirect_uri", "password", "users": [{id, first_name,
     *     last_name, role, access_token, label, phone}]}}
     */
    static ObjectNode demo(DemoSchool school) {
        ObjectNode body = JsonNodes.object();
        body.put("class_name", school.className());
        body.put("client_id", DemoSchool.CLIENT_ID);
        body.put("redirect_uri", DemoSchool.REDIRECT_URI.toString());
        body.put("password", DemoSchool.PASSWORD);
        ArrayNode users = body.putArray("users");
        users.add(user(school.teacher(), "teacher"));
        List<SeededUser> students = school.students();
        for (int i = 0; i < students.size(); i++) {
            users.add(user(students.get(i), "student" + (i + 1)));
        }
        users.add(user(school.parent(), "parent"));
        users.add(user(school.outsider(), "outsider"));
        return body;
    }

    /**
     * Renders a seeded roster: {@code {"service_tokens": {school: token}, "accounts", "linked", "skipped",
     * "password"}}.
     */
    private static ObjectNode roster(RosterSeed seed) {
        ObjectNode json = JsonNodes.object();
        ObjectNode tokens = json.putObject("service_tokens");
        seed.serviceTokens().forEach(tokens::put);
        json.put("accounts", seed.accounts());
        json.put("linked", seed.linked());
        json.put("skipped", seed.skipped());
        json.put("password", DemoSchool.PASSWORD);
        return json;
    }

    private static ObjectNode user(SeededUser user, String label) {
        ObjectNode json = JsonNodes.object();
        json.put("id", user.id().value());
        json.put("first_name", user.person().firstName());
        json.put("last_name", user.person().lastName());
        json.put("role", user.role().name().toLowerCase(Locale.ROOT));
        json.put("access_token", user.token().secret());
        json.put("label", label);
        json.put("phone", user.phone());
        return json;
    }
}
