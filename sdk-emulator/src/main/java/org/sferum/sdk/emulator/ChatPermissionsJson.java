package org.sferum.sdk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.PermissionLevel;

/**
 * Chat settings on the wire: the schema's {@code messages_chat_settings_permissions} (keys {@code invite},
 * {@code change_info}, …; values {@code owner}, {@code owner_and_admins}, {@code all}) read into
 * {@link ChatSettings} and written from it, and the caller's {@code acl} derived from them. The Sferum extension
 * {@code "only_admins_write": true} marks an announcement chat (F-CHAT-12, {@code docs/wire/chats-direct.md}).
 */
final class ChatPermissionsJson {
    /** The partner extension's key: only the owner and admins write (an announcement chat). */
    static final String ONLY_ADMINS_WRITE = "only_admins_write";

    private ChatPermissionsJson() {
    }

    /**
     * Reads the {@code permissions} parameter of {@code messages.createChat}; missing keys mean {@code owner}.
     * {@link ChatSettings} checks the rules (for example {@code change_admins} never {@code all}).
     *
     * @param name the parameter's name, for messages
     * @param text the JSON text
     * @return the settings
     */
    static ChatSettings read(String name, String text) {
        JsonNode json;
        try {
            json = JsonNodes.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw VkParams.invalid(name, "must be a JSON object");
        }
        if (json == null || !json.isObject()) {
            throw VkParams.invalid(name, "must be a JSON object");
        }
        Map<ChatAction, PermissionLevel> levels = new EnumMap<>(ChatAction.class);
        boolean onlyAdminsWrite = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals(ONLY_ADMINS_WRITE)) {
                onlyAdminsWrite = flag(name, entry.getValue());
                continue;
            }
            ChatAction action = action(name, entry.getKey());
            levels.put(action, level(name, entry.getKey(), entry.getValue()));
        }
        boolean announcement = onlyAdminsWrite;
        return VkParams.value(name, () -> new ChatSettings(levels, announcement));
    }

    /**
     * Writes settings as the schema's {@code permissions} object.
     *
     * @param settings the settings
     * @return the object
     */
    static ObjectNode write(ChatSettings settings) {
        ObjectNode json = JsonNodes.object();
        for (ChatAction action : ChatAction.values()) {
            json.put(key(action), settings.level(action).name().toLowerCase(Locale.ROOT));
        }
        if (settings.onlyAdminsWrite()) {
            json.put(ONLY_ADMINS_WRITE, true);
        }
        return json;
    }

    /**
     * Writes the schema's {@code acl}: what the caller, with a role in the chat, may do under its settings.
     *
     * @param settings the settings
     * @param role the caller's role
     * @return the object
     */
    static ObjectNode acl(ChatSettings settings, MemberRole role) {
        boolean manager = role == MemberRole.OWNER || role == MemberRole.ADMIN;
        ObjectNode json = JsonNodes.object();
        json.put("can_change_info", allowed(settings, ChatAction.CHANGE_INFO, role));
        // Seeing and resetting the invite link both need INVITE and SEE_INVITE_LINK (docs/wire/chats-admin.md).
        boolean link = allowed(settings, ChatAction.INVITE, role)
                && allowed(settings, ChatAction.SEE_INVITE_LINK, role);
        json.put("can_change_invite_link", link);
        json.put("can_change_pin", allowed(settings, ChatAction.CHANGE_PIN, role));
        json.put("can_invite", allowed(settings, ChatAction.INVITE, role));
        json.put("can_promote_users", allowed(settings, ChatAction.CHANGE_ADMINS, role));
        json.put("can_see_invite_link", link);
        json.put("can_moderate", manager);
        json.put("can_copy_chat", manager);
        json.put("can_call", allowed(settings, ChatAction.CALL, role));
        json.put("can_use_mass_mentions", allowed(settings, ChatAction.USE_MASS_MENTIONS, role));
        return json;
    }

    private static boolean allowed(ChatSettings settings, ChatAction action, MemberRole role) {
        switch (settings.level(action)) {
            case ALL:
                return true;
            case OWNER_AND_ADMINS:
                return role == MemberRole.OWNER || role == MemberRole.ADMIN;
            case OWNER:
            default:
                return role == MemberRole.OWNER;
        }
    }

    private static String key(ChatAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private static ChatAction action(String name, String key) {
        for (ChatAction action : ChatAction.values()) {
            if (key(action).equals(key)) {
                return action;
            }
        }
        throw VkParams.invalid(name, "has an unknown key; the keys are those of messages_chat_settings_permissions");
    }

    private static boolean flag(String name, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isInt() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue() == 1;
        }
        throw VkParams.invalid(name, "." + ONLY_ADMINS_WRITE + " must be true or false");
    }

    private static PermissionLevel level(String name, String key, JsonNode value) {
        if (value.isTextual()) {
            for (PermissionLevel level : PermissionLevel.values()) {
                if (level.name().toLowerCase(Locale.ROOT).equals(value.textValue())) {
                    return level;
                }
            }
        }
        throw VkParams.invalid(name, "." + key + " must be owner, owner_and_admins or all");
    }
}
