package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The VK methods a chat tab calls besides sending and reading (issue 9, item 6; {@code docs/wire/vk-api.md},
 * "Methods"): {@code messages.getByConversationMessageId}, {@code messages.restore},
 * {@code messages.setActivity}, {@code messages.sendReaction}, {@code messages.deleteReaction},
 * {@code messages.getMessagesReactions}, {@code messages.searchConversations} and {@code messages.getChatPreview}.
 * Every rule is the engine's; this class reads the parameters and renders VK's answers.
 */
final class MessageExtrasMethods {
    /** The most conversation message ids one call takes, as {@code messages.getById}. */
    static final int MAX_CMIDS = 100;
    /** The default and the largest count of {@code messages.searchConversations}, as VK's schema. */
    static final int DEFAULT_CONVERSATIONS = 20;
    /** The largest count of {@code messages.searchConversations}. */
    static final int MAX_CONVERSATIONS = 255;
    /** The most users one reaction counter names, as VK's schema ({@code maxItems}). */
    static final int MAX_REACTION_USERS = 3;
    /** The activities of {@code messages.setActivity}, as VK documents them. */
    private static final Set<String> ACTIVITIES = Set.of("typing", "audiomessage", "photo", "video", "file",
            "videomessage");

    private final PlatformEngine engine;
    private final MessageJson messages;
    private final ConversationJson conversations;
    private final UserJson users;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     * @param messages renders messages
     * @param conversations renders conversations
     */
    MessageExtrasMethods(PlatformEngine engine, MessageJson messages, ConversationJson conversations) {
        this.engine = engine;
        this.messages = messages;
        this.conversations = conversations;
        this.users = new UserJson(engine);
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.getByConversationMessageId", this::getByConversationMessageId);
        into.put("messages.restore", this::restore);
        into.put("messages.setActivity", this::setActivity);
        into.put("messages.sendReaction", this::sendReaction);
        into.put("messages.deleteReaction", this::deleteReaction);
        into.put("messages.getMessagesReactions", this::getMessagesReactions);
        into.put("messages.searchConversations", this::searchConversations);
        into.put("messages.getChatPreview", this::getChatPreview);
    }

    /**
     * {@code messages.getByConversationMessageId(peer_id, conversation_message_ids, [extended], [fields])}: the
     * messages the caller sees, in the order asked; the others are left out.
     */
    private JsonNode getByConversationMessageId(UserId caller, VkParams params) {
        List<Long> cmids = params.longList("conversation_message_ids", MAX_CMIDS);
        if (cmids.isEmpty()) {
            throw VkParams.invalid("conversation_message_ids", "is required");
        }
        List<Message> found = engine.messages().visibleAt(caller, peer(params), cmids);
        return messages.page(found.size(), found, caller, params);
    }

    /**
     * {@code messages.restore(message_id)} or {@code (peer_id, cmid)}: a message the caller deleted for themself,
     * within the engine's restore window; {@code 1}.
     */
    private JsonNode restore(UserId caller, VkParams params) {
        Optional<ChatId> chat = params.optionalValue("peer_id", ChatId::of);
        MessageId id;
        if (params.string("message_id").isPresent()) {
            id = params.requiredValue("message_id", MessageId::of);
        } else {
            ChatId peer = chat.orElseThrow(() -> VkParams.invalid("message_id", "is required (or peer_id with cmid)"));
            id = engine.messages().idsAt(caller, peer, List.of(params.requiredLong("cmid"))).get(0);
        }
        engine.messageActions().restore(caller, chat, id);
        return IntNode.valueOf(1);
    }

    /** {@code messages.setActivity(peer_id | user_id, type)}: {@code 1}; nobody is told (no typing event). */
    private JsonNode setActivity(UserId caller, VkParams params) {
        String type = params.string("type").orElse("typing");
        if (!ACTIVITIES.contains(type)) {
            throw VkParams.invalid("type", "must be one of " + String.join(", ", new java.util.TreeSet<>(ACTIVITIES)));
        }
        engine.messages().setActivity(caller, VkPeers.required(params));
        return IntNode.valueOf(1);
    }

    /** {@code messages.sendReaction(peer_id, cmid, reaction_id)}: {@code 1}. */
    private JsonNode sendReaction(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        long cmid = params.requiredLong("cmid");
        long reaction = params.requiredLong("reaction_id");
        if (reaction < Integer.MIN_VALUE || reaction > Integer.MAX_VALUE) {
            throw VkParams.invalid("reaction_id", "must be one of VK's reactions, 1 to 16");
        }
        MessageId id = engine.messages().idsAt(caller, chat, List.of(cmid)).get(0);
        engine.messageActions().react(caller, chat, id, (int) reaction);
        return IntNode.valueOf(1);
    }

    /** {@code messages.deleteReaction(peer_id, cmid)}: {@code 1}, also when there was no reaction. */
    private JsonNode deleteReaction(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        MessageId id = engine.messages().idsAt(caller, chat, List.of(params.requiredLong("cmid"))).get(0);
        engine.messageActions().unreact(caller, chat, id);
        return IntNode.valueOf(1);
    }

    /**
     * {@code messages.getMessagesReactions(peer_id, cmids)}: per message the caller sees, {@code {cmid, counters:
     * [{reaction_id, count, user_ids}]}} with at most {@value #MAX_REACTION_USERS} users per counter (the first to
     * react), as VK's schema.
     */
    private JsonNode getMessagesReactions(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        List<Long> cmids = params.longList("cmids", MAX_CMIDS);
        if (cmids.isEmpty()) {
            throw VkParams.invalid("cmids", "is required");
        }
        List<Message> seen = engine.messages().visibleAt(caller, chat, cmids);
        List<MessageId> ids = new ArrayList<>(seen.size());
        seen.forEach(m -> ids.add(m.id()));
        Map<MessageId, Map<Integer, List<UserId>>> reactions = engine.messageActions().reactions(caller, chat, ids);
        ObjectNode out = JsonNodes.object();
        ArrayNode items = out.putArray("items");
        for (Message message : seen) {
            ObjectNode item = items.addObject();
            item.put("cmid", message.conversationMessageId());
            ArrayNode counters = item.putArray("counters");
            reactions.getOrDefault(message.id(), Map.of()).forEach((reaction, who) -> {
                ObjectNode counter = counters.addObject();
                counter.put("reaction_id", reaction);
                counter.put("count", who.size());
                ArrayNode userIds = counter.putArray("user_ids");
                who.stream().limit(MAX_REACTION_USERS).forEach(user -> userIds.add(user.value()));
            });
        }
        return out;
    }

    /**
     * {@code messages.searchConversations(q, [count], [extended], [fields])}: the caller's chats whose name
     * contains {@code q}, in the chat list's order; with {@code extended=1} the other users of one-to-one chats
     * as {@code profiles}.
     */
    private JsonNode searchConversations(UserId caller, VkParams params) {
        int count = params.intOr("count", DEFAULT_CONVERSATIONS);
        if (count < 1 || count > MAX_CONVERSATIONS) {
            throw VkParams.invalid("count", "must be between 1 and " + MAX_CONVERSATIONS);
        }
        List<ChatSummary> found = engine.chats().searchConversations(caller, params.string("q").orElse(""), count);
        ObjectNode out = JsonNodes.object();
        out.put("count", found.size());
        ArrayNode items = out.putArray("items");
        List<UserId> people = new ArrayList<>();
        for (ChatSummary summary : found) {
            items.add(conversations.conversation(summary, engine.chats().chat(caller, summary.id()), caller));
            if (!summary.id().isGroup()) {
                people.add(UserId.of(summary.id().peerId()));
            }
        }
        if (params.flag("extended")) {
            out.set("profiles", users.profiles(people, UserJson.fields(params)));
        }
        return out;
    }

    /**
     * {@code messages.getChatPreview(link | peer_id, [fields])}: a chat by its invite link, for anyone holding the
     * link, or a group chat of the caller's by {@code peer_id}: {@code {preview: {admin_id, title, members,
     * members_count, local_id, is_member, joined}, profiles}}, the members as {@code profiles}.
     */
    private JsonNode getChatPreview(UserId caller, VkParams params) {
        Chat chat;
        Optional<String> text = params.string("link");
        if (text.isPresent()) {
            InviteLink link = VkParams.value("link", () -> new InviteLink(text.get()));
            chat = engine.chats().chatByLink(caller, link);
        } else {
            ChatId peer = params.optionalValue("peer_id", ChatId::of)
                    .orElseThrow(() -> VkParams.invalid("link", "is required (or peer_id)"));
            if (!peer.isGroup()) {
                throw VkParams.invalid("peer_id", "must be a group chat's peer id (2000000000 + chat_id)");
            }
            chat = engine.chats().chat(caller, peer);
        }
        boolean member = chat.members().stream().anyMatch(m -> m.user().equals(caller));
        ObjectNode out = JsonNodes.object();
        ObjectNode preview = out.putObject("preview");
        preview.put("admin_id", chat.owner().value());
        preview.put("title", chat.title());
        preview.put("local_id", chat.id().localId());
        preview.put("members_count", chat.members().size());
        preview.put("is_member", member);
        preview.put("joined", member);
        ArrayNode ids = preview.putArray("members");
        List<UserId> people = new ArrayList<>();
        for (ChatMember m : chat.members()) {
            ids.add(m.user().value());
            people.add(m.user());
        }
        out.set("profiles", users.profiles(people, UserJson.fields(params)));
        return out;
    }

    private static ChatId peer(VkParams params) {
        return params.requiredValue("peer_id", ChatId::of);
    }
}
