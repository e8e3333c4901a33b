package org.sferum.sdk.messages;

import java.util.List;
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
     * @param chat the chat
     * @param query direction, size and cursor
     * @return the page
     * @throws org.sferum.sdk.error.PermissionDeniedException if the user is not a member of the chat
     */
    Page<Message> history(ChatId chat, HistoryQuery query);

    /**
     * Iterates over a chat's whole history from the query's position, fetching pages as needed.
     *
     * @param chat the chat
     * @param query direction, page size and the starting cursor
     * @return the messages, lazily
     */
    default Iterable<Message> iterateHistory(ChatId chat, HistoryQuery query) {
        return Page.autoPaging(history(chat, query), cursor -> history(chat, query.after(cursor)));
    }

    /**
     * Edits the text of one's own message within the platform's time limit (F-MSG-07).
     *
     * @param chat the chat
     * @param message the message
     * @param newText the new text
     * @return the message as stored after the edit
     */
    Message edit(ChatId chat, MessageId message, String newText);

    /**
     * Deletes one or several messages, for oneself or for everyone (F-MSG-06, F-MSG-10).
     *
     * @param chat the chat
     * @param messages the messages
     * @param forEveryone {@code true} to delete for every member (author or admin only)
     */
    void delete(ChatId chat, List<MessageId> messages, boolean forEveryone);

    /**
     * Pins a message in the chat (F-MSG-08).
     *
     * @param chat the chat
     * @param message the message
     */
    void pin(ChatId chat, MessageId message);

    /**
     * Unpins the chat's pinned message.
     *
     * @param chat the chat
     */
    void unpin(ChatId chat);

    /**
     * Marks messages important for the user, or not (F-MSG-04).
     *
     * @param messages the messages
     * @param important the new state
     */
    void markImportant(List<MessageId> messages, boolean important);

    /**
     * Reports a message (F-MSG-05).
     *
     * @param chat the chat
     * @param message the message
     * @param reason why
     */
    void report(ChatId chat, MessageId message, ReportReason reason);

    /**
     * Answers a group chat message in the one-to-one chat with its author (F-MSG-09).
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
     * @param chat the chat
     * @param upTo the last message read
     */
    void markRead(ChatId chat, MessageId upTo);

    /**
     * Searches a chat's messages by keyword, case-insensitively (F-CHAT-09).
     *
     * @param chat the chat
     * @param query the words to look for
     * @param page which page
     * @return the matching messages, newest first
     */
    Page<Message> search(ChatId chat, String query, PageRequest page);

    /**
     * Opens (or reuses) the one-to-one chat with a user (F-CHAT-12).
     *
     * @param user the other user
     * @return the chat
     */
    default ChatId direct(UserId user) {
        return ChatId.direct(user);
    }
}
