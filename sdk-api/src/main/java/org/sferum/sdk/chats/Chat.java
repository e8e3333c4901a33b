package org.sferum.sdk.chats;

import java.util.List;
import java.util.Objects;
import org.sferum.sdk.users.UserId;

/**
 * A group chat's information (F-CHAT-04): its title, owner, members and settings.
 *
 * @param id the chat id
 * @param title the title
 * @param owner the creator
 * @param members the members, owner included
 * @param settings who may do what
 */
public record Chat(ChatId id, String title, UserId owner, List<ChatMember> members, ChatSettings settings) {
    /**
     * Validates and copies the fields.
     *
     * @param id the chat id
     * @param title the title
     * @param owner the creator
     * @param members the members, owner included
     * @param settings who may do what
     */
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        members = List.copyOf(members);
        Objects.requireNonNull(settings, "settings");
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
