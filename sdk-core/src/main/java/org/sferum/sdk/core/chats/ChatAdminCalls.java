package org.sferum.sdk.core.chats;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkErrorCodes;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.UserId;

/**
 * Chat information and management over the VK API (F-CHAT-03, F-CHAT-04, F-CHAT-05, F-CHAT-10), as
 * {@code docs/wire/chats-admin.md} says. {@link WireChats} delegates to it.
 */
final class ChatAdminCalls {
    /** The largest page of {@code messages.getConversationMembers}. */
    static final int MEMBERS_PAGE = 1000;

    private final VkApi api;
    private final TokenSource token;

    ChatAdminCalls(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Reads the members with {@code messages.getConversationMembers} (first, so that a non-member or a missing
     * chat is refused with its own code), then the title, owner and settings with
     * {@code messages.getConversationsById}.
     */
    Chat get(ChatId chat) {
        group(chat);
        List<ChatMember> members = members(chat);
        VkResult result = api.call(token, VkRequest.idempotent("messages.getConversationsById")
                .param("peer_ids", chat.peerId()));
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw result.malformed("has no conversation for the chat");
        }
        JsonNode settings = items.get(0).get("chat_settings");
        long owner = Json.longOr(settings, "owner_id", 0);
        if (settings == null || owner <= 0) {
            throw result.malformed("has no chat_settings with an owner_id");
        }
        return new Chat(chat, Json.text(settings, "title", ""), UserId.of(owner), members,
                Permissions.fromJson(settings.get("permissions")), photoUrl(settings),
                org.sferum.sdk.chats.ChatAppearance.fromWire(Json.text(settings, "style", ""))
                        .orElse(org.sferum.sdk.chats.ChatAppearance.DEFAULT));
    }

    /** The most members a chat may claim before its count is taken as malformed [choice]: VK's limit is 20,000. */
    private static final long MAX_MEMBERS = 20_000;

    private List<ChatMember> members(ChatId chat) {
        List<ChatMember> members = new ArrayList<>();
        java.util.Set<org.sferum.sdk.users.UserId> seen = new java.util.HashSet<>();
        long total;
        do {
            VkResult result = api.call(token, VkRequest.idempotent("messages.getConversationMembers")
                    .param("peer_id", chat.peerId())
                    .param("offset", members.size())
                    .param("count", MEMBERS_PAGE));
            JsonNode items = result.response().get("items");
            total = Json.longOr(result.response(), "count", -1);
            if (items == null || !items.isArray() || total < 0) {
                throw result.malformed("has no members list and count");
            }
            if (total > MAX_MEMBERS) {
                throw result.malformed("claims more members than a chat holds");
            }
            int before = members.size();
            for (JsonNode item : items) {
                ChatMember member = member(item, result);
                if (seen.add(member.user())) {
                    members.add(member);
                }
            }
            if (items.isEmpty()) {
                break;
            }
            if (members.size() == before) {
                // Found by fuzzing (issue 12): a service repeating a page would otherwise be asked forever.
                throw result.malformed("repeats members it already gave instead of the next page");
            }
        } while (members.size() < total);
        return members;
    }

    private static ChatMember member(JsonNode item, VkResult result) {
        long id = Json.longOr(item, "member_id", 0);
        if (id <= 0) {
            throw result.malformed("has a member without a user id"); // communities are not Sferum members
        }
        MemberRole role = Json.bool(item, "is_owner") ? MemberRole.OWNER
                : Json.bool(item, "is_admin") ? MemberRole.ADMIN : MemberRole.MEMBER;
        long invitedBy = Json.longOr(item, "invited_by", id);
        return new ChatMember(UserId.of(id), role, UserId.of(invitedBy > 0 ? invitedBy : id),
                Instant.ofEpochSecond(Math.max(0, Json.longOr(item, "join_date", 0))));
    }

    /** {@code messages.editChat}; renaming to the same title twice changes nothing, so it is retried. */
    void rename(ChatId chat, String title) {
        String valid = NewChat.validTitle(title);
        api.call(token, VkRequest.idempotent("messages.editChat")
                .param("chat_id", group(chat).localId())
                .param("title", valid));
    }

    /** The Sferum partner method {@code messages.setChatPermissions}, every action named; retried. */
    void updateSettings(ChatId chat, ChatSettings settings) {
        Checks.notNull(settings, "settings");
        api.call(token, VkRequest.idempotent("messages.setChatPermissions")
                .param("peer_id", group(chat).peerId())
                .param("permissions", Permissions.toJson(settings)));
    }

    /** {@code messages.addChatUser}; adding a member again changes nothing, so it is retried. */
    void addMember(ChatId chat, UserId user) {
        Checks.notNull(user, "user");
        api.call(token, VkRequest.idempotent("messages.addChatUser")
                .param("chat_id", group(chat).localId())
                .param("user_id", user.value()));
    }

    /** {@code messages.removeChatUser}; not retried after a failure that may have reached the service. */
    void removeMember(ChatId chat, UserId user) {
        Checks.notNull(user, "user");
        api.call(token, VkRequest.once("messages.removeChatUser")
                .param("chat_id", group(chat).localId())
                .param("member_id", user.value()));
    }

    /** {@code messages.setMemberRole} with {@code role} {@code admin} or {@code member}; retried. */
    void setAdmin(ChatId chat, UserId user, boolean admin) {
        Checks.notNull(user, "user");
        api.call(token, VkRequest.idempotent("messages.setMemberRole")
                .param("peer_id", group(chat).peerId())
                .param("member_id", user.value())
                .param("role", admin ? "admin" : "member"));
    }

    /** {@code messages.getInviteLink}; a read unless it resets. */
    InviteLink inviteLink(ChatId chat, boolean reset) {
        VkRequest request = reset ? VkRequest.once("messages.getInviteLink")
                : VkRequest.idempotent("messages.getInviteLink");
        VkResult result = api.call(token, request.param("peer_id", group(chat).peerId()).param("reset", reset));
        String link = Json.text(result.response(), "link", "");
        try {
            return new InviteLink(link);
        } catch (SferumException e) {
            throw result.malformed("has no valid link");
        }
    }

    /**
     * {@code messages.joinChatByInviteLink}; joining again is harmless, so it is retried. VK's "not found" (104)
     * for this method means the link is unknown or was reset: it reads as {@code INVITE_LINK_INVALID}.
     */
    ChatId join(InviteLink link) {
        Checks.notNull(link, "invite link");
        VkResult result;
        try {
            result = api.call(token, VkRequest.idempotent("messages.joinChatByInviteLink").param("link", link.url()));
        } catch (SferumException e) {
            if (e.wireCode().orElse(0) == VkErrorCodes.NOT_FOUND) {
                throw SferumException.of(ErrorCode.INVITE_LINK_INVALID,
                        "the invite link is unknown or was reset; ask a member of the chat for its current link",
                        VkErrorCodes.NOT_FOUND, e.requestId().orElse(null), e);
            }
            throw e;
        }
        long localId = Json.longOr(result.response(), "chat_id", 0);
        if (localId <= 0 || localId > ChatId.MAX_LOCAL_ID) {
            throw result.malformed("has no valid chat_id");
        }
        return ChatId.group(localId);
    }

    /**
     * Sets the avatar (F-CHAT-06): the image is checked first, then {@code photos.getChatUploadServer}, the
     * multipart upload of field {@code file}, and {@code messages.setChatPhoto} with the upload's answer (not
     * retried: each upload is used once).
     */
    void setPhoto(ChatId chat, String fileName, java.io.InputStream content) {
        ChatId group = group(chat);
        org.sferum.sdk.chats.ChatPhoto photo = org.sferum.sdk.chats.ChatPhoto.read(fileName, content);
        VkResult server = api.call(token, VkRequest.idempotent("photos.getChatUploadServer")
                .param("chat_id", group.localId()));
        String uploadUrl = Json.text(server.response(), "upload_url", "");
        java.net.URI address;
        try {
            address = java.net.URI.create(uploadUrl);
        } catch (IllegalArgumentException e) {
            throw server.malformed("has an upload_url that is not an address");
        }
        if (uploadUrl.isEmpty() || !address.isAbsolute()) {
            throw server.malformed("has no absolute upload_url");
        }
        JsonNode file = api.upload(address, "file", photo.fileName(), photo.contentType(), photo.content());
        if (file == null || !file.isTextual() || file.asText().isEmpty()) {
            throw new org.sferum.sdk.error.ServiceException(ErrorCode.MALFORMED_RESPONSE,
                    "the chat photo upload answered no file string");
        }
        api.call(token, VkRequest.once("messages.setChatPhoto").param("file", file.asText()));
    }

    /** Removes the avatar with {@code messages.deleteChatPhoto}; retried (removing twice is removing once). */
    void removePhoto(ChatId chat) {
        api.call(token, VkRequest.idempotent("messages.deleteChatPhoto").param("chat_id", group(chat).localId()));
    }

    /**
     * Sets the appearance with the Sferum partner method {@code messages.setChatStyle} (F-CHAT-11); retried
     * (setting the same theme twice is setting it once).
     */
    void setAppearance(ChatId chat, org.sferum.sdk.chats.ChatAppearance appearance) {
        Checks.notNull(appearance, "appearance");
        api.call(token, VkRequest.idempotent("messages.setChatStyle")
                .param("peer_id", group(chat).peerId())
                .param("style", appearance.wireName()));
    }

    /** The avatar's address from {@code chat_settings.photo.photo_200} (else 100, 50); empty when none. */
    static java.util.Optional<String> photoUrl(JsonNode settings) {
        JsonNode photo = settings == null ? null : settings.get("photo");
        if (photo == null || !photo.isObject()) {
            return java.util.Optional.empty();
        }
        for (String size : new String[] {"photo_200", "photo_100", "photo_50"}) {
            String url = Json.text(photo, size, "");
            if (!url.isEmpty()) {
                return java.util.Optional.of(url);
            }
        }
        return java.util.Optional.empty();
    }

    private static ChatId group(ChatId chat) {
        Checks.notNull(chat, "chat");
        Checks.require(chat.isGroup(), ErrorCode.INVALID_ARGUMENT,
                "chat management applies to group chats; this is a one-to-one chat");
        return chat;
    }
}
