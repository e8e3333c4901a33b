package org.sferum.sdk.messages;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * The messages of the chats the current user is a member of. Obtained from {@code SferumSession.messages()}.
 */
public interface Messages {

    /**
     * Sends a message (F-MSG-01). Idempotent per {@link Draft#randomId()}: a repeat returns the stored message.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param draft what to send
     * @return the message as stored
     * @throws org.sferum.sdk.error.PermissionDeniedException if the user is not a member of the chat
     * @throws org.sferum.sdk.error.NotFoundException if the chat does not exist
     */
    Message send(ChatId chat, Draft draft);

    /**
     * Reads one page of a chat's history (F-MSG-11).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param query direction, size and cursor
     * @return the page
     * @throws org.sferum.sdk.error.PermissionDeniedException if the user is not a member of the chat
     */
    Page<Message> history(ChatId chat, HistoryQuery query);

    /**
     * Iterates over a chat's whole history from the query's position, fetching pages as needed.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param query direction, page size and the starting cursor
     * @return the messages, lazily
     */
    default Iterable<Message> iterateHistory(ChatId chat, HistoryQuery query) {
        return Page.autoPaging(history(chat, query), cursor -> history(chat, query.after(cursor)));
    }

    /**
     * Edits the text of one's own message within the platform's time limit (F-MSG-07). The new text follows the
     * rules of a text {@link Draft}. Repeating an edit with the same text changes nothing.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param message the message
     * @param newText the new text
     * @return the message as stored after the edit, with {@link Message#editedAt()} set
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code PERMISSION_DENIED} if someone else wrote it
     * @throws org.sferum.sdk.error.ConflictException with {@code EDIT_WINDOW_EXPIRED} once the limit has passed
     * @throws org.sferum.sdk.error.NotFoundException with {@code MESSAGE_NOT_FOUND} if the user cannot see it there
     */
    Message edit(ChatId chat, MessageId message, String newText);

    /**
     * Deletes one or several messages, for oneself or for everyone (F-MSG-06, F-MSG-10).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param messages the messages
     * @param forEveryone {@code true} to delete for every member (author or admin only)
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code CANNOT_DELETE_FOR_EVERYONE} when the user
     *     may not delete one of them for everyone; then none is deleted
     * @throws org.sferum.sdk.error.NotFoundException with {@code MESSAGE_NOT_FOUND} if one is not in the chat
     */
    void delete(ChatId chat, List<MessageId> messages, boolean forEveryone);

    /**
     * Pins a message in the chat for every member (F-MSG-08), replacing the pinned one; allowed by
     * {@link org.sferum.sdk.chats.ChatAction#CHANGE_PIN}.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @param message the message
     * @throws org.sferum.sdk.error.PermissionDeniedException with {@code NOT_ALLOWED_IN_CHAT} if the settings do not
     *     allow the user to pin
     * @throws org.sferum.sdk.error.ConflictException with {@code CANNOT_PIN_EXPIRING_MESSAGE} for a message that
     *     will disappear (F-CHAT-11)
     */
    void pin(ChatId chat, MessageId message);

    /**
     * Unpins the chat's pinned message; allowed by {@link org.sferum.sdk.chats.ChatAction#CHANGE_PIN}.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     */
    void unpin(ChatId chat);

    /**
     * Returns the chat's pinned message, as every member sees it (F-MSG-08).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
     *
     * @param chat the chat
     * @return the pinned message; empty when none is pinned or the user no longer sees it
     */
    Optional<Message> pinned(ChatId chat);

    /**
     * Marks messages important for the user, or not (F-MSG-04).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param messages the messages
     * @param important the new state
     * @return the messages whose flag was set: those the user can see
     */
    List<MessageId> markImportant(List<MessageId> messages, boolean important);

    /**
     * Reports a message (F-MSG-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGE_REPORTS}.
     *
     * @param chat the chat
     * @param message the message
     * @param reason why
     * @throws org.sferum.sdk.error.NotFoundException with {@code MESSAGE_NOT_FOUND} if the user cannot see it there
     */
    void report(ChatId chat, MessageId message, ReportReason reason);

    /**
     * Answers a group chat message in the one-to-one chat with its author (F-MSG-09).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param chat the group chat
     * @param message the message answered
     * @param draft the answer
     * @return the answer as stored in the one-to-one chat
     */
    Message replyPrivately(ChatId chat, MessageId message, Draft draft);

    /**
     * Marks the chat read up to and including a message (F-MSG-11).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param chat the chat
     * @param upTo the last message read
     */
    void markRead(ChatId chat, MessageId upTo);

    /**
     * Searches a chat's messages by keyword, case-insensitively (F-CHAT-09).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param chat the chat
     * @param query the words to look for
     * @param page which page
     * @return the matching messages the user can see, newest first
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} for a blank query, or
     *     {@code INVALID_PAGE_REQUEST} for a page of more than 100
     */
    Page<Message> search(ChatId chat, String query, PageRequest page);

    /**
     * Makes a chat a «фантом-чат» (F-CHAT-11): messages sent from now on disappear for everyone after a time, or
     * stop disappearing. Allowed by {@link org.sferum.sdk.chats.ChatAction#CHANGE_INFO}.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_SETTINGS}.
     *
     * @param chat the group chat
     * @param after how long a new message lives, from 1 second to 7 days; empty to stop
     */
    void setDisappearing(ChatId chat, Optional<Duration> after);

    /**
     * Opens (or reuses) the one-to-one chat with a user (F-CHAT-12).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#MESSAGING}.
     *
     * @param user the other user
     * @return the chat
     */
    default ChatId direct(UserId user) {
        return ChatId.direct(user);
    }
}
