package org.sferum.sdk.chats;

import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.users.UserId;

/**
 * A member of a chat.
 *
 * @param user the member
 * @param role the member's role
 * @param invitedBy who added the member
 * @param joinedAt when the member joined
 */
public record ChatMember(UserId user, MemberRole role, UserId invitedBy, Instant joinedAt) {
    /**
     * Validates the fields.
     *
     * @param user the member
     * @param role the member's role
     * @param invitedBy who added the member
     * @param joinedAt when the member joined
     */
    public ChatMember {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
