package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * {@code users.get}: the educational profiles of users, or of the caller, as VK's {@code users_user_full} with the
 * {@code fields} the platform knows ({@link UserJson}). {@code user_ids} takes ids and VK's screen names
 * {@code id<N>}.
 */
final class UsersMethods {
    /** The most ids one {@code users.get} accepts, as VK. */
    static final int MAX_USER_IDS = 1000;

    private final PlatformEngine engine;
    private final UserJson json;

    /**
     * Creates the method.
     *
     * @param engine the engine
     */
    UsersMethods(PlatformEngine engine) {
        this.engine = engine;
        this.json = new UserJson(engine);
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
        List<UserId> ids = userIds(params);
        Set<String> fields = UserJson.fields(params);
        ArrayNode users = JsonNodes.array();
        for (UserId user : ids.isEmpty() ? List.of(caller) : ids) {
            users.add(json.user(user, fields));
        }
        return users;
    }

    /** The ids of {@code user_ids}: numbers, or screen names {@code id<N>}. */
    private static List<UserId> userIds(VkParams params) {
        List<UserId> out = new ArrayList<>();
        String text = params.string("user_ids").orElse("");
        if (text.isEmpty()) {
            return out;
        }
        for (String item : text.split(",", -1)) {
            String id = item.strip();
            String digits = id.startsWith("id") ? id.substring(2) : id;
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
                throw VkParams.invalid("user_ids", "must hold user ids or screen names such as id123");
            }
            out.add(VkParams.value("user_ids", () -> UserId.of(AsciiNumbers.parseLong(digits))));
        }
        if (out.size() > MAX_USER_IDS) {
            throw VkParams.invalid("user_ids", "may hold at most " + MAX_USER_IDS + " ids, got " + out.size());
        }
        return out;
    }
}
