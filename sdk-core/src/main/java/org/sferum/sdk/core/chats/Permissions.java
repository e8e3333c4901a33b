package org.sferum.sdk.core.chats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.core.wire.Json;

/**
 * Chat settings in the shape of the VK schema's {@code messages_chat_settings_permissions}:
 * {@code {"invite":"owner","change_info":"owner_and_admins",…}} with the levels {@code owner},
 * {@code owner_and_admins} and {@code all}; an announcement chat adds the Sferum extension
 * {@code "only_admins_write": true} ({@code docs/wire/chats-direct.md}).
 */
public final class Permissions {
    private Permissions() {
    }

    /**
     * Writes settings as the {@code permissions} parameter of {@code messages.createChat}, every action named.
     *
     * @param settings the settings
     * @return the JSON object text
     */
    public static String toJson(ChatSettings settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ChatAction action : ChatAction.values()) {
            out.put(key(action), level(settings.level(action)));
        }
        if (settings.onlyAdminsWrite()) {
            out.put("only_admins_write", true);
        }
        return Json.write(out);
    }

    /**
     * Reads the schema's {@code permissions} object leniently: unknown keys and values are skipped, missing actions
     * take the default level, and {@code change_admins} at {@code all} (which VK does not allow) reads as
     * {@code owner_and_admins}.
     *
     * @param permissions the object, may be {@code null} (the defaults)
     * @return the settings
     */
    public static ChatSettings fromJson(JsonNode permissions) {
        Map<ChatAction, PermissionLevel> levels = new EnumMap<>(ChatAction.class);
        for (ChatAction action : ChatAction.values()) {
            String value = Json.text(permissions, key(action), "");
            for (PermissionLevel level : PermissionLevel.values()) {
                if (level(level).equals(value)) {
                    levels.put(action, level);
                }
            }
        }
        if (levels.get(ChatAction.CHANGE_ADMINS) == PermissionLevel.ALL) {
            levels.put(ChatAction.CHANGE_ADMINS, PermissionLevel.OWNER_AND_ADMINS);
        }
        return new ChatSettings(levels);
    }

    /**
     * Returns the schema's key of an action, such as {@code change_info}.
     *
     * @param action the action
     * @return the key
     */
    public static String key(ChatAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the schema's value of a level, such as {@code owner_and_admins}.
     *
     * @param level the level
     * @return the value
     */
    public static String level(PermissionLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
