package org.sferum.sdk.chats;

import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.UserId;

/**
 * What a new group chat starts with (F-CHAT-02): a title, the members besides its creator (possibly none, to
 * invite them later by link) and its settings.
 *
 * @param title the title, not blank, at most {@link #MAX_TITLE_LENGTH} characters
 * @param members the members to add besides the creator
 * @param settings who may do what
 */
public record NewChat(String title, Set<UserId> members, ChatSettings settings) {
    /** The longest title accepted. */
    public static final int MAX_TITLE_LENGTH = 128;
    /** The most members one request may add. */
    public static final int MAX_MEMBERS = 1000;

    /**
     * Validates and copies the fields.
     *
     * @param title the title, not blank, at most {@link #MAX_TITLE_LENGTH} characters
     * @param members the members to add besides the creator
     * @param settings who may do what
     */
    public NewChat {
        title = validTitle(title);
        members = Set.copyOf(Checks.notNull(members, "members"));
        Checks.require(members.size() <= MAX_MEMBERS, ErrorCode.INVALID_ARGUMENT,
                "a chat can be created with at most " + MAX_MEMBERS + " members, got " + members.size());
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * A chat with a title and members, with the recommended settings.
     *
     * @param title the title
     * @param members the members besides the creator
     * @return the new chat
     */
    public static NewChat of(String title, Set<UserId> members) {
        return new NewChat(title, members, ChatSettings.ownerOnly());
    }

    /**
     * Returns a copy with other settings.
     *
     * @param newSettings the settings
     * @return the copy
     */
    public NewChat withSettings(ChatSettings newSettings) {
        return new NewChat(title, members, newSettings);
    }

    /**
     * Checks a chat title: trimmed, not blank, at most {@link #MAX_TITLE_LENGTH} characters.
     *
     * @param title the title
     * @return the trimmed title
     */
    public static String validTitle(String title) {
        Checks.notNull(title, "chat title");
        String trimmed = title.strip();
        Checks.require(!trimmed.isEmpty(), ErrorCode.INVALID_CHAT_TITLE,
                "chat title must not be blank; give the chat a name such as «5в Математика»");
        Checks.require(trimmed.codePointCount(0, trimmed.length()) <= MAX_TITLE_LENGTH,
                ErrorCode.INVALID_CHAT_TITLE, "chat title must be at most " + MAX_TITLE_LENGTH + " characters");
        return trimmed;
    }
}
