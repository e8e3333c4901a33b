package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.UserId;

/**
 * Encodes the engine's chat events as VK's user long poll updates of version 3, as {@code docs/wire/events.md}
 * says. The update is kept whole in the user's queue; {@link #forMode} cuts what the {@code mode} of an
 * {@code a_check} does not ask for.
 *
 * <ul>
 *   <li>{@code MessageSent}: {@code [4, message_id, flags, peer_id, timestamp, text, {extra}, {attachments},
 *   random_id]} for a new message, {@code [5, …]} the same for an edit (a message with an edit time), its
 *   timestamp the edit's.</li>
 *   <li>{@code MessageDeleted}: {@code [2, message_id, 131200, peer_id]} (flags 128 deleted and 131072 deleted
 *   for all set).</li>
 *   <li>{@code MessagesRead}: {@code [6, peer_id, message_id]} when the receiving user is the reader,
 *   {@code [7, peer_id, message_id, reader_id]} otherwise ([choice] the reader at the end).</li>
 *   <li>{@code MemberJoined} / {@code MemberLeft}: {@code [52, 6, peer_id, user_id]} / {@code [52, 7, peer_id,
 *   user_id]}.</li>
 * </ul>
 */
final class ChatEventJson {
    /** VK: new message. */
    static final int NEW_MESSAGE = 4;
    /** VK: message edited. */
    static final int EDITED = 5;
    /** VK: set message flags. */
    static final int SET_FLAGS = 2;
    /** VK: incoming messages read (by the user). */
    static final int READ_IN = 6;
    /** VK: outgoing messages read (by the others). */
    static final int READ_OUT = 7;
    /** VK: a chat changed. */
    static final int CHAT_CHANGED = 52;
    /** VK's message flags (version 3). */
    static final int UNREAD = 1;
    static final int OUTBOX = 2;
    static final int IMPORTANT = 8;
    static final int DELETED = 128;
    static final int DELETED_ALL = 131072;
    /** VK's chat change types of update 52. */
    static final int MEMBER_JOINED = 6;
    static final int MEMBER_LEFT = 7;
    /** VK's {@code mode} bits: extra fields (attachments), random id. */
    static final int MODE_ATTACHMENTS = 2;
    static final int MODE_RANDOM_ID = 128;

    private ChatEventJson() {
    }

    /**
     * Encodes one chat event as the receiving user's update.
     *
     * @param event the event as the engine sent it to that user
     * @param receiver the user
     * @param randomId the random id the receiver sees for a message (0 but for its author)
     * @return the update, or empty for an event that is not a chat event
     */
    static Optional<ArrayNode> update(SferumEvent event, UserId receiver, int randomId) {
        ArrayNode update = JsonNodes.array();
        if (event instanceof SferumEvent.MessageSent sent) {
            Message message = sent.message();
            boolean edit = message.editedAt().isPresent();
            int flags = (message.author().equals(receiver) ? OUTBOX : UNREAD) | (message.important() ? IMPORTANT : 0);
            update.add(edit ? EDITED : NEW_MESSAGE);
            update.add(message.id().value());
            update.add(flags);
            update.add(sent.chat().peerId());
            update.add((edit ? message.editedAt().get() : message.sentAt()).getEpochSecond());
            update.add(message.text().replace("\n", "<br>"));
            ObjectNode extra = update.addObject();
            if (sent.chat().isGroup()) {
                extra.put("from", Long.toString(message.author().value()));
            }
            update.addObject(); // attachments: none yet (the attachments issue); forwards and replies via getById
            update.add(randomId);
        } else if (event instanceof SferumEvent.MessageDeleted deleted) {
            update.add(SET_FLAGS);
            update.add(deleted.message().value());
            update.add(DELETED | DELETED_ALL);
            update.add(deleted.chat().peerId());
        } else if (event instanceof SferumEvent.MessagesRead read) {
            boolean own = read.reader().equals(receiver);
            update.add(own ? READ_IN : READ_OUT);
            update.add(read.chat().peerId());
            update.add(read.upTo().value());
            if (!own) {
                update.add(read.reader().value());
            }
        } else if (event instanceof SferumEvent.MemberJoined joined) {
            update.add(CHAT_CHANGED);
            update.add(MEMBER_JOINED);
            update.add(joined.chat().peerId());
            update.add(joined.user().value());
        } else if (event instanceof SferumEvent.MemberLeft left) {
            update.add(CHAT_CHANGED);
            update.add(MEMBER_LEFT);
            update.add(left.chat().peerId());
            update.add(left.user().value());
        } else {
            return Optional.empty();
        }
        return Optional.of(update);
    }

    /**
     * Cuts a kept update to what an {@code a_check}'s {@code mode} asks for: a message update's attachments object
     * only with bit 2 or 128 (empty without bit 2), its random id only with bit 128. Other updates are as kept.
     *
     * @param update the kept update
     * @param mode the request's mode
     * @return the update to answer
     */
    static ArrayNode forMode(ArrayNode update, int mode) {
        int code = update.get(0).asInt();
        if ((code != NEW_MESSAGE && code != EDITED) || update.size() < 9) {
            return update;
        }
        boolean attachments = (mode & MODE_ATTACHMENTS) != 0;
        boolean randomId = (mode & MODE_RANDOM_ID) != 0;
        if (attachments && randomId) {
            return update;
        }
        ArrayNode out = JsonNodes.array();
        for (int i = 0; i < 7; i++) {
            out.add(update.get(i));
        }
        if (attachments || randomId) {
            out.add(attachments ? update.get(7) : JsonNodes.object());
        }
        if (randomId) {
            out.add(update.get(8));
        }
        return out;
    }
}
