package org.sferum.sdk.chats;

import java.time.Instant;
import java.util.Optional;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * The chats of the current user: the «Чаты» tab and everything done to a chat. Obtained from
 * {@code SferumSession.chats()}. Every method acts as the session's user and is checked against the chat's rules.
 */
public interface Chats {

    /**
     * Creates a group chat with the session's user as owner (F-CHAT-02).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the title, members and settings
     * @return the new chat's id
     * @throws org.sferum.sdk.error.ValidationException if the title is blank or too long
     * @throws org.sferum.sdk.error.NotFoundException if a member does not exist
     */
    ChatId create(NewChat chat);

    /**
     * Lists the chats the user is a member of (F-SECT-01), pinned chats first, then by latest activity.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param filter which chats
     * @param page which page
     * @return the page
     */
    Page<ChatSummary> list(ChatFilter filter, PageRequest page);

    /**
     * Returns a group chat's information: title, owner, members with roles, settings (F-CHAT-04).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @return the chat
     * @throws org.sferum.sdk.error.PermissionDeniedException if the user is not a member
     * @throws org.sferum.sdk.error.NotFoundException if the chat does not exist
     */
    Chat get(ChatId chat);

    /**
     * Renames a group chat (allowed by {@link ChatAction#CHANGE_INFO}).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @param title the new title
     */
    void rename(ChatId chat, String title);

    /**
     * Changes who may do what in the chat (owner only).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_SETTINGS}.
     *
     * @param chat the chat
     * @param settings the new settings
     */
    void updateSettings(ChatId chat, ChatSettings settings);

    /**
     * Adds a member (allowed by {@link ChatAction#INVITE}) (F-CHAT-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @param user the user to add
     */
    void addMember(ChatId chat, UserId user);

    /**
     * Removes a member; an admin cannot remove the owner (F-CHAT-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @param user the member to remove
     */
    void removeMember(ChatId chat, UserId user);

    /**
     * Appoints or dismisses an administrator (allowed by {@link ChatAction#CHANGE_ADMINS}) (F-CHAT-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_SETTINGS}.
     *
     * @param chat the chat
     * @param user the member
     * @param admin {@code true} to appoint, {@code false} to dismiss
     */
    void setAdmin(ChatId chat, UserId user, boolean admin);

    /**
     * Returns the chat's invite link, or a new one that replaces it (F-CHAT-04, F-CHAT-10).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @param reset {@code true} to revoke the current link and issue a new one
     * @return the link
     */
    InviteLink inviteLink(ChatId chat, boolean reset);

    /**
     * Joins a chat by its invite link (F-CHAT-10).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param link the link
     * @return the chat joined
     */
    ChatId join(InviteLink link);

    /**
     * Pins the chat to the top of the user's list; at most five chats are pinned (F-CHAT-07).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_LIST_ACTIONS}.
     *
     * @param chat the chat
     * @throws org.sferum.sdk.error.ConflictException with {@code LIMIT_REACHED} for a sixth pinned chat
     */
    void pin(ChatId chat);

    /**
     * Unpins the chat.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_LIST_ACTIONS}.
     *
     * @param chat the chat
     */
    void unpin(ChatId chat);

    /**
     * Archives or unarchives the chat for the user (F-CHAT-08).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_LIST_ACTIONS}.
     *
     * @param chat the chat
     * @param archived the new state
     */
    void setArchived(ChatId chat, boolean archived);

    /**
     * Marks the chat unread for the user (F-CHAT-08).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_LIST_ACTIONS}.
     *
     * @param chat the chat
     */
    void markUnread(ChatId chat);

    /**
     * Mutes the chat's notifications for the user until a time, or forever (F-CHAT-08, F-ACC-02).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#NOTIFICATIONS}.
     *
     * @param chat the chat
     * @param until when to unmute; empty for forever
     */
    void mute(ChatId chat, Optional<Instant> until);

    /**
     * Unmutes the chat.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#NOTIFICATIONS}.
     *
     * @param chat the chat
     */
    void unmute(ChatId chat);

    /**
     * Clears the chat's history for the user only (F-CHAT-08).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param chat the chat
     */
    void clearHistory(ChatId chat);

    /**
     * Leaves the chat (F-CHAT-08).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     */
    void leave(ChatId chat);

    /**
     * Sets or replaces the chat's avatar (F-CHAT-06), as {@link ChatAction#CHANGE_INFO} allows; every member then
     * sees its {@link Chat#photoUrl()} and {@link ChatSummary#photoUrl()}. The image is checked here first, as
     * {@link ChatPhoto#read} does: a JPEG or PNG image, not empty, at most {@link ChatPhoto#MAX_BYTES}. The stream
     * is read but not closed.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @param fileName the image file's name
     * @param content the image's bytes
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} for a bad image
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the chat's
     *     settings do not let the user change its information
     */
    void setPhoto(ChatId chat, String fileName, java.io.InputStream content);

    /**
     * Removes the chat's avatar (F-CHAT-06), as {@link ChatAction#CHANGE_INFO} allows; removing it when there is
     * none changes nothing.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_ADMIN}.
     *
     * @param chat the chat
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the chat's
     *     settings do not let the user change its information
     */
    void removePhoto(ChatId chat);

    /**
     * Sets the chat's appearance (F-CHAT-11), as {@link ChatAction#CHANGE_INFO} allows; every member then sees it in
     * {@link Chat#appearance()}.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_SETTINGS}.
     *
     * @param chat the chat
     * @param appearance the theme
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} when the chat's
     *     settings do not let the user change its information
     */
    void setAppearance(ChatId chat, ChatAppearance appearance);
}
