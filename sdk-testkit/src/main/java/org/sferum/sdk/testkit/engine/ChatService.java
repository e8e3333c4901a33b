package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatPhoto;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.UserId;

/**
 * The chats of the platform and who is in them, reached as {@link PlatformEngine#chats()}. The rules it enforces
 * (the classes named hold the details):
 * <ul>
 *   <li>creating a group chat, its owner and members (F-CHAT-02); a chat's information for its members only
 *       ({@code NOT_A_CHAT_MEMBER}, {@code CHAT_NOT_FOUND});</li>
 *   <li>the chat list (F-SECT-01): pinned first, then by latest activity, with each member's own flags and what
 *       that member sees ({@link ChatState#sees});</li>
 *   <li>leaving a group chat, also as unlinking does (F-LINK-07), owner succession; one-to-one chats cannot be
 *       left (F-CHAT-08, F-CHAT-12);</li>
 *   <li>each member's own pin, archive, unread mark, mute and cleared history (F-CHAT-07, F-CHAT-08, F-ACC-02):
 *       {@link ChatActions};</li>
 *   <li>settings, title, members, admins, invite links (F-CHAT-03 … F-CHAT-05, F-CHAT-10): {@link ChatAdmin},
 *       who may do what in {@code PlatformState.requireAllowed};</li>
 *   <li>who may write in a one-to-one or announcement chat (F-CHAT-12): {@link DirectChats};</li>
 *   <li>the chat's avatar and appearance (F-CHAT-06, F-CHAT-11): {@link ChatPhotos}; its upload goes through
 *       {@link AttachmentService#openChatPhotoUpload}.</li>
 * </ul>
 * Every operation takes the global lock exclusively: it spans chats or changes who is where.
 */
public final class ChatService {

    /** [choice] Where the fake says chat images are served, until {@link #serveChatPhotosAt} says otherwise. */
    public static final String DEFAULT_PHOTO_URL_BASE = "https://sferum.test/chat_photo/";

    private final PlatformState state;
    /** The rules of the per-user chat actions; pins are numbered here. */
    private final ChatActions chatActions = new ChatActions();
    /** The chat images; guarded by the lock. */
    private final ChatPhotos chatPhotos;
    private long nextChatLocalId = 1;
    private long nextPhotoKey = 1;
    private volatile String photoUrlBase = DEFAULT_PHOTO_URL_BASE;

    ChatService(PlatformState state, BlobStore blobs) {
        this.state = state;
        this.chatPhotos = new ChatPhotos(blobs);
    }

    /**
     * Creates a group chat owned by the actor (F-CHAT-02).
     *
     * @param actor who creates it
     * @param spec its title, members and settings
     * @return the chat id
     */
    public ChatId createChat(UserId actor, NewChat spec) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            for (UserId member : spec.members()) {
                state.account(member);
            }
            ChatId id = ChatId.group(nextChatLocalId++);
            Instant now = state.now();
            ChatState chat = new ChatState(id, actor, spec.title(), spec.settings(), now);
            chat.addMember(actor, MemberRole.OWNER, actor, now);
            spec.members().stream().sorted(Comparator.comparingLong(UserId::value))
                    .filter(member -> !member.equals(actor))
                    .forEach(member -> chat.addMember(member, MemberRole.MEMBER, actor, now));
            chat.lastActivity = state.nextActivity.getAndIncrement();
            state.chats.put(id.peerId(), chat);
            return id;
        }
    }

    /**
     * Returns a chat's information, for a member.
     *
     * @param actor who asks
     * @param id the chat
     * @return the chat
     */
    public Chat chat(UserId actor, ChatId id) {
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, id);
            return new Chat(DirectChats.idFor(chat, actor), state.direct.titleFor(chat, actor), chat.owner,
                    List.copyOf(chat.members.values()), chat.settings, ChatPhotos.url(chat, photoUrlBase),
                    chat.appearance);
        }
    }

    /**
     * Returns a group chat as the platform holds it, seen by nobody in particular: for the testkit's assertions,
     * whose failure messages must say what the platform holds. Reads only; no rule applies, since nobody acts.
     *
     * @param id the chat
     * @return the chat, or empty when there is no such group chat
     */
    public Optional<Chat> inspect(ChatId id) {
        try (Held held = state.exclusive()) {
            ChatState chat = id.isGroup() ? state.chats.get(id.peerId()) : null;
            if (chat == null || DirectChats.isDirect(chat)) {
                return Optional.empty();
            }
            return Optional.of(new Chat(chat.id, chat.title, chat.owner, List.copyOf(chat.members.values()),
                    chat.settings, ChatPhotos.url(chat, photoUrlBase), chat.appearance));
        }
    }

    /**
     * Lists every group chat's id, in the order they were created: for the testkit's assertions' failure messages.
     *
     * @return the ids
     */
    public List<ChatId> groupChats() {
        try (Held held = state.exclusive()) {
            List<ChatId> out = new ArrayList<>();
            for (ChatState chat : state.chats.values()) {
                if (!DirectChats.isDirect(chat)) {
                    out.add(chat.id);
                }
            }
            return out;
        }
    }

    /**
     * Lists the actor's chats (F-SECT-01): the chats they pinned first, the latest pin first, then the others by
     * latest activity; each row with the actor's own flags (pinned, archived, muted, marked unread) and what the
     * actor sees of the chat (a cleared history starts after the point where it was cleared).
     *
     * @param actor who asks
     * @param filter which chats
     * @return the chats
     */
    public List<ChatSummary> conversations(UserId actor, ChatFilter filter) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            List<ChatState> mine = new ArrayList<>();
            for (ChatState chat : state.chats.values()) {
                if (chat.isMember(actor) && DirectChats.listed(chat)) {
                    mine.add(chat);
                }
            }
            mine.sort(ChatActions.listOrder(actor));
            List<ChatSummary> out = new ArrayList<>();
            for (ChatState chat : mine) {
                ChatSummary summary = summary(actor, chat);
                if (ChatActions.shows(Objects.requireNonNull(filter, "filter"), summary)) {
                    out.add(summary);
                }
            }
            return out;
        }
    }

    /** Why leaving a one-to-one chat is refused; sdk-core says the same before sending anything. */
    private static final String CANNOT_LEAVE_ONE_TO_ONE = "one-to-one chats cannot be left, only group chats;"
            + " delete its messages or clear its history instead";

    /**
     * Makes a member leave a group chat (as unlinking does, F-LINK-07). The owner may leave too; the chat and its
     * messages stay for the other members, and the longest-standing admin, else member, becomes owner.
     *
     * <p>A one-to-one chat cannot be left (F-CHAT-08, F-CHAT-12), as in VK, whose {@code messages.removeChatUser}
     * applies to group chats only: deleting or clearing its history is what a user does instead. The refusal
     * changes nothing (it does not even open the chat).
     *
     * @param actor who leaves
     * @param chatId the chat
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} if the actor is not a member
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a one-to-one chat
     */
    public void leaveChat(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            if (!Objects.requireNonNull(chatId, "chat").isGroup()) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, CANNOT_LEAVE_ONE_TO_ONE);
            }
            ChatState chat = state.memberChat(actor, chatId);
            state.chatEvents.memberLeft(chat, actor);
            chat.members.remove(actor);
            chat.readUpTo.remove(actor);
            ChatAdmin.afterLeaving(chat, actor);
        }
    }

    /**
     * Lists the group chats a user is a member of, archived ones included, in the order they were created.
     *
     * @param user the user
     * @return the chats' ids
     */
    public List<ChatId> chatsOf(UserId user) {
        try (Held held = state.exclusive()) {
            state.account(user);
            List<ChatId> out = new ArrayList<>();
            for (ChatState chat : state.chats.values()) {
                if (chat.isMember(user) && !DirectChats.isDirect(chat)) {
                    out.add(chat.id);
                }
            }
            return out;
        }
    }

    private ChatSummary summary(UserId actor, ChatState chat) {
        List<StoredMessage> visible = chat.visibleTo(actor, state.now());
        Optional<Message> last = visible.isEmpty() ? Optional.empty()
                : Optional.of(state.direct.view(visible.get(visible.size() - 1), actor));
        OwnChatSettings own = ChatActions.peek(chat, actor);
        return new ChatSummary(DirectChats.idFor(chat, actor), state.direct.titleFor(chat, actor), last,
                chat.unreadFor(actor, state.now()), own.pinned(), own.archived, own.mutedAt(state.now()), chat.members.size(),
                own.markedUnread, ChatPhotos.url(chat, photoUrlBase));
    }

    /**
     * Pins a chat on top of the actor's list (F-CHAT-07). Pinning a pinned chat changes nothing; pinning an
     * archived chat brings it back from the archive.
     *
     * @param actor who pins
     * @param chatId the chat
     * @throws ConflictException with {@code LIMIT_REACHED} when the actor has five pinned
     *     chats already
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} if the actor is not a member
     */
    public void pinChat(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            chatActions.pin(actor, state.memberChat(actor, chatId), state.chats.values());
        }
    }

    /**
     * Unpins a chat (F-CHAT-07); a chat that is not pinned stays as it is.
     *
     * @param actor who unpins
     * @param chatId the chat
     */
    public void unpinChat(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            ChatActions.unpin(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Archives a chat for the actor, or brings it back (F-CHAT-08). Archiving unpins; a new message does not bring
     * the chat back.
     *
     * @param actor who archives
     * @param chatId the chat
     * @param archived the new state
     */
    public void setArchived(UserId actor, ChatId chatId, boolean archived) {
        try (Held held = state.exclusive()) {
            ChatActions.setArchived(actor, state.memberChat(actor, chatId), archived);
        }
    }

    /**
     * Marks a chat unread for the actor until they read it (F-CHAT-08).
     *
     * @param actor who marks
     * @param chatId the chat
     */
    public void markUnread(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            ChatActions.markUnread(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Mutes a chat's notifications for the actor (F-CHAT-08, F-ACC-02), forever or until a time; a mute with an
     * end ends by itself on the engine's clock. A new mute replaces the previous one.
     *
     * @param actor who mutes
     * @param chatId the chat
     * @param until when the mute ends (kept to the second, rounded up); empty for never
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the end is not in the future
     */
    public void mute(UserId actor, ChatId chatId, Optional<Instant> until) {
        Objects.requireNonNull(until, "until");
        try (Held held = state.exclusive()) {
            Instant now = state.now();
            ChatActions.checkMuteEnd(until, now);
            ChatActions.mute(actor, state.memberChat(actor, chatId), until, now);
        }
    }

    /**
     * Turns a chat's notifications back on for the actor; a chat that is not muted stays as it is.
     *
     * @param actor who unmutes
     * @param chatId the chat
     */
    public void unmute(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            ChatActions.unmute(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Clears a chat's history for the actor only (F-CHAT-08): their history, unread count and last message of the
     * chat start after its current latest message; the other members still see everything.
     *
     * @param actor who clears
     * @param chatId the chat
     * @return the id of the latest message cleared, 0 when the chat has none
     */
    public long clearHistory(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return ChatActions.clearHistory(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Returns a member's own settings of a chat as they stand now, for the faces to render.
     *
     * @param actor the member
     * @param chatId the chat
     * @return the settings
     */
    public OwnChatState ownState(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return ChatActions.state(actor, state.memberChat(actor, chatId), state.chats.values(), state.now());
        }
    }

    /**
     * Changes who may do what in a chat; the owner only (F-CHAT-03).
     *
     * @param actor who changes them
     * @param chatId the chat
     * @param settings the new settings
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} for anyone but the owner
     */
    public void updateChatSettings(UserId actor, ChatId chatId, ChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (Held held = state.exclusive()) {
            ChatAdmin.updateSettings(state.memberChat(actor, chatId), actor, settings);
        }
    }

    /**
     * Renames a chat, as {@code CHANGE_INFO} allows (F-CHAT-04).
     *
     * @param actor who renames it
     * @param chatId the chat
     * @param title the new title, checked as {@link NewChat#validTitle}
     */
    public void renameChat(UserId actor, ChatId chatId, String title) {
        try (Held held = state.exclusive()) {
            ChatAdmin.rename(state.memberChat(actor, chatId), actor, title);
        }
    }

    /**
     * Adds an existing user to a chat, as {@code INVITE} allows; a member already in it stays as they are
     * (F-CHAT-05).
     *
     * @param actor who adds
     * @param chatId the chat
     * @param user the user to add
     * @throws NotFoundException with {@code USER_NOT_FOUND} if there is no such user
     */
    public void addChatMember(UserId actor, ChatId chatId, UserId user) {
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            state.account(user);
            boolean already = chat.isMember(user);
            ChatAdmin.addMember(chat, actor, user, state.now());
            if (!already) {
                state.chatEvents.memberJoined(chat, user);
            }
        }
    }

    /**
     * Removes a member (F-CHAT-05): the owner removes anyone, an admin ordinary members (and admins when admins
     * may change admins), nobody the owner; removing oneself is leaving. The removed member loses access at once.
     *
     * @param actor who removes
     * @param chatId the chat
     * @param member the member to remove
     */
    public void removeChatMember(UserId actor, ChatId chatId, UserId member) {
        try (Held held = state.exclusive()) {
            ChatAdmin.checkRemoval(state.memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"));
            leaveChat(member, chatId);
        }
    }

    /**
     * Tells whether the actor may remove a member, as {@link #removeChatMember} decides ({@code can_kick}).
     *
     * @param actor who would remove
     * @param chatId the chat
     * @param member the member
     * @return whether the removal would be allowed
     */
    public boolean canRemoveChatMember(UserId actor, ChatId chatId, UserId member) {
        try (Held held = state.exclusive()) {
            return ChatAdmin.canRemove(state.memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"));
        }
    }

    /**
     * Appoints or dismisses an admin, as {@code CHANGE_ADMINS} allows (F-CHAT-05).
     *
     * @param actor who changes the role
     * @param chatId the chat
     * @param member the member, not the owner
     * @param admin {@code true} to appoint, {@code false} to dismiss
     */
    public void setChatAdmin(UserId actor, ChatId chatId, UserId member, boolean admin) {
        try (Held held = state.exclusive()) {
            ChatAdmin.setAdmin(state.memberChat(actor, chatId), actor, Objects.requireNonNull(member, "member"), admin);
        }
    }

    /**
     * Returns a chat's invite link, or revokes it and issues a new one (F-CHAT-10); needs {@code INVITE} and
     * {@code SEE_INVITE_LINK}.
     *
     * @param actor who asks
     * @param chatId the chat
     * @param reset whether to revoke the current link
     * @return the current link
     */
    public InviteLink inviteLink(UserId actor, ChatId chatId, boolean reset) {
        try (Held held = state.exclusive()) {
            return ChatAdmin.inviteLink(state.memberChat(actor, chatId), actor, reset, state.random);
        }
    }

    /**
     * Joins a chat by its current invite link; a member joining again stays as they are (F-CHAT-10).
     *
     * @param actor who joins
     * @param link the link
     * @return the chat
     * @throws NotFoundException with {@code INVITE_LINK_INVALID} for an unknown or reset link
     */
    public ChatId joinChatByLink(UserId actor, InviteLink link) {
        Objects.requireNonNull(link, "link");
        try (Held held = state.exclusive()) {
            state.account(actor);
            ChatState chat = ChatAdmin.byLink(state.chats.values(), link);
            boolean already = chat.isMember(actor);
            ChatAdmin.join(chat, actor, state.now());
            if (!already) {
                state.chatEvents.memberJoined(chat, actor);
            }
            return chat.id;
        }
    }

    /**
     * Previews a chat by its current invite link, for anyone holding the link, member or not (VK's
     * {@code messages.getChatPreview}): what a user sees before deciding to join (F-CHAT-10). Changes nothing.
     *
     * @param actor who asks
     * @param link the link
     * @return the chat as a member would see its information
     * @throws NotFoundException with {@code INVITE_LINK_INVALID} for an unknown or reset link
     */
    public Chat chatByLink(UserId actor, InviteLink link) {
        Objects.requireNonNull(link, "link");
        try (Held held = state.exclusive()) {
            state.account(actor);
            ChatState chat = ChatAdmin.byLink(state.chats.values(), link);
            return new Chat(chat.id, chat.title, chat.owner, List.copyOf(chat.members.values()), chat.settings,
                    ChatPhotos.url(chat, photoUrlBase), chat.appearance);
        }
    }

    /**
     * Finds the actor's chats by name (VK's {@code messages.searchConversations}): the rows of the chat list, in
     * its order, whose title (a one-to-one chat's: the other user's name) contains the query, matched as
     * {@code messages.search} matches text (case-insensitive, «ё» as «е»).
     *
     * @param actor who asks
     * @param query the words, as one substring
     * @param count the most rows to return, 1 or more
     * @return the matching rows, at most {@code count}
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an empty query
     */
    public List<ChatSummary> searchConversations(UserId actor, String query, int count) {
        MessageSearch search = MessageSearch.of(query);
        List<ChatSummary> out = new ArrayList<>();
        for (ChatSummary summary : conversations(actor, ChatFilter.ALL)) {
            if (out.size() < count && search.matches(summary.title())) {
                out.add(summary);
            }
        }
        return out;
    }

    /**
     * Returns one chat's row of the member's chat list, whatever the list's filters (for
     * {@code messages.getConversationsById}).
     *
     * @param actor the member
     * @param chatId the chat
     * @return the row
     */
    public ChatSummary chatSummary(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return summary(actor, state.memberChat(actor, chatId));
        }
    }

    /**
     * Tells whether the actor may post in a chat now, and if not, why (for the chat list's {@code can_write}).
     *
     * @param actor a member of the chat
     * @param chatId the chat
     * @return empty when the actor may post; {@code NOT_A_CONTACT} in a one-to-one chat with someone who is no
     *     longer a contact; {@code WRITING_DISABLED} for a member of an announcement chat (F-CHAT-12)
     */
    public Optional<ErrorCode> writeRefusal(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            return Optional.ofNullable(state.direct.writeRefusal(state.memberChat(actor, chatId), actor));
        }
    }

    /**
     * Sets where chat images are served: a chat's photo URL is this base followed by the image's key (the
     * emulator serves them itself).
     *
     * @param base the base, ending in {@code /}
     */
    public void serveChatPhotosAt(String base) {
        this.photoUrlBase = Objects.requireNonNull(base, "base");
    }

    /**
     * Sets or replaces a chat's avatar, as {@code CHANGE_INFO} allows (F-CHAT-06).
     *
     * @param actor who sets it
     * @param chatId the chat
     * @param photo the image, already checked
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public void setChatPhoto(UserId actor, ChatId chatId, ChatPhoto photo) {
        Objects.requireNonNull(photo, "photo");
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            String key = chat.id.localId() + "_" + nextPhotoKey + "_" + Long.toUnsignedString(state.random.nextLong(), 36);
            chatPhotos.set(chat, actor, photo, key);
            nextPhotoKey++;
        }
    }

    /**
     * Removes a chat's avatar, as {@code CHANGE_INFO} allows (F-CHAT-06); nothing changes when it has none.
     *
     * @param actor who removes it
     * @param chatId the chat
     */
    public void removeChatPhoto(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            chatPhotos.remove(state.memberChat(actor, chatId), actor);
        }
    }

    /**
     * Returns a current chat image by its key (the last part of its URL), for serving it.
     *
     * @param key the key
     * @return the image; empty for an unknown, replaced or removed one
     */
    public Optional<ChatPhoto> chatImage(String key) {
        try (Held held = state.exclusive()) {
            return chatPhotos.image(key);
        }
    }

    /**
     * Sets a chat's avatar from the actor's upload, which is used once whatever happens (F-CHAT-06).
     *
     * @param actor who sets it: the uploader
     * @param file the upload's key
     * @return the chat the upload was for
     * @throws ValidationException with {@code INVALID_ARGUMENT} when it is not the actor's upload, expired, was used
     *     already or is not a JPEG or PNG image of at most 5 MB
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public ChatId setChatPhotoFromUpload(UserId actor, String file) {
        try (Held held = state.exclusive()) {
            UploadPipeline.ChatPhotoUpload upload = state.uploads.takeChatPhoto(actor, file, state.now());
            setChatPhoto(actor, upload.chat(), ChatPhoto.of(upload.fileName(), upload.content()));
            return upload.chat();
        }
    }

    /**
     * Sets a chat's appearance, as {@code CHANGE_INFO} allows (F-CHAT-11).
     *
     * @param actor who sets it
     * @param chatId the chat
     * @param appearance the theme
     * @throws PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the settings do not allow it
     */
    public void setChatAppearance(UserId actor, ChatId chatId, ChatAppearance appearance) {
        Objects.requireNonNull(appearance, "appearance");
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
            chat.appearance = appearance;
        }
    }
}
