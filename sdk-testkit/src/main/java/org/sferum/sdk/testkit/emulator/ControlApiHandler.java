package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;

/**
 * Serves the emulator's own control API (not VK): {@code GET /_emulator/health} and {@code GET /_emulator/demo}.
 * Any other path of the server answers 404 here too.
 */
final class ControlApiHandler implements HttpHandler {
    /** The path prefix of the control API. */
    static final String PREFIX = "/_emulator/";

    private final Optional<DemoSchool> school;

    /**
     * Creates the handler.
     *
     * @param school the seeded demo school, if any
     */
    ControlApiHandler(Optional<DemoSchool> school) {
        this.school = school;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean known = (PREFIX + "health").equals(path) || (PREFIX + "demo").equals(path);
        if (!known) {
            HttpJson.send(exchange, 404, HttpJson.controlError("not_found",
                    "no such path; the VK API is under /method/{name}, the control API under /_emulator/"));
        } else if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            HttpJson.send(exchange, 405, HttpJson.controlError("method_not_allowed", "use GET"));
        } else if ((PREFIX + "health").equals(path)) {
            ObjectNode body = Json.object();
            body.put("status", "ok");
            HttpJson.send(exchange, 200, body);
        } else if (school.isEmpty()) {
            HttpJson.send(exchange, 404, HttpJson.controlError("not_seeded",
                    "the emulator was started without the demo school; start it with --seed demo"));
        } else {
            HttpJson.send(exchange, 200, demo(school.get()));
        }
    }

    /**
     * Renders the demo school with a token and a label per user.
     *
     * @param school the school
     * @return {@code {"class_name": …, "users": [{id, first_name, last_name, role, access_token, label}]}}
     */
    static ObjectNode demo(DemoSchool school) {
        ObjectNode body = Json.object();
        body.put("class_name", school.className());
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

    private static ObjectNode user(SeededUser user, String label) {
        ObjectNode json = Json.object();
        json.put("id", user.id().value());
        json.put("first_name", user.person().firstName());
        json.put("last_name", user.person().lastName());
        json.put("role", user.role().name().toLowerCase(Locale.ROOT));
        json.put("access_token", user.token().secret());
        json.put("label", label);
        return json;
    }
}
