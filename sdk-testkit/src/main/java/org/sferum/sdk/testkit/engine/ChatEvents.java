package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * Who hears which chat event (F-EMB-02), decided once for the fake and the emulator. Called under the engine's
 * lock by the one place of each operation; the events go to the sinks of {@link PlatformEngine#subscribe}, which
 * only queue. Each member gets the event as they see it: a one-to-one chat is {@code direct(otherUser)} and a
 * message is the member's view of it ({@link DirectChats#view}).
 *
 * <p>Bots (F-EMB-08, the MAX Bot API's rule): in a group chat a bot hears messages (sent, deleted) only when it is
 * the chat's owner or an admin, which stands for MAX's {@code read_all_messages} admin permission; a bot never hears
 * its own messages; it hears who joins or leaves on the same condition, and always of itself.
 */
final class ChatEvents {
    private final BiConsumer<UserId, SferumEvent> emit;
    private final BiFunction<StoredMessage, UserId, Message> view;
    private final Predicate<UserId> isBot;

    /**
     * @param emit hands one user's event to their sinks
     * @param view how a member sees a message
     * @param isBot tells which users are bots
     */
    ChatEvents(BiConsumer<UserId, SferumEvent> emit, BiFunction<StoredMessage, UserId, Message> view,
               Predicate<UserId> isBot) {
        this.emit = emit;
        this.view = view;
        this.isBot = isBot;
    }

    /** Whether a member hears a message's events: everyone but a bot that may not read all messages or wrote it. */
    private boolean hearsMessages(ChatState chat, UserId member, StoredMessage message) {
        if (!isBot.test(member)) {
            return true;
        }
        if (member.equals(message.author)) {
            return false;
        }
        return DirectChats.isDirect(chat) || readsAll(chat, member);
    }

    /** Whether a member hears who joins or leaves: everyone but a bot that may not read all, unless it is itself. */
    private boolean hearsMembership(ChatState chat, UserId member, UserId user) {
        return !isBot.test(member) || member.equals(user) || readsAll(chat, member);
    }

    /** Whether a member is the chat's owner or an admin: a bot's {@code read_all_messages}. */
    private static boolean readsAll(ChatState chat, UserId member) {
        ChatMember membership = chat.members.get(member);
        return membership != null
                && (membership.role() == MemberRole.OWNER || membership.role() == MemberRole.ADMIN);
    }

    /** A message was sent or its text changed: every member who sees it now, the author too. */
    void messageSent(ChatState chat, StoredMessage message, Instant now) {
        for (UserId member : List.copyOf(chat.members.keySet())) {
            if (chat.sees(member, message, now) && hearsMessages(chat, member, message)) {
                emit.accept(member, new SferumEvent.MessageSent(DirectChats.idFor(chat, member),
                        view.apply(message, member)));
            }
        }
    }

    /**
     * A message is about to be deleted for everyone: the members who see it until now (not those who deleted it
     * for themselves, cleared it from their history, or saw it expire). Called before the flag is set.
     */
    void deletingForAll(ChatState chat, StoredMessage message, Instant now) {
        for (UserId member : List.copyOf(chat.members.keySet())) {
            if (chat.sees(member, message, now) && hearsMessages(chat, member, message)) {
                emit.accept(member, new SferumEvent.MessageDeleted(DirectChats.idFor(chat, member),
                        MessageId.of(message.id)));
            }
        }
    }

    /** A member read the chat up to a message: every member, the reader too. */
    void read(ChatState chat, UserId reader, long messageId) {
        for (UserId member : List.copyOf(chat.members.keySet())) {
            emit.accept(member, new SferumEvent.MessagesRead(DirectChats.idFor(chat, member), reader,
                    MessageId.of(messageId)));
        }
    }

    /** A member was added or joined by link: every member, the new one too. Called after adding. */
    void memberJoined(ChatState chat, UserId user) {
        for (UserId member : List.copyOf(chat.members.keySet())) {
            if (hearsMembership(chat, member, user)) {
                emit.accept(member, new SferumEvent.MemberJoined(DirectChats.idFor(chat, member), user));
            }
        }
    }

    /** A member left or was removed: every member, the one leaving too (their last). Called before removing. */
    void memberLeft(ChatState chat, UserId user) {
        for (UserId member : List.copyOf(chat.members.keySet())) {
            if (hearsMembership(chat, member, user)) {
                emit.accept(member, new SferumEvent.MemberLeft(DirectChats.idFor(chat, member), user));
            }
        }
    }
}
