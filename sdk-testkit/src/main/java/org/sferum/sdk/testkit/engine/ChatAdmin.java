package org.sferum.sdk.testkit.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.users.UserId;

/**
 * The rules of chat management (F-CHAT-03, F-CHAT-04, F-CHAT-05, F-CHAT-10): who may rename, change settings,
 * add, remove, appoint and dismiss, the invite link, and who owns a chat after its owner leaves. Every method runs
 * under the engine's lock, on a chat the actor was already found to be a member of.
 */
final class ChatAdmin {
    /** [choice] The form of invite links, as VK's ({@code https://vk.me/join/<hash>}). */
    static final String INVITE_LINK_PREFIX = "https://vk.me/join/";

    private ChatAdmin() {
    }

    /** Only the owner changes the settings (F-CHAT-03). */
    static void updateSettings(ChatState chat, UserId actor, ChatSettings settings) {
        if (!chat.owner.equals(actor)) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT,
                    "only the owner of chat " + chat.id.localId() + " changes its settings");
        }
        chat.settings = settings;
    }

    /** Renames, as {@link ChatAction#CHANGE_INFO} allows. */
    static void rename(ChatState chat, UserId actor, String title) {
        String valid = NewChat.validTitle(title);
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        chat.title = valid;
    }

    /**
     * Adds a user as a member, as {@link ChatAction#INVITE} allows; adding a member again changes nothing
     * [choice].
     */
    static void addMember(ChatState chat, UserId actor, UserId user, Instant now) {
        PlatformState.requireAllowed(chat, actor, ChatAction.INVITE);
        if (chat.isMember(user)) {
            return;
        }
        requireRoom(chat);
        chat.addMember(user, MemberRole.MEMBER, actor, now);
    }

    private static void requireRoom(ChatState chat) {
        if (chat.members.size() >= NewChat.MAX_MEMBERS) {
            throw new ConflictException(ErrorCode.LIMIT_REACHED, "chat " + chat.id.localId() + " already has "
                    + NewChat.MAX_MEMBERS + " members, the most a chat can have");
        }
    }

    /**
     * Tells whether the actor may remove a member: the owner removes anyone; an admin removes ordinary members,
     * and other admins when {@link ChatAction#CHANGE_ADMINS} allows admins; never the owner [choice]. Anyone
     * removes themself (that is leaving).
     */
    static boolean canRemove(ChatState chat, UserId actor, UserId member) {
        if (actor.equals(member)) {
            return true;
        }
        ChatMember target = chat.members.get(member);
        if (target == null) {
            return false;
        }
        MemberRole role = chat.members.get(actor).role();
        if (role == MemberRole.OWNER) {
            return true;
        }
        if (role != MemberRole.ADMIN) {
            return false;
        }
        switch (target.role()) {
            case MEMBER:
                return true;
            case ADMIN:
                return chat.settings.level(ChatAction.CHANGE_ADMINS) == PermissionLevel.OWNER_AND_ADMINS;
            case OWNER:
            default:
                return false;
        }
    }

    /** Refuses a removal {@link #canRemove} does not allow; the member must be in the chat. */
    static void checkRemoval(ChatState chat, UserId actor, UserId member) {
        ChatMember target = requireMember(chat, member);
        if (!canRemove(chat, actor, member)) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT, target.role() == MemberRole.OWNER
                    ? "nobody can remove the owner of chat " + chat.id.localId() + "; the owner can only leave"
                    : "user " + actor.value() + " may not remove user " + member.value() + " from chat "
                            + chat.id.localId() + "; the owner, or an admin for ordinary members, may");
        }
    }

    /** Appoints or dismisses an admin, as {@link ChatAction#CHANGE_ADMINS} allows; the owner's role stays. */
    static void setAdmin(ChatState chat, UserId actor, UserId member, boolean admin) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_ADMINS);
        ChatMember target = requireMember(chat, member);
        if (target.role() == MemberRole.OWNER) {
            throw new PermissionDeniedException(ErrorCode.NOT_ALLOWED_IN_CHAT,
                    "the owner of chat " + chat.id.localId() + " is neither appointed nor dismissed");
        }
        MemberRole role = admin ? MemberRole.ADMIN : MemberRole.MEMBER;
        chat.members.put(member, new ChatMember(member, role, target.invitedBy(), target.joinedAt()));
    }

    private static ChatMember requireMember(ChatState chat, UserId member) {
        ChatMember target = chat.members.get(member);
        if (target == null) {
            throw new NotFoundException(ErrorCode.USER_NOT_FOUND,
                    "user " + member.value() + " is not a member of chat " + chat.id.localId());
        }
        return target;
    }

    /**
     * Returns the chat's invite link, issuing one the first time and a new one on reset (the old one then stops
     * working). Seeing or resetting it needs both {@link ChatAction#INVITE} and {@link ChatAction#SEE_INVITE_LINK}.
     */
    static InviteLink inviteLink(ChatState chat, UserId actor, boolean reset, SecureRandom random) {
        PlatformState.requireAllowed(chat, actor, ChatAction.INVITE);
        PlatformState.requireAllowed(chat, actor, ChatAction.SEE_INVITE_LINK);
        if (chat.inviteToken == null || reset) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            chat.inviteToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            chat.inviteIssuer = actor;
        }
        return new InviteLink(INVITE_LINK_PREFIX + chat.inviteToken);
    }

    /**
     * Finds the chat whose current invite link this is.
     *
     * @throws NotFoundException with {@code INVITE_LINK_INVALID} for an unknown or reset link
     */
    static ChatState byLink(Iterable<ChatState> chats, InviteLink link) {
        String url = link.url();
        if (url.startsWith(INVITE_LINK_PREFIX)) {
            String token = url.substring(INVITE_LINK_PREFIX.length());
            for (ChatState chat : chats) {
                if (token.equals(chat.inviteToken)) {
                    return chat;
                }
            }
        }
        throw new NotFoundException(ErrorCode.INVITE_LINK_INVALID,
                "the invite link is unknown or was reset; ask a member of the chat for its current link");
    }

    /** Joins by link: a member stays as they are; anyone else becomes a member invited by the link's issuer. */
    static void join(ChatState chat, UserId user, Instant now) {
        if (chat.isMember(user)) {
            return;
        }
        requireRoom(chat);
        UserId issuer = chat.inviteIssuer == null ? chat.owner : chat.inviteIssuer;
        chat.addMember(user, MemberRole.MEMBER, issuer, now);
    }

    /**
     * Keeps the chat owned after its owner left: the longest-standing admin becomes owner, else the
     * longest-standing member [choice]. A chat left by everyone keeps its last owner.
     */
    static void afterLeaving(ChatState chat, UserId leaver) {
        if (!chat.owner.equals(leaver) || chat.members.isEmpty()) {
            return;
        }
        Optional<ChatMember> heir = longestStanding(chat.members, MemberRole.ADMIN)
                .or(() -> longestStanding(chat.members, MemberRole.MEMBER));
        heir.ifPresent(member -> {
            chat.members.put(member.user(),
                    new ChatMember(member.user(), MemberRole.OWNER, member.invitedBy(), member.joinedAt()));
            chat.owner = member.user();
        });
    }

    /** Members are kept in the order they joined, so the first of a role is the longest-standing. */
    private static Optional<ChatMember> longestStanding(Map<UserId, ChatMember> members, MemberRole role) {
        return members.values().stream().filter(m -> m.role() == role).findFirst();
    }
}
