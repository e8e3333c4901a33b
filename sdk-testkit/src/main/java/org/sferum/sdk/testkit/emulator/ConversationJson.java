package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.testkit.engine.OwnChatState;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.ReadState;
import org.sferum.sdk.users.UserId;

/**
 * Renders a chat-list row as the schema's {@code messages_conversation_with_message}, with the fields
 * {@code docs/wire/vk-api.md} ({@code messages.getConversations}) lists plus the schema's required
 * {@code version} and {@code chat_settings.acl}.
 */
final class ConversationJson {
    /** The step of {@code sort_id.major_id} between pinned chats (research §2.4: 16, 32, … 80). */
    static final int PIN_STEP = 16;

    private final MessageJson messages;
    private final PlatformEngine engine;
    private final UserJson users;

    /**
     * Creates the renderer.
     *
     * @param messages renders the last message
     * @param engine gives the reader's read positions
     */
    ConversationJson(MessageJson messages, PlatformEngine engine) {
        this.messages = messages;
        this.engine = engine;
        this.users = new UserJson(engine);
    }

    /**
     * Adds VK's {@code profiles} to a list of conversations when the call asked {@code extended=1}: the other users
     * of its one-to-one chats and the authors of the last messages, with the {@code fields} asked for.
     *
     * @param out the answer object
     * @param rows the rows listed
     * @param params the call's parameters
     */
    void addProfiles(ObjectNode out, java.util.List<ChatSummary> rows, VkParams params) {
        if (!params.flag("extended")) {
            return;
        }
        java.util.List<UserId> people = new java.util.ArrayList<>();
        for (ChatSummary row : rows) {
            if (!row.id().isGroup()) {
                people.add(UserId.of(row.id().peerId()));
            }
            row.lastMessage().ifPresent(m -> people.add(m.author()));
        }
        out.set("profiles", users.profiles(people, UserJson.fields(params)));
    }

    /**
     * Renders one row.
     *
     * @param summary the row as the engine lists it for the reader
     * @param chat the chat's information
     * @param reader who reads the list
     * @return {@code {"conversation": …, "last_message": …}}, {@code last_message} only when there is one
     */
    ObjectNode item(ChatSummary summary, Chat chat, UserId reader) {
        ObjectNode item = JsonNodes.object();
        item.set("conversation", conversation(summary, chat, reader));
        summary.lastMessage().ifPresent(m -> item.set("last_message", messages.message(m, reader)));
        return item;
    }

    /**
     * Renders one conversation, as {@code messages.getConversationsById} lists it.
     *
     * @param summary the row as the engine lists it for the reader
     * @param chat the chat's information
     * @param reader who reads
     * @return the schema's {@code messages_conversation}
     */
    ObjectNode conversation(ChatSummary summary, Chat chat, UserId reader) {
        long lastId = summary.lastMessage().map(m -> m.id().value()).orElse(0L);
        ReadState read = engine.messages().readState(reader, chat.id());
        OwnChatState own = engine.chats().ownState(reader, chat.id());
        ObjectNode json = JsonNodes.object();
        ObjectNode peer = json.putObject("peer");
        peer.put("id", summary.id().peerId());
        boolean group = summary.id().isGroup();
        peer.put("type", group ? "chat" : "user");
        if (group) {
            peer.put("local_id", summary.id().localId());
        }
        json.put("last_message_id", lastId);
        json.put("last_conversation_message_id",
                summary.lastMessage().map(m -> m.conversationMessageId()).orElse(0L));
        json.put("in_read", read.inRead());
        json.put("out_read", read.outRead());
        if (summary.unreadCount() > 0) {
            json.put("unread_count", summary.unreadCount());
        }
        json.put("is_marked_unread", own.markedUnread());
        ObjectNode sortId = json.putObject("sort_id");
        // docs/wire/chats-actions.md: 16 for each pinned chat from the bottom, up to 80; 0 when not pinned.
        sortId.put("major_id", PIN_STEP * own.pinSlot());
        sortId.put("minor_id", lastId);
        if (own.muted()) {
            ObjectNode push = json.putObject("push_settings");
            push.put("disabled_forever", own.mutedForever());
            own.mutedUntil().ifPresent(until -> push.put("disabled_until", until.getEpochSecond()));
            push.put("no_sound", true);
        }
        DirectJson.canWrite(engine, reader, summary.id()).ifPresent(canWrite -> json.set("can_write", canWrite));
        if (group) {
            ObjectNode settings = chatSettings(summary, chat, reader);
            // message actions part: the pinned message (F-MSG-08) and the phantom chat flag (F-CHAT-11)
            engine.messageActions().pinned(reader, chat.id()).ifPresent(m -> settings.set("pinned_message", messages.pinned(m, reader)));
            if (engine.messageActions().disappearing(reader, chat.id()).isPresent()) {
                settings.put("is_disappearing", true);
            }
            if (chat.appearance() != ChatAppearance.DEFAULT) { // chat appearance (F-CHAT-11) [choice]
                settings.put("style", chat.appearance().wireName());
            }
            chat.photoUrl().ifPresent(url -> {
                // chat avatar (F-CHAT-06): one image at every size [choice]
                ObjectNode photo = settings.putObject("photo");
                photo.put("photo_50", url);
                photo.put("photo_100", url);
                photo.put("photo_200", url);
                photo.put("is_default_photo", false);
            });
            json.set("chat_settings", settings);
        }
        json.put("version", lastId);
        if (summary.archived()) {
            json.put("is_archived", true);
        }
        return json;
    }

    private static ObjectNode chatSettings(ChatSummary summary, Chat chat, UserId reader) {
        ObjectNode json = JsonNodes.object();
        json.put("owner_id", chat.owner().value());
        json.put("title", chat.title());
        json.put("members_count", summary.membersCount());
        ArrayNode admins = json.putArray("admin_ids");
        MemberRole readerRole = MemberRole.MEMBER;
        for (ChatMember member : chat.members()) {
            if (member.role() == MemberRole.ADMIN) {
                admins.add(member.user().value());
            }
            if (member.user().equals(reader)) {
                readerRole = member.role();
            }
        }
        json.put("state", "in");
        json.set("acl", ChatPermissionsJson.acl(chat.settings(), readerRole));
        json.set("permissions", ChatPermissionsJson.write(chat.settings()));
        return json;
    }
}
