package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * The MAX Bot API's objects as the emulator's MAX face writes them ({@code docs/wire/max.md}), from the engine's
 * values: a group chat {@code n} is {@code chat_id = -n}, a message {@code m} is {@code mid = "mid."} + {@code m} in
 * 16 hex digits, a user keeps its id, times are Unix milliseconds, {@code seq} is the conversation message id.
 * An admin's {@code permissions} are read from the chat's settings (F-CHAT-03): {@code read_all_messages},
 * {@code write}, {@code edit}, {@code delete} always, {@code pin_message}, {@code change_chat_info} and
 * {@code add_remove_members} when the settings let admins pin, change the information or invite; the owner has all.
 */
final class MaxJson {
    private static final Pattern MID = Pattern.compile("mid\\.([0-9a-f]{16})");

    private final PlatformEngine engine;

    private final java.util.Map<MessageId, ArrayNode> keyboards = new java.util.concurrent.ConcurrentHashMap<>();

    MaxJson(PlatformEngine engine) {
        this.engine = engine;
    }

    static long chatId(ChatId chat) {
        return -chat.localId();
    }

    /** The engine's chat of a MAX {@code chat_id}, when it names a group chat the emulator can have. */
    static Optional<ChatId> chat(long maxChatId) {
        if (maxChatId >= 0 || -maxChatId > ChatId.MAX_LOCAL_ID) {
            return Optional.empty();
        }
        return Optional.of(ChatId.group(-maxChatId));
    }

    static String mid(MessageId message) {
        return String.format(Locale.ROOT, "mid.%016x", message.value());
    }

    /** The engine's message of a {@code mid}, when it has the emulator's form. */
    static Optional<MessageId> message(String mid) {
        Matcher hex = mid == null ? null : MID.matcher(mid);
        if (hex == null || !hex.matches()) {
            return Optional.empty();
        }
        long value = Long.parseUnsignedLong(hex.group(1), 16);
        return value > 0 ? Optional.of(MessageId.of(value)) : Optional.empty();
    }

    ObjectNode user(UserId id) {
        Person person = engine.users().person(id);
        ObjectNode json = JsonNodes.object();
        json.put("user_id", id.value());
        json.put("first_name", person.firstName());
        if (person.lastName().isEmpty()) {
            json.putNull("last_name");
        } else {
            json.put("last_name", person.lastName());
        }
        json.put("name", person.displayName());
        json.putNull("username");
        json.put("is_bot", engine.users().isBot(id));
        return json;
    }

    /** {@code BotInfo}: the bot as {@code GET /me} answers it. */
    ObjectNode botInfo(UserId bot) {
        ObjectNode json = user(bot);
        json.putNull("description");
        json.putNull("avatar_url");
        json.putNull("full_avatar_url");
        json.putArray("commands");
        return json;
    }

    ObjectNode chat(Chat chat) {
        ObjectNode json = JsonNodes.object();
        json.put("chat_id", chatId(chat.id()));
        json.put("type", "chat");
        json.put("status", "active");
        json.put("title", chat.title());
        json.putNull("icon");
        json.put("last_event_time", engine.clock().millis());
        json.put("participants_count", chat.members().size());
        json.put("owner_id", chat.owner().value());
        json.put("is_public", false);
        json.putNull("link");
        json.putNull("description");
        return json;
    }

    ObjectNode member(ChatMember member, ChatSettings settings) {
        ObjectNode json = user(member.user());
        json.putNull("description");
        json.putNull("avatar_url");
        json.putNull("full_avatar_url");
        json.put("last_access_time", member.joinedAt().toEpochMilli());
        json.put("is_owner", member.role() == MemberRole.OWNER);
        json.put("is_admin", member.role() != MemberRole.MEMBER);
        json.put("join_time", member.joinedAt().toEpochMilli());
        if (member.role() == MemberRole.MEMBER) {
            json.putNull("permissions");
        } else {
            ArrayNode permissions = json.putArray("permissions");
            boolean owner = member.role() == MemberRole.OWNER;
            permissions.add("read_all_messages").add("write").add("edit").add("delete");
            if (owner || settings.level(ChatAction.CHANGE_PIN) != PermissionLevel.OWNER) {
                permissions.add("pin_message");
            }
            if (owner || settings.level(ChatAction.CHANGE_INFO) != PermissionLevel.OWNER) {
                permissions.add("change_chat_info");
            }
            if (owner || settings.level(ChatAction.INVITE) != PermissionLevel.OWNER) {
                permissions.add("add_remove_members");
            }
            if (owner) {
                permissions.add("add_admins");
            }
        }
        json.putNull("alias");
        return json;
    }

    /**
     * {@code Message}: a group chat's message as the reader sees it.
     *
     * @param message the message
     * @param reader who reads, for the message replied to
     * @return the JSON
     */
    ObjectNode message(Message message, UserId reader) {
        ObjectNode json = JsonNodes.object();
        json.set("sender", user(message.author()));
        ObjectNode recipient = json.putObject("recipient");
        recipient.put("chat_id", chatId(message.chat()));
        recipient.put("chat_type", "chat");
        json.put("timestamp", message.sentAt().toEpochMilli());
        if (message.replyTo().isPresent()) {
            engine.messages().visibleMessage(reader, message.replyTo().get())
                    .ifPresent(original -> json.set("link", link("reply", original)));
        } else if (!message.forwarded().isEmpty()) {
            json.set("link", link("forward", message.forwarded().get(0)));
        }
        json.set("body", body(message));
        json.putNull("stat");
        json.putNull("url");
        return json;
    }

    private ObjectNode link(String type, Message original) {
        ObjectNode json = JsonNodes.object();
        json.put("type", type);
        json.set("sender", user(original.author()));
        if (original.chat().isGroup()) {
            json.put("chat_id", chatId(original.chat()));
        }
        json.set("message", body(original));
        return json;
    }

    /**
     * Keeps a message's inline keyboard, which the MAX face shows with it: the engine's messages have no buttons, so
     * the face keeps them [choice: people on the VK face see the text only].
     *
     * @param message the message
     * @param buttons the keyboard's rows of buttons, already checked
     */
    void keyboard(MessageId message, ArrayNode buttons) {
        keyboards.put(message, buttons.deepCopy());
    }

    private ObjectNode body(Message message) {
        ObjectNode json = JsonNodes.object();
        json.put("mid", mid(message.id()));
        json.put("seq", message.conversationMessageId());
        json.put("text", message.text());
        ArrayNode attachments = json.putArray("attachments");
        message.attachments().forEach(attachment -> attachment(attachment).ifPresent(attachments::add));
        ArrayNode buttons = keyboards.get(message.id());
        if (buttons != null) {
            ObjectNode keyboard = attachments.addObject();
            keyboard.put("type", "inline_keyboard");
            keyboard.putObject("payload").set("buttons", buttons.deepCopy());
        }
        json.putNull("markup");
        return json;
    }

    /**
     * An {@code Attachment}: a photo as {@code image} ({@code photo_id}, {@code url}), a file as {@code file}
     * ({@code filename}, {@code size}; {@code payload.url} empty [choice: the engine's file has no address]); the
     * {@code payload.token} names the item [choice: tokens are not reusable in another message yet]. Polls and videos, which the MAX
     * face cannot make, are left out.
     */
    private static Optional<ObjectNode> attachment(org.sferum.sdk.attachments.Attachment attachment) {
        ObjectNode json = JsonNodes.object();
        if (attachment instanceof org.sferum.sdk.attachments.Attachment.Photo photo) {
            json.put("type", "image");
            ObjectNode payload = json.putObject("payload");
            payload.put("photo_id", photo.id().id());
            payload.put("token", "photo." + photo.id().ownerId() + "_" + photo.id().id());
            payload.put("url", photo.url());
            return Optional.of(json);
        }
        if (attachment instanceof org.sferum.sdk.attachments.Attachment.File file) {
            json.put("type", "file");
            ObjectNode payload = json.putObject("payload");
            payload.put("url", "");
            payload.put("token", "file." + file.id().ownerId() + "_" + file.id().id());
            json.put("filename", file.name());
            json.put("size", file.size());
            return Optional.of(json);
        }
        return Optional.empty();
    }

    /**
     * {@code Error}: what the MAX Bot API answers with a status other than 200.
     *
     * @param code the error's code, such as {@code chat.denied}
     * @param message what was wrong and what to do
     * @return the JSON
     */
    static ObjectNode error(String code, String message) {
        ObjectNode json = JsonNodes.object();
        json.put("code", code);
        json.put("message", message);
        return json;
    }

    static ObjectNode success() {
        ObjectNode json = JsonNodes.object();
        json.put("success", true);
        return json;
    }
}
