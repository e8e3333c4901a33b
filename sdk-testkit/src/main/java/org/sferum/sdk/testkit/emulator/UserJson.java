package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * Renders users as VK's {@code users_user_full}: {@code id}, {@code first_name}, {@code last_name},
 * {@code can_access_closed} and {@code is_closed} always, and of the {@code fields} a call asks for those the
 * platform knows ({@code docs/wire/vk-api.md}, "User objects"):
 * <ul>
 *   <li>{@code online}: 1 when the user called the API within {@code Presence.ONLINE_WINDOW} (engine);</li>
 *   <li>{@code screen_name}: {@code id<N>}, VK's address of a user without a nickname [choice: the platform has
 *       no nicknames];</li>
 *   <li>{@code photo_50}, {@code photo_100}, {@code photo_200}: VK's default camera image of a user without a photo
 *       [choice: the platform has no user photos];</li>
 *   <li>{@code sex}: 0, VK's «not specified» [choice: educational profiles carry no sex].</li>
 * </ul>
 * Other fields are left out, as VK leaves out fields it does not return for a user.
 */
final class UserJson {
    /** The {@code fields} values the emulator answers. */
    static final Set<String> KNOWN = Set.of("online", "screen_name", "photo_50", "photo_100", "photo_200", "sex");
    /** VK's image of a user without a photo, by size. */
    private static final String CAMERA = "https://vk.com/images/camera_%d.png";

    private final PlatformEngine engine;

    /**
     * Creates the renderer.
     *
     * @param engine the engine, for names and presence
     */
    UserJson(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Reads {@code fields} (comma-joined names, any case); names the emulator does not know are dropped.
     *
     * @param params the call's parameters
     * @return the known fields asked for
     */
    static Set<String> fields(VkParams params) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : params.string("fields").orElse("").split(",")) {
            String field = name.strip().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(field)) {
                out.add(field);
            }
        }
        return out;
    }

    /**
     * Renders one user.
     *
     * @param user the user
     * @param fields the fields asked for
     * @return the {@code users_user_full} object
     */
    ObjectNode user(UserId user, Set<String> fields) {
        Person person = engine.users().person(user);
        ObjectNode json = JsonNodes.object();
        json.put("id", person.id().value());
        json.put("first_name", person.firstName());
        json.put("last_name", person.lastName());
        json.put("can_access_closed", true);
        json.put("is_closed", false);
        for (String field : fields) {
            switch (field) {
                case "online" -> json.put("online", engine.presence().online(user) ? 1 : 0);
                case "screen_name" -> json.put("screen_name", "id" + user.value());
                case "sex" -> json.put("sex", 0);
                default -> json.put(field, String.format(Locale.ROOT, CAMERA,
                        Integer.parseInt(field.substring("photo_".length()))));
            }
        }
        return json;
    }

    /**
     * Renders users once each, in the order given: the {@code profiles} of an {@code extended=1} answer.
     *
     * @param users the users
     * @param fields the fields asked for
     * @return the array
     */
    ArrayNode profiles(Collection<UserId> users, Set<String> fields) {
        ArrayNode out = JsonNodes.array();
        for (UserId user : new LinkedHashSet<>(users)) {
            out.add(user(user, fields));
        }
        return out;
    }
}
