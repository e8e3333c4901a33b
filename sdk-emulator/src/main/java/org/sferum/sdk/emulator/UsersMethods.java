package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** {@code users.get}: the educational profiles (id and name only) of users, or of the caller. */
final class UsersMethods {
    /** The most ids one {@code users.get} accepts, as VK. */
    static final int MAX_USER_IDS = 1000;

    private final PlatformEngine engine;

    /**
     * Creates the method.
     *
     * @param engine the engine
     */
    UsersMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the method to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("users.get", this::get);
    }

    private JsonNode get(UserId caller, VkParams params) {
        List<UserId> ids = params.valueList("user_ids", MAX_USER_IDS, UserId::of);
        ArrayNode users = JsonNodes.array();
        for (UserId user : ids.isEmpty() ? List.of(caller) : ids) {
            users.add(user(engine.users().person(user)));
        }
        return users;
    }

    private static ObjectNode user(Person person) {
        ObjectNode json = JsonNodes.object();
        json.put("id", person.id().value());
        json.put("first_name", person.firstName());
        json.put("last_name", person.lastName());
        return json;
    }
}
