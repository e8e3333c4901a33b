package org.sferum.sdk.core.chats;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.messages.MessageDecoder;
import org.sferum.sdk.core.users.WireUsers;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * {@link Chats} over the VK API: {@code messages.createChat} and {@code messages.getConversations}, as
 * {@code docs/wire/vk-api.md} says.
 */
public final class WireChats implements Chats {
    private static final String LATER = "the chats issue";

    private final VkApi api;
    private final TokenSource token;
    private final WireUsers users;
    private final Clock clock;
    private final ChatAdminCalls admin;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     * @param users reads the names of one-to-one chats' partners
     * @param clock tells whether a chat's mute has ended
     */
    public WireChats(VkApi api, TokenSource token, WireUsers users, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.admin = new ChatAdminCalls(api, token);
    }

    /**
     * Creates the chat with {@code messages.createChat}; {@code permissions} is sent only when the settings differ
     * from {@link ChatSettings#ownerOnly()}. Not retried after a failure that may have reached the service, so a
     * chat is never created twice.
     */
    @Override
    public ChatId create(NewChat chat) {
        Checks.notNull(chat, "new chat");
        List<Long> members = chat.members().stream().map(UserId::value).sorted().toList();
        VkRequest request = VkRequest.once("messages.createChat")
                .param("user_ids", members)
                .param("title", chat.title());
        if (!chat.settings().equals(ChatSettings.ownerOnly())) {
            request.param("permissions", Permissions.toJson(chat.settings()));
        }
        // Decoded inside the call: an answer without a chat id leaves the creation unknown (issue 12).
        return api.call(token, request, result -> {
            JsonNode response = result.response();
            long localId = response.isObject() ? Json.longOr(response, "chat_id", 0) : Json.asLong(response, 0);
            if (localId <= 0 || localId > ChatId.MAX_LOCAL_ID) {
                throw result.malformed("has no valid chat_id");
            }
            return ChatId.group(localId);
        });
    }

    /**
     * Lists chats with {@code messages.getConversations}, in the service's order. The cursor is the offset of the
     * next page; one more chat than the page holds is asked for, to know whether a next page exists.
     */
    @Override
    public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
        Checks.notNull(filter, "chat filter");
        Checks.notNull(page, "page request");
        String wireFilter = filter(filter);
        long offset = page.cursor().isPresent() ? Cursors.decode("o", wireFilter, 0, page.cursor().get()) : 0;
        int size = page.size();
        int ask = Math.min(size + 1, PageRequest.MAX_SIZE);
        VkResult result = api.call(token, VkRequest.idempotent("messages.getConversations")
                .param("offset", offset)
                .param("count", ask)
                .param("filter", wireFilter));
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items list");
        }
        int kept = Math.min(size, items.size());
        List<JsonNode> conversations = new ArrayList<>(kept);
        List<UserId> partners = new ArrayList<>();
        for (int i = 0; i < kept; i++) {
            JsonNode item = items.get(i);
            JsonNode conversation = item.get("conversation");
            long peer = Json.longOr(conversation == null ? null : conversation.get("peer"), "id", 0);
            if (conversation == null || peer == 0) {
                throw result.malformed("has a conversation without a peer id");
            }
            if (!MessageDecoder.isChatId(peer)) {
                continue; // a community's conversation: this SDK has no type for it
            }
            conversations.add(item);
            if (!ChatId.of(peer).isGroup()) {
                partners.add(UserId.of(peer));
            }
        }
        Map<UserId, Person> names = users.people(partners);
        Instant now = clock.instant();
        List<ChatSummary> summaries = new ArrayList<>(conversations.size());
        for (JsonNode item : conversations) {
            summaries.add(summary(item, names, now, result));
        }
        boolean more = items.size() > size || (ask == size && items.size() == size);
        Optional<PageCursor> next = more ? Optional.of(Cursors.encode("o", wireFilter, offset + kept))
                : Optional.empty();
        long count = Json.longOr(result.response(), "count", -1);
        return new Page<>(summaries, next, count >= 0 ? OptionalLong.of(count) : OptionalLong.empty());
    }

    private static String filter(ChatFilter filter) {
        switch (filter) {
            case UNREAD:
                return "unread";
            case ARCHIVED:
                return "archive";
            case ALL:
            default:
                return "all";
        }
    }

    private static ChatSummary summary(JsonNode item, Map<UserId, Person> names, Instant now, VkResult result) {
        JsonNode conversation = item.get("conversation");
        ChatId id = ChatId.of(Json.longOr(conversation.get("peer"), "id", 0));
        JsonNode settings = conversation.get("chat_settings");
        String title;
        int members;
        if (id.isGroup()) {
            title = Json.text(settings, "title", "");
            members = (int) Math.max(0, Json.longOr(settings, "members_count", 0));
        } else {
            Person partner = names.get(UserId.of(id.peerId()));
            title = partner == null ? "" : partner.displayName();
            members = 2;
        }
        JsonNode last = item.get("last_message");
        Optional<Message> lastMessage = last == null || last.isNull() || last.isEmpty() ? Optional.empty()
                : MessageDecoder.decode(last, result);
        int unread = (int) Math.max(0, Json.longOr(conversation, "unread_count", 0));
        boolean pinned = Json.longOr(conversation.get("sort_id"), "major_id", 0) > 0;
        boolean archived = Json.bool(conversation, "is_archived");
        return new ChatSummary(id, title, lastMessage, unread, pinned, archived,
                muted(conversation.get("push_settings"), now), members,
                Json.bool(conversation, "is_marked_unread"), ChatAdminCalls.photoUrl(settings));
    }

    /** Muted while notifications are off forever ({@code disabled_forever}, or VK's {@code -1}) or until later. */
    private static boolean muted(JsonNode push, Instant now) {
        if (push == null || !push.isObject()) {
            return false;
        }
        long until = Json.longOr(push, "disabled_until", 0);
        return Json.bool(push, "disabled_forever") || until == -1 || until > now.getEpochSecond();
    }

    @Override
    public Chat get(ChatId chat) {
        return admin.get(chat);
    }

    @Override
    public void rename(ChatId chat, String title) {
        admin.rename(chat, title);
    }

    @Override
    public void updateSettings(ChatId chat, ChatSettings settings) {
        admin.updateSettings(chat, settings);
    }

    @Override
    public void addMember(ChatId chat, UserId user) {
        admin.addMember(chat, user);
    }

    @Override
    public void removeMember(ChatId chat, UserId user) {
        admin.removeMember(chat, user);
    }

    @Override
    public void setAdmin(ChatId chat, UserId user, boolean admin) {
        this.admin.setAdmin(chat, user, admin);
    }

    @Override
    public InviteLink inviteLink(ChatId chat, boolean reset) {
        return admin.inviteLink(chat, reset);
    }

    @Override
    public ChatId join(InviteLink link) {
        return admin.join(link);
    }

    @Override
    public void pin(ChatId chat) {
        api.call(token, ChatActionRequests.pin(Checks.notNull(chat, "chat")));
    }

    @Override
    public void unpin(ChatId chat) {
        api.call(token, ChatActionRequests.unpin(Checks.notNull(chat, "chat")));
    }

    @Override
    public void setArchived(ChatId chat, boolean archived) {
        api.call(token, ChatActionRequests.archive(Checks.notNull(chat, "chat"), archived));
    }

    @Override
    public void markUnread(ChatId chat) {
        api.call(token, ChatActionRequests.markUnread(Checks.notNull(chat, "chat")));
    }

    @Override
    public void mute(ChatId chat, Optional<Instant> until) {
        api.call(token, ChatActionRequests.mute(Checks.notNull(chat, "chat"), Checks.notNull(until, "until"),
                clock.instant()));
    }

    @Override
    public void unmute(ChatId chat) {
        api.call(token, ChatActionRequests.unmute(Checks.notNull(chat, "chat")));
    }

    @Override
    public void clearHistory(ChatId chat) {
        api.call(token, ChatActionRequests.clearHistory(Checks.notNull(chat, "chat")));
    }

    @Override
    public void leave(ChatId chat) {
        api.call(token, ChatActionRequests.leave(Checks.notNull(chat, "chat"), users.me().id()));
    }

    @Override
    public void setPhoto(ChatId chat, String fileName, java.io.InputStream content) {
        admin.setPhoto(chat, fileName, content);
    }

    @Override
    public void removePhoto(ChatId chat) {
        admin.removePhoto(chat);
    }

    @Override
    public void setAppearance(ChatId chat, org.sferum.sdk.chats.ChatAppearance appearance) {
        admin.setAppearance(chat, appearance);
    }
}
