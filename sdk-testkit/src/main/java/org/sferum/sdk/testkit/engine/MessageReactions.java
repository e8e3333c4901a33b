package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * Reactions to messages, as VK's {@code messages.sendReaction}, {@code messages.deleteReaction} and
 * {@code messages.getMessagesReactions} have them: a member reacts to a message they see with one of VK's reactions
 * {@value #MIN_REACTION}…{@value #MAX_REACTION}; each member has at most one reaction per message, and a new one
 * replaces it; taking a reaction back that is not there changes nothing. Called under the engine's exclusive lock.
 */
final class MessageReactions {
    /** The first of VK's reaction ids. */
    static final int MIN_REACTION = 1;
    /** The last of VK's reaction ids (VK's reaction set has 16). */
    static final int MAX_REACTION = 16;

    private MessageReactions() {
    }

    /**
     * Checks a reaction id before anything else about the call.
     *
     * @throws ValidationException with {@code INVALID_ARGUMENT} outside {@value #MIN_REACTION}…{@value #MAX_REACTION}
     */
    static void checkReaction(int reactionId) {
        if (reactionId < MIN_REACTION || reactionId > MAX_REACTION) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "reaction_id must be one of VK's reactions, "
                    + MIN_REACTION + " to " + MAX_REACTION);
        }
    }

    /** Sets the actor's reaction to a message they see, replacing an earlier one. */
    static void react(UserId actor, ChatState chat, StoredMessage message, int reactionId, Instant now) {
        checkReaction(reactionId);
        seen(actor, chat, message, now).reactions.put(actor, reactionId);
    }

    /** Takes the actor's reaction back; nothing when there is none. */
    static void unreact(UserId actor, ChatState chat, StoredMessage message, Instant now) {
        seen(actor, chat, message, now).reactions.remove(actor);
    }

    /**
     * The reactions of a message: by reaction id (ascending), who gave it, in the order they reacted.
     *
     * @return the reactions; empty when there are none
     */
    static Map<Integer, List<UserId>> of(StoredMessage message) {
        Map<Integer, List<UserId>> out = new TreeMap<>();
        for (Map.Entry<UserId, Integer> entry : message.reactions.entrySet()) {
            out.computeIfAbsent(entry.getValue(), r -> new ArrayList<>()).add(entry.getKey());
        }
        Map<Integer, List<UserId>> copy = new LinkedHashMap<>();
        out.forEach((reaction, users) -> copy.put(reaction, List.copyOf(users)));
        return copy;
    }

    private static StoredMessage seen(UserId actor, ChatState chat, StoredMessage message, Instant now) {
        if (!chat.sees(actor, message, now)) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message "
                    + message.cmid + " of the chat is not one the user can see");
        }
        return message;
    }
}
