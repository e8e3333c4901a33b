package org.sferum.sdk.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * VK's {@code messages.restore}: a member brings back a message they deleted for themselves, within
 * {@link MessageActionService#RESTORE_WINDOW} of deleting it [choice: VK offers «Восстановить» only for a short
 * while after a deletion and documents no length; the emulator keeps 1 hour]. A message deleted for everyone cannot
 * be restored [choice], nor one the member never deleted and cannot see (a phantom chat's expired message, one
 * before a cleared history). Restoring a message the member sees changes nothing, so a retried restore is harmless.
 * Called under the engine's exclusive lock.
 */
final class MessageRestore {
    private MessageRestore() {
    }

    /**
     * Restores a message for the actor.
     *
     * @param actor a member of the message's chat
     * @param chat the message's chat, which the actor is a member of
     * @param message the message
     * @param now the engine's time
     * @throws NotFoundException with {@code MESSAGE_NOT_FOUND} when it was deleted for everyone, deleted longer than
     *     the window ago, or is otherwise not one the actor can get back
     */
    static void restore(UserId actor, ChatState chat, StoredMessage message, Instant now) {
        if (chat.sees(actor, message, now)) {
            return;
        }
        String id = "message " + MessageId.of(message.id).value();
        if (message.deletedForAll) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, id
                    + " was deleted for everyone and cannot be restored");
        }
        Instant deletedAt = message.hiddenAt.get(actor);
        if (deletedAt == null || !message.hiddenFor.contains(actor)) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, id + " is not one the user deleted");
        }
        Duration window = MessageActionService.RESTORE_WINDOW;
        if (!now.isBefore(deletedAt.plus(window))) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, id + " was deleted more than "
                    + window.toMinutes() + " minutes ago and is gone for good");
        }
        message.hiddenFor.remove(actor);
        message.hiddenAt.remove(actor);
    }
}
