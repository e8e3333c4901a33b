package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * JSON of the direct part of the chats issue ({@code docs/wire/chats-direct.md}): a conversation's
 * {@code can_write}, the contacts of {@code friends.get} and the {@code settings} of {@code account.getPushSettings}.
 */
final class DirectJson {
    /** The push settings key of one-to-one chats. */
    static final String PRIVATE_CHATS = "msg";
    /** The push settings key of group chats. */
    static final String GROUP_CHATS = "chat";

    private DirectJson() {
    }

    /**
     * Renders the schema's {@code messages_conversation_can_write} for a member who may not post:
     * {@code {"allowed": false, "reason": <VK error code>}} (902 in a one-to-one chat with someone who is no longer
     * a contact, 1012 for a member of an announcement chat). [choice] Left out when the member may post.
     *
     * @param engine the engine
     * @param reader a member of the chat
     * @param chat the chat
     * @return the object, when writing is refused
     */
    static Optional<ObjectNode> canWrite(PlatformEngine engine, UserId reader, ChatId chat) {
        return engine.chats().writeRefusal(reader, chat).map(code -> {
            ObjectNode json = JsonNodes.object();
            json.put("allowed", false);
            json.put("reason", VkErrorTable.vkCode(code));
            return json;
        });
    }

    /**
     * Renders contacts as {@code friends.get} does: ids only, or, when {@code fields} was given, the schema's
     * {@code users_user_full} with {@code id}, {@code first_name} and {@code last_name}.
     *
     * @param page the contacts of the page
     * @param total how many contacts there are
     * @param withFields whether {@code fields} was given
     * @return {@code {"count": n, "items": […]}}
     */
    static ObjectNode contacts(List<Person> page, int total, boolean withFields) {
        ObjectNode json = JsonNodes.object();
        json.put("count", total);
        ArrayNode items = json.putArray("items");
        for (Person person : page) {
            if (withFields) {
                ObjectNode user = items.addObject();
                user.put("id", person.id().value());
                user.put("first_name", person.firstName());
                user.put("last_name", person.lastName());
            } else {
                items.add(person.id().value());
            }
        }
        return json;
    }

    /**
     * Renders notification settings as the schema's {@code account_push_settings}: {@code msg} for one-to-one
     * chats and {@code chat} for group chats, each {@code ["on"]} or {@code ["off"]}, with {@code "no_sound"} added
     * to both when sound is off [choice].
     *
     * @param settings the settings
     * @return the object
     */
    static ObjectNode pushSettings(NotificationSettings settings) {
        ObjectNode json = JsonNodes.object();
        json.put("disabled", 0);
        ObjectNode modes = json.putObject("settings");
        modes.set(PRIVATE_CHATS, modes(settings.privateChats(), settings.sound()));
        modes.set(GROUP_CHATS, modes(settings.groupChats(), settings.sound()));
        return json;
    }

    private static ArrayNode modes(boolean on, boolean sound) {
        ArrayNode modes = JsonNodes.array();
        modes.add(on ? "on" : "off");
        if (!sound) {
            modes.add("no_sound");
        }
        return modes;
    }
}
