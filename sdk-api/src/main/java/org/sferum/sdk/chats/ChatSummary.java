package org.sferum.sdk.chats;

import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.messages.Message;

/**
 * One row of the «Чаты» tab (F-SECT-01): a chat as the current user sees it in the list.
 *
 * @param id the chat id
 * @param title the title (for a one-to-one chat, the other user's name)
 * @param lastMessage the latest message the user can see
 * @param unreadCount how many messages the user has not read
 * @param pinned whether the user pinned the chat
 * @param archived whether the user archived the chat
 * @param muted whether the user muted the chat's notifications
 * @param membersCount how many members the chat has
 * @param markedUnread whether the user marked the chat unread (F-CHAT-08); reading the chat clears it
 * @param photoUrl where the chat's avatar image is served (F-CHAT-06); empty when it has none
 */
public record ChatSummary(ChatId id, String title, Optional<Message> lastMessage, int unreadCount,
                          boolean pinned, boolean archived, boolean muted, int membersCount,
                          boolean markedUnread, Optional<String> photoUrl) {
    /**
     * Validates the fields.
     *
     * @param id the chat id
     * @param title the title (for a one-to-one chat, the other user's name)
     * @param lastMessage the latest message the user can see
     * @param unreadCount how many messages the user has not read
     * @param pinned whether the user pinned the chat
     * @param archived whether the user archived the chat
     * @param muted whether the user muted the chat's notifications
     * @param membersCount how many members the chat has
     * @param markedUnread whether the user marked the chat unread (F-CHAT-08); reading the chat clears it
     * @param photoUrl where the chat's avatar image is served (F-CHAT-06); empty when it has none
     */
    public ChatSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lastMessage, "lastMessage");
        Objects.requireNonNull(photoUrl, "photoUrl");
        if (unreadCount < 0 || membersCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Creates a row without an avatar.
     *
     * @param id the chat id
     * @param title the title (for a one-to-one chat, the other user's name)
     * @param lastMessage the latest message the user can see
     * @param unreadCount how many messages the user has not read
     * @param pinned whether the user pinned the chat
     * @param archived whether the user archived the chat
     * @param muted whether the user muted the chat's notifications
     * @param membersCount how many members the chat has
     * @param markedUnread whether the user marked the chat unread (F-CHAT-08); reading the chat clears it
     */
    public ChatSummary(ChatId id, String title, Optional<Message> lastMessage, int unreadCount,
                       boolean pinned, boolean archived, boolean muted, int membersCount, boolean markedUnread) {
        this(id, title, lastMessage, unreadCount, pinned, archived, muted, membersCount, markedUnread,
                Optional.empty());
    }

    /**
     * Creates a row that is not marked unread.
     *
     * @param id the chat id
     * @param title the title (for a one-to-one chat, the other user's name)
     * @param lastMessage the latest message the user can see
     * @param unreadCount how many messages the user has not read
     * @param pinned whether the user pinned the chat
     * @param archived whether the user archived the chat
     * @param muted whether the user muted the chat's notifications
     * @param membersCount how many members the chat has
     */
    public ChatSummary(ChatId id, String title, Optional<Message> lastMessage, int unreadCount,
                       boolean pinned, boolean archived, boolean muted, int membersCount) {
        this(id, title, lastMessage, unreadCount, pinned, archived, muted, membersCount, false);
    }

    /**
     * Tells whether the chat shows as unread: it has unread messages or the user marked it unread.
     *
     * @return whether it is unread
     */
    public boolean unread() {
        return unreadCount > 0 || markedUnread;
    }
}
