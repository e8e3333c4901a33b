package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * Chat information and management (F-CHAT-03, F-CHAT-04, F-CHAT-05, F-CHAT-10), as {@code docs/wire/chats-admin.md}
 * says: {@code messages.getChat}, {@code getConversationMembers}, {@code getConversationsById}, {@code editChat},
 * {@code addChatUser}, {@code getInviteLink}, {@code joinChatByInviteLink}, and the methods outside the 5.199
 * schema {@code setMemberRole} and the Sferum partner method {@code setChatPermissions}.
 * ({@code messages.removeChatUser} is {@link ChatsMethods}'.)
 */
final class ChatAdminMethods {
    /** The default page of {@code messages.getConversationMembers}. */
    static final int DEFAULT_MEMBERS_COUNT = 20;
    /** The largest page of {@code messages.getConversationMembers}. */
    static final int MAX_MEMBERS_COUNT = 1000;
    /** The most peers of one {@code messages.getConversationsById}. */
    static final int MAX_PEER_IDS = 100;

    private final PlatformEngine engine;
    private final ConversationJson conversations;
    private final UserJson users;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     * @param conversations renders conversations
     */
    ChatAdminMethods(PlatformEngine engine, ConversationJson conversations) {
        this.engine = engine;
        this.conversations = conversations;
        this.users = new UserJson(engine);
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.getChat", this::getChat);
        into.put("messages.getConversationMembers", this::getConversationMembers);
        into.put("messages.getConversationsById", this::getConversationsById);
        into.put("messages.editChat", this::editChat);
        into.put("messages.setChatPermissions", this::setChatPermissions);
        into.put("messages.addChatUser", this::addChatUser);
        into.put("messages.setMemberRole", this::setMemberRole);
        into.put("messages.getInviteLink", this::getInviteLink);
        into.put("messages.joinChatByInviteLink", this::joinChatByInviteLink);
    }

    private static ChatId chatId(VkParams params) {
        long localId = params.requiredLong("chat_id");
        return VkParams.value("chat_id", () -> ChatId.group(localId));
    }

    private static ChatId peer(VkParams params) {
        ChatId chat = params.requiredValue("peer_id", ChatId::of);
        if (!chat.isGroup()) {
            throw VkParams.invalid("peer_id", "must be a group chat's peer id (2000000000 + chat_id)");
        }
        return chat;
    }

    private static UserId member(VkParams params) {
        return params.optionalValue("member_id", UserId::of)
                .orElseGet(() -> params.requiredValue("user_id", UserId::of));
    }

    /** {@code messages.getChat}: the schema's {@code messages_chat} ({@code admin_id} is the owner). */
    /**
     * {@code messages.getChat}: one chat by {@code chat_id} (an object), or several by {@code chat_ids} (an array,
     * at most {@value #MAX_PEER_IDS}); with {@code fields} the {@code users} are user objects
     * ({@code messages_chat_full}: {@link UserJson} with {@code invited_by} and {@code type: "profile"}) instead
     * of ids.
     */
    private JsonNode getChat(UserId caller, VkParams params) {
        boolean withFields = params.string("fields").isPresent();
        if (params.string("chat_ids").isPresent() && params.string("chat_id").isEmpty()) {
            ArrayNode out = JsonNodes.array();
            for (long localId : new java.util.LinkedHashSet<>(params.longList("chat_ids", MAX_PEER_IDS))) {
                ChatId id = VkParams.value("chat_ids", () -> ChatId.group(localId));
                out.add(chatJson(engine.chats().chat(caller, id), withFields, params));
            }
            return out;
        }
        return chatJson(engine.chats().chat(caller, chatId(params)), withFields, params);
    }

    private ObjectNode chatJson(Chat chat, boolean withFields, VkParams params) {
        ObjectNode json = chatJson(chat);
        if (withFields) {
            java.util.Set<String> fields = UserJson.fields(params);
            ArrayNode users = json.putArray("users");
            for (ChatMember member : chat.members()) {
                ObjectNode user = this.users.user(member.user(), fields);
                user.put("type", "profile");
                user.put("invited_by", member.invitedBy().value());
                users.add(user);
            }
        }
        return json;
    }

    /**
     * Renders the schema's {@code messages_chat}; the avatar as {@code photo_50/100/200}, one image at every size
     * [choice].
     *
     * @param chat the chat
     * @return the JSON
     */
    static ObjectNode chatJson(Chat chat) {
        ObjectNode json = JsonNodes.object();
        json.put("id", chat.id().localId());
        json.put("type", "chat");
        json.put("title", chat.title());
        json.put("admin_id", chat.owner().value());
        ArrayNode users = json.putArray("users");
        chat.members().forEach(m -> users.add(m.user().value()));
        json.put("members_count", chat.members().size());
        chat.photoUrl().ifPresent(url -> {
            json.put("photo_50", url);
            json.put("photo_100", url);
            json.put("photo_200", url);
        });
        return json;
    }

    /** {@code messages.getConversationMembers}: members in the order they joined, with roles and rights. */
    private JsonNode getConversationMembers(UserId caller, VkParams params) {
        ChatId id = peer(params);
        int offset = params.intOr("offset", 0);
        int count = params.intOr("count", DEFAULT_MEMBERS_COUNT);
        if (offset < 0) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST, "offset must not be negative");
        }
        if (count < 1 || count > MAX_MEMBERS_COUNT) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                    "count must be between 1 and " + MAX_MEMBERS_COUNT);
        }
        Chat chat = engine.chats().chat(caller, id);
        List<ChatMember> all = chat.members();
        List<ChatMember> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(),
                Math.min(offset, all.size()) + count));
        ObjectNode json = JsonNodes.object();
        json.put("count", all.size());
        ArrayNode items = json.putArray("items");
        for (ChatMember member : page) {
            ObjectNode item = items.addObject();
            item.put("member_id", member.user().value());
            item.put("invited_by", member.invitedBy().value());
            item.put("join_date", member.joinedAt().getEpochSecond());
            item.put("is_admin", member.role() != MemberRole.MEMBER);
            item.put("is_owner", member.role() == MemberRole.OWNER);
            item.put("can_kick", !member.user().equals(caller)
                    && engine.chats().canRemoveChatMember(caller, id, member.user()));
        }
        json.set("chat_restrictions", restrictions(chat.settings()));
        if (params.flag("extended")) {
            ArrayNode profiles = json.putArray("profiles");
            for (ChatMember member : page) {
                Person person = engine.users().person(member.user());
                ObjectNode profile = profiles.addObject();
                profile.put("id", person.id().value());
                profile.put("first_name", person.firstName());
                profile.put("last_name", person.lastName());
            }
        }
        return json;
    }

    /** The schema's {@code messages_chat_restrictions}, read off the settings; only admins ever kick. */
    private static ObjectNode restrictions(ChatSettings settings) {
        ObjectNode json = JsonNodes.object();
        json.put("only_admins_invite", settings.level(ChatAction.INVITE) != PermissionLevel.ALL);
        json.put("only_admins_edit_pin", settings.level(ChatAction.CHANGE_PIN) != PermissionLevel.ALL);
        json.put("only_admins_edit_info", settings.level(ChatAction.CHANGE_INFO) != PermissionLevel.ALL);
        json.put("admins_promote_users",
                settings.level(ChatAction.CHANGE_ADMINS) == PermissionLevel.OWNER_AND_ADMINS);
        json.put("only_admins_kick", true);
        return json;
    }

    /**
     * {@code messages.getConversationsById}: the group chats among {@code peer_ids} the caller is a member of,
     * as in {@code messages.getConversations}; others are left out [choice].
     */
    private JsonNode getConversationsById(UserId caller, VkParams params) {
        List<ChatId> peers = params.valueList("peer_ids", MAX_PEER_IDS, ChatId::of);
        if (peers.isEmpty()) {
            throw VkParams.invalid("peer_ids", "is required");
        }
        ArrayNode items = JsonNodes.array();
        List<ChatSummary> rows = new java.util.ArrayList<>();
        for (ChatId peer : peers) {
            if (peer.isGroup() && engine.chats().chatsOf(caller).contains(peer)) {
                ChatSummary row = engine.chats().chatSummary(caller, peer);
                rows.add(row);
                items.add(conversations.conversation(row, engine.chats().chat(caller, peer), caller));
            }
        }
        ObjectNode json = JsonNodes.object();
        json.put("count", items.size());
        json.set("items", items);
        conversations.addProfiles(json, rows, params);
        return json;
    }

    /** {@code messages.editChat}: renames the chat. */
    private JsonNode editChat(UserId caller, VkParams params) {
        ChatId id = chatId(params);
        String title = VkParams.value("title", () -> NewChat.validTitle(params.requiredString("title")));
        engine.chats().renameChat(caller, id, title);
        return IntNode.valueOf(1);
    }

    /**
     * {@code messages.setChatPermissions} (Sferum partner method): {@code peer_id} and {@code permissions}, a JSON
     * object as {@code messages.createChat}'s; keys left out keep their current level.
     */
    private JsonNode setChatPermissions(UserId caller, VkParams params) {
        ChatId id = peer(params);
        String text = params.string("permissions").orElseThrow(() -> VkParams.invalid("permissions", "is required"));
        ObjectNode merged = ChatPermissionsJson.write(engine.chats().chat(caller, id).settings());
        ChatPermissionsJson.read("permissions", text); // checks the keys and levels given
        JsonNode given = parse(text);
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            merged.set(entry.getKey(), entry.getValue());
        }
        engine.chats().updateChatSettings(caller, id, ChatPermissionsJson.read("permissions", merged.toString()));
        return IntNode.valueOf(1);
    }

    private static JsonNode parse(String text) {
        try {
            return JsonNodes.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw VkParams.invalid("permissions", "must be a JSON object");
        }
    }

    /** {@code messages.addChatUser}: adds an existing user; {@code visible_messages_count} is ignored [choice]. */
    private JsonNode addChatUser(UserId caller, VkParams params) {
        ChatId id = chatId(params);
        UserId user = params.requiredValue("user_id", UserId::of);
        if (engine.roster().isAutomatic(id)) {
            engine.roster().addUser(caller, id, user); // the class teacher becomes admin (docs/wire/roster.md)
        } else {
            engine.chats().addChatMember(caller, id, user);
        }
        return IntNode.valueOf(1);
    }

    /** {@code messages.setMemberRole} (outside the 5.199 schema): {@code role} {@code admin} or {@code member}. */
    private JsonNode setMemberRole(UserId caller, VkParams params) {
        ChatId id = peer(params);
        UserId member = member(params);
        String role = params.string("role").orElseThrow(() -> VkParams.invalid("role", "is required"));
        boolean admin;
        switch (role) {
            case "admin":
                admin = true;
                break;
            case "member":
                admin = false;
                break;
            default:
                throw VkParams.invalid("role", "must be admin or member");
        }
        engine.chats().setChatAdmin(caller, id, member, admin);
        return IntNode.valueOf(1);
    }

    /** {@code messages.getInviteLink}: {@code {"link": …}}; {@code reset=1} revokes the old link. */
    private JsonNode getInviteLink(UserId caller, VkParams params) {
        InviteLink link = engine.chats().inviteLink(caller, peer(params), params.flag("reset"));
        ObjectNode json = JsonNodes.object();
        json.put("link", link.url());
        return json;
    }

    /** {@code messages.joinChatByInviteLink}: {@code {"chat_id": …}}. */
    private JsonNode joinChatByInviteLink(UserId caller, VkParams params) {
        String text = params.string("link").orElseThrow(() -> VkParams.invalid("link", "is required"));
        InviteLink link = VkParams.value("link", () -> new InviteLink(text));
        ChatId chat = engine.chats().joinChatByLink(caller, link);
        ObjectNode json = JsonNodes.object();
        json.put("chat_id", chat.localId());
        return json;
    }
}
