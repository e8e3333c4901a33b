package org.sferum.sdk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * The methods of the direct part of the chats issue ({@code docs/wire/chats-direct.md}): contacts as
 * {@code friends.get}, notification settings as {@code account.getPushSettings} and {@code account.setPushSettings},
 * and replies given as {@code messages.send}'s {@code forward} object with {@code "is_reply": true} (the way VK's
 * clients reply, and the way a private reply names a group chat message, F-MSG-09). One-to-one chats themselves
 * need no method of their own: {@code peer_id} is the other user's id.
 */
final class DirectMethods {
    /** The default and largest page of {@code friends.get}, as the schema's default. */
    static final int MAX_CONTACTS_COUNT = 5000;
    private static final Set<String> MODES = Set.of("on", "off", "no_sound", "no_text");

    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    DirectMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry. Register after {@link MessagesMethods}: {@code messages.send} is wrapped, so
     * that a call with a {@code forward} reply is answered here and every other call goes on to the plain method.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("friends.get", this::contacts);
        into.put("account.getPushSettings", this::getPushSettings);
        into.put("account.setPushSettings", this::setPushSettings);
        VkMethod plainSend = into.get("messages.send");
        if (plainSend != null) {
            into.put("messages.send", (caller, params) -> params.string("forward").isPresent()
                    ? sendReply(caller, params, plainSend) : plainSend.call(caller, params));
        }
    }

    private JsonNode contacts(UserId caller, VkParams params) {
        Optional<UserId> owner = params.optionalValue("user_id", UserId::of);
        if (owner.isPresent() && !owner.get().equals(caller)) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED,
                    "only the user's own contacts can be listed");
        }
        int offset = params.intOr("offset", 0);
        int count = params.intOr("count", MAX_CONTACTS_COUNT);
        if (offset < 0 || count < 0 || count > MAX_CONTACTS_COUNT) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                    "offset must not be negative and count must be between 0 and " + MAX_CONTACTS_COUNT);
        }
        params.string("order").ifPresent(DirectMethods::order);
        List<Person> all = engine.users().contacts(caller);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + count);
        return DirectJson.contacts(all.subList(from, to), all.size(), params.string("fields").isPresent());
    }

    /** [choice] Contacts are always ordered by name; the other orders of {@code friends.get} are accepted. */
    private static void order(String order) {
        if (!Set.of("hints", "mobile", "name", "random", "smart").contains(order)) {
            throw VkParams.invalid("order", "must be one of hints, mobile, name, random, smart");
        }
    }

    private JsonNode getPushSettings(UserId caller, VkParams params) {
        return DirectJson.pushSettings(engine.users().notificationSettings(caller));
    }

    /**
     * {@code account.setPushSettings}: {@code device_id} (required by the schema; the settings are the account's
     * whatever the device [choice]), then {@code settings} (a JSON object of keys to mode lists) and/or {@code key}
     * with {@code value}. Keys other than {@code msg} and {@code chat} are accepted and ignored.
     */
    private JsonNode setPushSettings(UserId caller, VkParams params) {
        params.string("device_id").orElseThrow(() -> VkParams.invalid("device_id", "is required"));
        NotificationSettings current = engine.users().notificationSettings(caller);
        Map<String, List<String>> given = new java.util.LinkedHashMap<>();
        params.string("settings").ifPresent(text -> given.putAll(settingsObject(text)));
        Optional<String> key = params.string("key");
        if (key.isPresent()) {
            given.put(key.get(), modes("value", params.string("value")
                    .orElseThrow(() -> VkParams.invalid("value", "is required with key"))));
        } else if (params.string("value").isPresent()) {
            throw VkParams.invalid("key", "is required with value");
        }
        if (given.isEmpty()) {
            throw VkParams.invalid("settings", "or key and value are required");
        }
        boolean group = onOff(given.get(DirectJson.GROUP_CHATS), current.groupChats());
        boolean direct = onOff(given.get(DirectJson.PRIVATE_CHATS), current.privateChats());
        boolean sound = current.sound();
        List<String> chat = given.get(DirectJson.GROUP_CHATS);
        List<String> msg = given.get(DirectJson.PRIVATE_CHATS);
        if (chat != null || msg != null) {
            sound = !(chat != null && chat.contains("no_sound")) && !(msg != null && msg.contains("no_sound"));
        }
        engine.users().updateNotificationSettings(caller, new NotificationSettings(group, direct, sound));
        return IntNode.valueOf(1);
    }

    private static boolean onOff(List<String> modes, boolean current) {
        return modes == null ? current : modes.contains("on");
    }

    private static Map<String, List<String>> settingsObject(String text) {
        JsonNode json;
        try {
            json = JsonNodes.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw VkParams.invalid("settings", "must be a JSON object");
        }
        if (json == null || !json.isObject()) {
            throw VkParams.invalid("settings", "must be a JSON object");
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            String joined;
            if (value.isTextual()) {
                joined = value.textValue();
            } else if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asText()));
                joined = String.join(",", parts);
            } else {
                throw VkParams.invalid("settings", "values must be mode lists such as [\"on\",\"no_sound\"]");
            }
            out.put(entry.getKey(), modes("settings", joined));
        }
        return out;
    }

    /** A list of modes: each of on, off, no_sound, no_text; exactly one of on and off. */
    private static List<String> modes(String name, String joined) {
        List<String> modes = new ArrayList<>();
        for (String mode : joined.split(",", -1)) {
            String m = mode.strip().toLowerCase(Locale.ROOT);
            if (!MODES.contains(m)) {
                throw VkParams.invalid(name, "holds an unknown mode; the modes are on, off, no_sound, no_text");
            }
            modes.add(m);
        }
        if (modes.contains("on") == modes.contains("off")) {
            throw VkParams.invalid(name, "must hold exactly one of on and off");
        }
        return modes;
    }

    /**
     * {@code messages.send} with {@code forward={"peer_id": P, "conversation_message_ids": [c], "is_reply": true}}:
     * a reply to message {@code c} of chat {@code P}. When {@code P} is a group chat and {@code peer_id} the
     * one-to-one chat with that message's author, it is a private reply (F-MSG-09). The caller must be a member
     * of {@code P} (917 otherwise). A {@code forward} that is not a reply goes on to the plain method.
     */
    private JsonNode sendReply(UserId caller, VkParams params, VkMethod plainSend) {
        JsonNode forward = forwardObject(params.string("forward").orElseThrow());
        if (!forward.path("is_reply").asBoolean(false)) {
            return plainSend.call(caller, params);
        }
        if (params.string("reply_to").isPresent() || params.string("forward_messages").isPresent()) {
            throw VkParams.invalid("forward", "with is_reply cannot be combined with reply_to or forward_messages");
        }
        ChatId peer = params.requiredValue("peer_id", ChatId::of);
        long source = forward.path("peer_id").asLong(0);
        ChatId sourceChat = VkParams.value("forward", () -> ChatId.of(source));
        JsonNode cmids = forward.has("conversation_message_ids") ? forward.get("conversation_message_ids")
                : forward.path("cmids");
        if (!cmids.isArray() || cmids.size() != 1 || !cmids.get(0).canConvertToLong()) {
            throw VkParams.invalid("forward", "with is_reply needs exactly one conversation message id");
        }
        Message original = engine.messages().messageAt(caller, sourceChat, cmids.get(0).asLong());
        OptionalInt randomId = params.optionalInt("random_id");
        List<org.sferum.sdk.attachments.Attachment> attachments = params.string("attachment")
                .map(AttachmentMethods::parse).orElse(List.of());
        Draft draft = new Draft(params.string("message").orElse(""), Optional.of(original.id()), List.of(),
                attachments, randomId.isPresent() && randomId.getAsInt() != 0 ? randomId : OptionalInt.empty());
        return LongNode.valueOf(engine.messages().send(caller, peer, draft).id().value());
    }

    private static JsonNode forwardObject(String text) {
        try {
            JsonNode json = JsonNodes.MAPPER.readTree(text);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw VkParams.invalid("forward", "must be a JSON object");
    }
}
