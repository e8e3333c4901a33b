package org.sferum.sdk.testkit.engine;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * One-to-one chats, contacts and who may write where (F-CHAT-12, F-ACC-01). Called by {@link PlatformEngine}
 * under its lock only.
 *
 * <p>A one-to-one chat is a {@link ChatState} with {@link ChatState#direct} set, kept in the engine's chat map
 * under an internal group id counted down from {@link ChatId#MAX_LOCAL_ID} (so group chats keep their numbers
 * 1, 2, 3…). That id never leaves the engine: each user addresses the chat as {@code ChatId.direct(otherUser)} and
 * sees its messages with that id ({@link #view}).
 *
 * <p>Contacts [choice]: the users who share a group chat with the user. The engine knows no schools, so a user
 * of another school (the demo's outsider) becomes reachable once they share a chat, and stops being reachable
 * (for new messages) when they no longer do; an existing one-to-one chat stays readable.
 */
final class DirectChats {
    private static final Collator RUSSIAN = Collator.getInstance(Locale.forLanguageTag("ru-RU"));
    /** Sorts people by last name, then first name, then id. */
    static final Comparator<Person> BY_NAME = Comparator.comparing(Person::lastName, RUSSIAN)
            .thenComparing(Person::firstName, RUSSIAN)
            .thenComparingLong(p -> p.id().value());

    private final Map<Long, ChatState> chats;
    private final Function<UserId, Person> people;
    private final Map<Pair, ChatState> byPair = new HashMap<>();
    private long nextInternalLocalId = ChatId.MAX_LOCAL_ID;

    /**
     * Creates the one-to-one chats of an engine.
     *
     * @param chats the engine's chats by peer id (group chats and one-to-one chats)
     * @param people finds a user's person, failing with {@code USER_NOT_FOUND}
     */
    DirectChats(Map<Long, ChatState> chats, Function<UserId, Person> people) {
        this.chats = chats;
        this.people = people;
    }

    /** The two users of a one-to-one chat, the lower id first. */
    record Pair(UserId low, UserId high) {
        static Pair of(UserId a, UserId b) {
            return a.value() < b.value() ? new Pair(a, b) : new Pair(b, a);
        }

        UserId other(UserId user) {
            return user.equals(low) ? high : low;
        }
    }

    /**
     * Finds the one-to-one chat of the actor with the user a direct id names, opening it when the two are
     * contacts.
     *
     * @param actor who asks
     * @param id {@code ChatId.direct(other)}
     * @param now the time, for a chat opened now
     * @return the chat
     */
    ChatState open(UserId actor, ChatId id, Instant now) {
        UserId other = UserId.of(id.peerId());
        if (other.equals(actor)) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "a one-to-one chat needs another user; user " + actor.value() + " cannot write to themself");
        }
        people.apply(other);
        Pair pair = Pair.of(actor, other);
        ChatState chat = byPair.get(pair);
        if (chat != null) {
            return chat;
        }
        requireContact(actor, other);
        ChatId internal = ChatId.group(nextInternalLocalId--);
        chat = new ChatState(internal, actor, "", ChatSettings.ownerOnly(), now);
        chat.addMember(pair.low(), MemberRole.MEMBER, actor, now);
        chat.addMember(pair.high(), MemberRole.MEMBER, actor, now);
        chat.direct = pair;
        byPair.put(pair, chat);
        chats.put(internal.peerId(), chat);
        return chat;
    }

    /**
     * Tells whether a chat belongs in its members' chat lists: group chats always, one-to-one chats once they hold
     * a message [choice] (opening one to read it leaves no empty row in either list).
     */
    static boolean listed(ChatState chat) {
        return chat.direct == null || !chat.messages.isEmpty();
    }

    /** Tells whether a chat is a one-to-one chat. */
    static boolean isDirect(ChatState chat) {
        return chat.direct != null;
    }

    /** Returns the id a member addresses the chat by: the group id, or {@code direct(otherUser)}. */
    static ChatId idFor(ChatState chat, UserId reader) {
        return chat.direct == null ? chat.id : ChatId.direct(chat.direct.other(reader));
    }

    /** Returns the title a member sees: the group's title, or the other user's name. */
    String titleFor(ChatState chat, UserId reader) {
        return chat.direct == null ? chat.title : people.apply(chat.direct.other(reader)).displayName();
    }

    /**
     * Returns a stored message as a member of its chat sees it: in a one-to-one chat, its chat is
     * {@code direct(otherUser)}.
     *
     * @param message the message
     * @param reader a member of its chat
     * @return the message
     */
    Message view(StoredMessage message, UserId reader) {
        Message plain = message.toMessage(reader);
        ChatState chat = chats.get(message.chat.peerId());
        if (chat == null || chat.direct == null) {
            return plain;
        }
        return new Message(plain.id(), ChatId.direct(chat.direct.other(reader)), plain.conversationMessageId(),
                plain.author(), plain.text(), plain.sentAt(), plain.editedAt(), plain.replyTo(), plain.attachments(),
                plain.forwarded(), plain.important());
    }

    /**
     * Checks that the actor may post in a chat: in a one-to-one chat, the other user must still be a contact; in
     * an announcement chat, the actor must be its owner or an admin.
     *
     * @param chat a chat the actor is a member of
     * @param actor the author
     */
    void requireCanWrite(ChatState chat, UserId actor) {
        ErrorCode refusal = writeRefusal(chat, actor);
        if (refusal == ErrorCode.NOT_A_CONTACT) {
            throw notAContact(actor, chat.direct.other(actor));
        }
        if (refusal == ErrorCode.WRITING_DISABLED) {
            throw new PermissionDeniedException(ErrorCode.WRITING_DISABLED, "only the owner and admins write in chat "
                    + chat.id.localId() + " (an announcement chat); members read it");
        }
    }

    /**
     * Tells why the actor may not post in a chat.
     *
     * @param chat a chat the actor is a member of
     * @param actor the author
     * @return {@code NOT_A_CONTACT}, {@code WRITING_DISABLED}, or {@code null} when the actor may post
     */
    ErrorCode writeRefusal(ChatState chat, UserId actor) {
        if (chat.direct != null) {
            return isContact(actor, chat.direct.other(actor)) ? null : ErrorCode.NOT_A_CONTACT;
        }
        if (chat.settings.onlyAdminsWrite()) {
            MemberRole role = chat.members.get(actor).role();
            if (role != MemberRole.OWNER && role != MemberRole.ADMIN) {
                return ErrorCode.WRITING_DISABLED;
            }
        }
        return null;
    }

    /**
     * Tells whether a message of another chat may be the reply target of a message in this chat: only a private
     * reply (F-MSG-09), that is a one-to-one chat answering a group chat message of the other user that the actor
     * can see.
     *
     * @param chat the chat replied in
     * @param target the message replied to, in another chat
     * @param actor the author of the reply
     * @return whether the reply is a private reply
     */
    boolean isPrivateReply(ChatState chat, StoredMessage target, UserId actor) {
        if (chat.direct == null || !target.author.equals(chat.direct.other(actor))) {
            return false;
        }
        ChatState source = chats.get(target.chat.peerId());
        return source != null && source.direct == null && source.isMember(actor);
    }

    /**
     * Tells whether two users are contacts: they share a group chat.
     *
     * @param a one user
     * @param b the other
     * @return whether they are contacts
     */
    boolean isContact(UserId a, UserId b) {
        for (ChatState chat : chats.values()) {
            if (chat.direct == null && chat.isMember(a) && chat.isMember(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lists a user's contacts by name (F-ACC-01).
     *
     * @param actor the user
     * @return the contacts
     */
    List<Person> contacts(UserId actor) {
        Set<UserId> found = new LinkedHashSet<>();
        for (ChatState chat : chats.values()) {
            if (chat.direct == null && chat.isMember(actor)) {
                found.addAll(chat.members.keySet());
            }
        }
        found.remove(actor);
        List<Person> out = new ArrayList<>(found.size());
        for (UserId user : found) {
            out.add(people.apply(user));
        }
        out.sort(BY_NAME);
        return out;
    }

    private void requireContact(UserId actor, UserId other) {
        if (!isContact(actor, other)) {
            throw notAContact(actor, other);
        }
    }

    private static PermissionDeniedException notAContact(UserId actor, UserId other) {
        Objects.requireNonNull(other, "other");
        return new PermissionDeniedException(ErrorCode.NOT_A_CONTACT, "user " + other.value()
                + " is not a contact of user " + actor.value()
                + ": a one-to-one chat needs a shared group chat (see Contacts.list)");
    }
}
