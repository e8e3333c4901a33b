package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * A bot's view of its chats over the MAX Bot API: {@link #get} reads {@code GET /chats/{id}} and every page of
 * {@code GET /chats/{id}/members}. MAX gives no chat settings and no inviter, so a chat's settings are reported as
 * {@link ChatSettings#ownerOnly()} and every member's {@code invitedBy} as the owner (choices, {@code
 * docs/backends.md}). Everything else of {@link Chats} needs a capability MAX does not offer and is refused.
 */
final class MaxChats implements Chats {
    private static final int MEMBERS_PAGE = 100;

    private final MaxApi api;
    private final AccessToken token;
    private final MaxIds ids;

    MaxChats(MaxApi api, AccessToken token, MaxIds ids) {
        this.api = api;
        this.token = token;
        this.ids = ids;
    }

    @Override
    public Chat get(ChatId chat) {
        Checks.notNull(chat, "chat");
        String path = "/chats/" + ids.maxChat(chat);
        JsonNode info = api.call(token, "GET", path, MaxApi.query(), null, Duration.ZERO);
        List<JsonNode> members = new ArrayList<>();
        String marker = null;
        do {
            Map<String, String> query = MaxApi.query();
            query.put("count", Integer.toString(MEMBERS_PAGE));
            if (marker != null) {
                query.put("marker", marker);
            }
            JsonNode page = api.call(token, "GET", path + "/members", query, null, Duration.ZERO);
            page.path("members").forEach(members::add);
            marker = page.path("marker").canConvertToLong() ? page.path("marker").asText() : null;
        } while (marker != null);
        UserId owner = null;
        if (info.path("owner_id").canConvertToLong()) {
            owner = UserId.of(info.path("owner_id").asLong());
        }
        for (JsonNode member : members) {
            if (owner == null && member.path("is_owner").asBoolean(false)) {
                owner = MaxDecoder.person(member).id();
            }
        }
        if (owner == null) {
            throw MaxDecoder.malformed("a chat without owner_id and without a member that is_owner");
        }
        List<ChatMember> list = new ArrayList<>();
        for (JsonNode member : members) {
            UserId user = MaxDecoder.person(member).id();
            MemberRole role = member.path("is_owner").asBoolean(false) ? MemberRole.OWNER
                    : member.path("is_admin").asBoolean(false) ? MemberRole.ADMIN : MemberRole.MEMBER;
            list.add(new ChatMember(user, role, owner, Instant.ofEpochMilli(member.path("join_time").asLong(0))));
        }
        String title = info.path("title").isTextual() ? info.path("title").asText() : "";
        return new Chat(chat, title, owner, list, ChatSettings.ownerOnly(), Optional.empty(),
                ChatAppearance.DEFAULT);
    }

    @Override
    public ChatId create(NewChat chat) {
        throw MaxRefusals.refusal("Chats.create");
    }

    @Override
    public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
        throw MaxRefusals.refusal("Chats.list");
    }

    @Override
    public void rename(ChatId chat, String title) {
        throw MaxRefusals.refusal("Chats.rename");
    }

    @Override
    public void updateSettings(ChatId chat, ChatSettings settings) {
        throw MaxRefusals.refusal("Chats.updateSettings");
    }

    @Override
    public void addMember(ChatId chat, UserId user) {
        throw MaxRefusals.refusal("Chats.addMember");
    }

    @Override
    public void removeMember(ChatId chat, UserId user) {
        throw MaxRefusals.refusal("Chats.removeMember");
    }

    @Override
    public void setAdmin(ChatId chat, UserId user, boolean admin) {
        throw MaxRefusals.refusal("Chats.setAdmin");
    }

    @Override
    public InviteLink inviteLink(ChatId chat, boolean reset) {
        throw MaxRefusals.refusal("Chats.inviteLink");
    }

    @Override
    public ChatId join(InviteLink link) {
        throw MaxRefusals.refusal("Chats.join");
    }

    @Override
    public void pin(ChatId chat) {
        throw MaxRefusals.refusal("Chats.pin");
    }

    @Override
    public void unpin(ChatId chat) {
        throw MaxRefusals.refusal("Chats.unpin");
    }

    @Override
    public void setArchived(ChatId chat, boolean archived) {
        throw MaxRefusals.refusal("Chats.setArchived");
    }

    @Override
    public void markUnread(ChatId chat) {
        throw MaxRefusals.refusal("Chats.markUnread");
    }

    @Override
    public void mute(ChatId chat, Optional<Instant> until) {
        throw MaxRefusals.refusal("Chats.mute");
    }

    @Override
    public void unmute(ChatId chat) {
        throw MaxRefusals.refusal("Chats.unmute");
    }

    @Override
    public void clearHistory(ChatId chat) {
        throw MaxRefusals.refusal("Chats.clearHistory");
    }

    @Override
    public void leave(ChatId chat) {
        throw MaxRefusals.refusal("Chats.leave");
    }

    @Override
    public void setPhoto(ChatId chat, String fileName, InputStream content) {
        throw MaxRefusals.refusal("Chats.setPhoto");
    }

    @Override
    public void removePhoto(ChatId chat) {
        throw MaxRefusals.refusal("Chats.removePhoto");
    }

    @Override
    public void setAppearance(ChatId chat, ChatAppearance appearance) {
        throw MaxRefusals.refusal("Chats.setAppearance");
    }
}
