package org.sferum.sdk.roster.plan;

import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A chat as the platform has it, seen by the planner.
 *
 * @param id the platform's id of the chat (opaque to the planner)
 * @param key the automatic chat's key, or {@code null} for a chat made by hand (never touched)
 * @param archived whether the chat is archived
 * @param members the members that are linked school accounts (the owner and members linked to no school account
 *                are not listed, and never removed)
 */
public record PlatformChat(String id, AutomaticChatKey key, boolean archived, Set<SchoolAccountId> members) {
    /**
     * Checks and copies the fields.
     *
     * @param id the chat's id
     * @param key the key, or {@code null}
     * @param archived whether archived
     * @param members the members
     */
    public PlatformChat {
        Objects.requireNonNull(id, "id");
        members = Set.copyOf(members);
    }

    /**
     * Tells whether the sync made the chat and may change it.
     *
     * @return whether it has a key
     */
    public boolean automatic() {
        return key != null;
    }
}
