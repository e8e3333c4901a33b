package org.sferum.sdk.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.users.UserId;

/**
 * The rules of the message actions (F-MSG-04 … F-MSG-08, F-MSG-10, F-CHAT-09, F-CHAT-11): edit, delete, important
 * marks, reports, the chat's pinned message, search and phantom chats. Called by {@link PlatformEngine} under its
 * lock, with chats the actor was already found to be a member of; the limits are the engine's public constants.
 */
final class MessageActions {
    private final Map<Long, ChatState> chats;
    private final Map<Long, StoredMessage> messagesById;
    /** How a reader sees a message ({@link DirectChats#view}). */
    private final BiFunction<StoredMessage, UserId, Message> view;
    private final List<MessageReport> reports = new ArrayList<>();
    /** Who hears an edit or a deletion for everyone (F-EMB-02). */
    private final ChatEvents events;

    /**
     * @param chats the engine's chats by peer id
     * @param messagesById the engine's messages by id
     * @param view how a reader sees a message
     * @param events who hears the changes
     */
    MessageActions(Map<Long, ChatState> chats, Map<Long, StoredMessage> messagesById,
                   BiFunction<StoredMessage, UserId, Message> view, ChatEvents events) {
        this.chats = chats;
        this.messagesById = messagesById;
        this.view = view;
        this.events = events;
    }

    /**
     * Edits the author's own message within {@link MessageActionService#EDIT_WINDOW} (F-MSG-07); the same text again
     * changes nothing.
     */
    Message edit(UserId actor, ChatState chat, MessageId id, String text, Instant now) {
        StoredMessage message = visibleIn(actor, chat, id, now);
        if (!message.author.equals(actor)) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED,
                    "only the author of message " + id.value() + " can edit it");
        }
        if (!now.isBefore(message.sentAt.plus(MessageActionService.EDIT_WINDOW))) {
            throw new ConflictException(ErrorCode.EDIT_WINDOW_EXPIRED, "message "
                    + id.value() + " was sent more than " + MessageActionService.EDIT_WINDOW.toHours() + " h ago and can"
                    + " no longer be edited; send a new message instead");
        }
        if (!message.text.equals(text)) {
            message.text = text;
            message.editedAt = now;
            events.messageSent(chat, message, now);
        }
        return view.apply(message, actor);
    }

    /**
     * Deletes messages for the actor only, or for every member (F-MSG-06, F-MSG-10), reporting them as spam first
     * when asked (F-MSG-05); all or nothing: every message is checked before any report is stored or any message
     * deleted. A message deleted for everyone is unpinned.
     *
     * @param chatId the stored id of the chat every message must belong to (the actor is a member; a one-to-one
     *     chat's internal id); empty for each message's own
     * @param unique the messages, without repeats
     * @param reportSpam whether to report each message the actor still sees as {@link ReportReason#SPAM}
     */
    List<DeletedMessage> delete(UserId actor, Optional<ChatId> chatId, List<MessageId> unique, boolean forEveryone,
                                boolean reportSpam, Instant now) {
        List<StoredMessage> targets = new ArrayList<>(unique.size());
        for (MessageId id : unique) {
            StoredMessage message = messagesById.get(id.value());
            ChatState chat = message == null ? null : chats.get(message.chat.peerId());
            boolean gone = message != null && (message.deletedForAll
                    || (!forEveryone && message.hiddenFor.contains(actor)));
            if (chat == null || !chat.isMember(actor) || chatId.map(c -> !c.equals(message.chat)).orElse(false)
                    || (!gone && !message.visibleTo(actor, now))) {
                throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message " + id.value()
                        + " is not one the user can see" + chatId.map(c -> " in this chat").orElse(""));
            }
            if (forEveryone && !gone) {
                MemberRole role = chat.members.get(actor).role();
                boolean moderator = role == MemberRole.OWNER || role == MemberRole.ADMIN;
                boolean author = message.author.equals(actor)
                        && now.isBefore(message.sentAt.plus(MessageActionService.DELETE_FOR_EVERYONE_WINDOW));
                if (!moderator && !author) {
                    throw new PermissionDeniedException(ErrorCode.CANNOT_DELETE_FOR_EVERYONE, "message "
                            + id.value() + " can be deleted for everyone only by its author within "
                            + MessageActionService.DELETE_FOR_EVERYONE_WINDOW.toHours() + " h, or by an admin of the chat;"
                            + " delete it for yourself instead");
                }
            }
            targets.add(message);
        }
        if (reportSpam) {
            for (StoredMessage message : targets) {
                if (message.visibleTo(actor, now)) {
                    store(actor, view.apply(message, actor).chat(), message, ReportReason.SPAM, now);
                }
            }
        }
        List<DeletedMessage> out = new ArrayList<>(targets.size());
        for (StoredMessage message : targets) {
            if (forEveryone) {
                ChatState chat = chats.get(message.chat.peerId());
                if (!message.deletedForAll) {
                    events.deletingForAll(chat, message, now);
                }
                message.deletedForAll = true;
                chat.hideable++;
                if (chat.pinnedMessageId == message.id) {
                    chat.pinnedMessageId = 0;
                }
            } else {
                if (message.hiddenFor.add(actor)) {
                    message.hiddenAt.put(actor, now);
                }
                chats.get(message.chat.peerId()).hideable++;
            }
            out.add(new DeletedMessage(message.chat, MessageId.of(message.id), message.cmid));
        }
        return out;
    }

    /**
     * Marks messages important for the actor, or not (F-MSG-04); messages the actor cannot see are left out.
     *
     * @param unique the messages, without repeats
     * @return the messages whose flag is now as asked
     */
    List<MessageId> markImportant(UserId actor, List<MessageId> unique, boolean important, Instant now) {
        List<MessageId> out = new ArrayList<>();
        for (MessageId id : unique) {
            StoredMessage message = messagesById.get(id.value());
            ChatState chat = message == null ? null : chats.get(message.chat.peerId());
            if (chat != null && chat.isMember(actor) && message.visibleTo(actor, now)) {
                if (important) {
                    message.importantFor.add(actor);
                } else {
                    message.importantFor.remove(actor);
                }
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Reports a message (F-MSG-05); a second report of the same message by the same member is not stored again.
     *
     * @param chatId the chat as the actor names it (a one-to-one chat's id differs from {@code chat.id})
     */
    void report(UserId actor, ChatId chatId, ChatState chat, MessageId id, ReportReason reason, Instant now) {
        store(actor, chatId, visibleIn(actor, chat, id, now), reason, now);
    }

    /** Stores a report unless the actor already reported the message. */
    private void store(UserId actor, ChatId chatId, StoredMessage message, ReportReason reason, Instant now) {
        MessageId id = MessageId.of(message.id);
        for (MessageReport earlier : reports) {
            if (earlier.reporter().equals(actor) && earlier.message().equals(id)) {
                return;
            }
        }
        reports.add(new MessageReport(actor, chatId, id, message.author, reason, now));
    }

    /** The reports, oldest first, as a copy. */
    List<MessageReport> reports() {
        return List.copyOf(reports);
    }

    /** Pins a message for every member (F-MSG-08), as {@link ChatAction#CHANGE_PIN} allows; not a phantom's. */
    Message pin(UserId actor, ChatState chat, MessageId id, Instant now) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_PIN);
        StoredMessage message = visibleIn(actor, chat, id, now);
        if (message.expiresAt != null) {
            throw new ConflictException(ErrorCode.CANNOT_PIN_EXPIRING_MESSAGE, "message "
                    + id.value() + " disappears after a while (a phantom chat) and cannot be pinned");
        }
        chat.pinnedMessageId = message.id;
        return view.apply(message, actor);
    }

    /** Unpins the chat's pinned message (F-MSG-08), as {@link ChatAction#CHANGE_PIN} allows. */
    static void unpin(UserId actor, ChatState chat) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_PIN);
        chat.pinnedMessageId = 0;
    }

    /** The chat's pinned message as the member sees it; empty when none is pinned or the member no longer sees it. */
    Optional<Message> pinned(UserId actor, ChatState chat, Instant now) {
        StoredMessage message = chat.pinnedMessageId == 0 ? null : messagesById.get(chat.pinnedMessageId);
        return message != null && message.visibleTo(actor, now) ? Optional.of(view.apply(message, actor))
                : Optional.empty();
    }

    /**
     * Checks a search page before anything else about the call.
     *
     * @throws ValidationException with {@code INVALID_PAGE_REQUEST} for a negative offset or a count outside 0 to
     *     {@link MessageActionService#MAX_SEARCH_COUNT}
     */
    static void checkSearchPage(int offset, int count) {
        if (count < 0 || count > MessageActionService.MAX_SEARCH_COUNT || offset < 0) {
            throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST, "search takes an offset of 0 or more and"
                    + " a count from 0 to " + MessageActionService.MAX_SEARCH_COUNT);
        }
    }

    /** Searches the chat's messages the actor sees (F-CHAT-09), newest first; {@code total} counts the matches. */
    HistoryWindow search(UserId actor, ChatState chat, MessageSearch search, int offset, int count, Instant now) {
        List<StoredMessage> visible = chat.visibleTo(actor, now);
        List<Message> matches = new ArrayList<>();
        for (int i = visible.size() - 1; i >= 0; i--) {
            if (search.matches(visible.get(i).text)) {
                matches.add(view.apply(visible.get(i), actor));
            }
        }
        int from = Math.min(offset, matches.size());
        int to = Math.min(matches.size(), from + count);
        return new HistoryWindow(matches.subList(from, to), matches.size(), to < matches.size());
    }

    /**
     * Checks and trims a phantom chat's message life to whole seconds, before anything else about the call.
     *
     * @return the life; {@code null} to stop
     * @throws ValidationException with {@code INVALID_ARGUMENT} outside {@link MessageActionService#MIN_DISAPPEARING} to
     *     {@link MessageActionService#MAX_DISAPPEARING}
     */
    static Duration disappearAfter(Optional<Duration> after) {
        Duration ttl = after.map(d -> Duration.ofSeconds(d.getSeconds())).orElse(null);
        if (ttl != null && (ttl.compareTo(MessageActionService.MIN_DISAPPEARING) < 0
                || ttl.compareTo(MessageActionService.MAX_DISAPPEARING) > 0)) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a phantom chat's messages live from "
                    + MessageActionService.MIN_DISAPPEARING.getSeconds() + " to "
                    + MessageActionService.MAX_DISAPPEARING.getSeconds() + " seconds");
        }
        return ttl;
    }

    /**
     * Makes the chat a phantom chat (F-CHAT-11) or an ordinary one again, as
     * {@link ChatAction#CHANGE_INFO} allows.
     */
    static void setDisappearing(UserId actor, ChatState chat, Duration ttl) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        chat.disappearAfter = ttl;
    }

    /** Finds a message of the chat the actor sees, or refuses with {@code MESSAGE_NOT_FOUND}. */
    private StoredMessage visibleIn(UserId actor, ChatState chat, MessageId id, Instant now) {
        StoredMessage message = messagesById.get(Objects.requireNonNull(id, "message").value());
        if (message == null || !message.chat.equals(chat.id) || !message.visibleTo(actor, now)) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                    "message " + id.value() + " is not one the user can see in this chat");
        }
        return message;
    }
}
