package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** The chat methods of the slice: {@code messages.createChat} and {@code messages.getConversations}. */
final class ChatsMethods {
    /** The default page size of {@code messages.getConversations}. */
    static final int DEFAULT_CONVERSATIONS_COUNT = 20;
    /** The largest page of {@code messages.getConversations}. */
    static final int MAX_CONVERSATIONS_COUNT = 200;

    private final PlatformEngine engine;
    private final ConversationJson json;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     * @param json renders conversations
     */
    ChatsMethods(PlatformEngine engine, ConversationJson json) {
        this.engine = engine;
        this.json = json;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.createChat", this::createChat);
        into.put("messages.getConversations", this::getConversations);
        into.put("messages.removeChatUser", this::removeChatUser);
    }

    private JsonNode createChat(UserId caller, VkParams params) {
        Set<UserId> members = new LinkedHashSet<>(params.valueList("user_ids", NewChat.MAX_MEMBERS, UserId::of));
        String title = params.requiredString("title");
        ChatSettings settings = params.string("permissions")
                .map(text -> ChatPermissionsJson.read("permissions", text))
                .orElseGet(ChatSettings::ownerOnly);
        ChatId id;
        if (params.string("roster_key").isPresent()) {
            // partner (docs/wire/roster.md): an automatic chat made with its key in one step, empty, idempotent
            if (!members.isEmpty()) {
                throw VkParams.invalid("user_ids", "must be empty for an automatic chat; add members after");
            }
            AutomaticChatKey key = RosterMethods.key("roster_key", params.requiredString("roster_key"));
            SchoolAccountId admin = params.string("roster_admin").map(SchoolAccountId::of).orElse(null);
            engine.roster().createChat(caller, key, title, admin, settings);
            id = engine.roster().chatOf(key).orElseThrow();
        } else {
            id = engine.chats().createChat(caller, new NewChat(title, members, settings));
        }
        ObjectNode result = JsonNodes.object();
        result.put("chat_id", id.localId());
        ArrayNode peerIds = result.putArray("peer_ids");
        for (ChatMember member : engine.chats().chat(caller, id).members()) {
            if (!member.user().equals(caller)) {
                peerIds.add(member.user().value());
            }
        }
        return result;
    }

    /**
     * {@code messages.removeChatUser}: {@code chat_id} and {@code member_id} (or {@code user_id}). A member removing
     * themself leaves the chat (used by unlinking, F-LINK-07); removing someone else is F-CHAT-05's rules.
     */
    private JsonNode removeChatUser(UserId caller, VkParams params) {
        long localId = params.requiredLong("chat_id");
        ChatId chat = VkParams.value("chat_id", () -> ChatId.group(localId));
        UserId member = params.optionalValue("member_id", UserId::of)
                .orElseGet(() -> params.requiredValue("user_id", UserId::of));
        if (engine.roster().isAutomatic(chat)) {
            engine.roster().removeUser(caller, chat, member); // docs/wire/roster.md
        } else {
            engine.chats().removeChatMember(caller, chat, member);
        }
        return IntNode.valueOf(1);
    }

    private JsonNode getConversations(UserId caller, VkParams params) {
        int offset = params.intOr("offset", 0);
        int count = params.intOr("count", DEFAULT_CONVERSATIONS_COUNT);
        if (offset < 0) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST, "offset must not be negative");
        }
        if (count < 1 || count > MAX_CONVERSATIONS_COUNT) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                    "count must be between 1 and " + MAX_CONVERSATIONS_COUNT);
        }
        List<ChatSummary> all = engine.chats().conversations(caller, filter(params));
        ObjectNode result = JsonNodes.object();
        result.put("count", all.size());
        result.put("unread_count", all.stream().filter(ChatSummary::unread).count());
        ArrayNode items = result.putArray("items");
        List<ChatSummary> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(),
                Math.min(offset, all.size()) + count));
        for (ChatSummary summary : page) {
            Chat chat = engine.chats().chat(caller, summary.id());
            items.add(json.item(summary, chat, caller));
        }
        json.addProfiles(result, page, params);
        return result;
    }

    private static ChatFilter filter(VkParams params) {
        String filter = params.string("filter").orElse("all").toLowerCase(Locale.ROOT);
        switch (filter) {
            case "all":
                return ChatFilter.ALL;
            case "unread":
                return ChatFilter.UNREAD;
            case "archive":
                return ChatFilter.ARCHIVED;
            default:
                throw VkParams.invalid("filter", "must be all, unread or archive");
        }
    }
}
