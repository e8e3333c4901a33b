package org.sferum.sdk.chats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * A group chat's information (F-CHAT-04): its title, owner, members and settings.
 *
 * @param id the chat id
 * @param title the title
 * @param owner the creator
 * @param members the members, owner included
 * @param settings who may do what
 * @param photoUrl where the chat's avatar image is served (F-CHAT-06); empty when it has none
 * @param appearance the theme every member sees the chat in (F-CHAT-11)
 */
public record Chat(ChatId id, String title, UserId owner, List<ChatMember> members, ChatSettings settings,
                   Optional<String> photoUrl, ChatAppearance appearance) {
    /**
     * Validates and copies the fields.
     *
     * @param id the chat id
     * @param title the title
     * @param owner the creator
     * @param members the members, owner included
     * @param settings who may do what
     * @param photoUrl where the chat's avatar image is served (F-CHAT-06); empty when it has none
     * @param appearance the theme every member sees the chat in (F-CHAT-11)
     */
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        members = List.copyOf(members);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(photoUrl, "photoUrl");
        Objects.requireNonNull(appearance, "appearance");
    }

    /**
     * Creates a chat in the default appearance.
     *
     * @param id the chat id
     * @param title the title
     * @param owner the creator
     * @param members the members, owner included
     * @param settings who may do what
     * @param photoUrl where the chat's avatar image is served (F-CHAT-06); empty when it has none
     */
    public Chat(ChatId id, String title, UserId owner, List<ChatMember> members, ChatSettings settings,
                Optional<String> photoUrl) {
        this(id, title, owner, members, settings, photoUrl, ChatAppearance.DEFAULT);
    }

    /**
     * Creates a chat without an avatar.
     *
     * @param id the chat id
     * @param title the title
     * @param owner the creator
     * @param members the members, owner included
     * @param settings who may do what
     */
    public Chat(ChatId id, String title, UserId owner, List<ChatMember> members, ChatSettings settings) {
        this(id, title, owner, members, settings, Optional.empty(), ChatAppearance.DEFAULT);
    }

    /**
     * Tells whether a user is a member.
     *
     * @param user the user
     * @return whether the user is among the members
     */
    public boolean hasMember(UserId user) {
        return members.stream().anyMatch(m -> m.user().equals(user));
    }
}
