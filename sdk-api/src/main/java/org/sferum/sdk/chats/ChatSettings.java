package org.sferum.sdk.chats;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * Who may do what in a chat. Every {@link ChatAction} has a level; actions not given take the recommended
 * default, {@link PermissionLevel#OWNER} (F-CHAT-03). A chat where {@link #onlyAdminsWrite() only the owner and
 * admins write} is a school-wide announcement chat (one-to-all, F-CHAT-12): members read it but cannot post.
 *
 * @param levels the level of each action
 * @param onlyAdminsWrite whether only the owner and admins may send messages
 */
public record ChatSettings(Map<ChatAction, PermissionLevel> levels, boolean onlyAdminsWrite) {
    /**
     * Fills missing actions with the default and checks that admins are changed by owner or admins only.
     *
     * @param levels the level of each action
     * @param onlyAdminsWrite whether only the owner and admins may send messages
     */
    public ChatSettings {
        Objects.requireNonNull(levels, "levels");
        EnumMap<ChatAction, PermissionLevel> all = new EnumMap<>(ChatAction.class);
        for (ChatAction action : ChatAction.values()) {
            all.put(action, PermissionLevel.OWNER);
        }
        levels.forEach((action, level) -> all.put(Checks.notNull(action, "chat action"),
                Checks.notNull(level, "permission level")));
        Checks.require(all.get(ChatAction.CHANGE_ADMINS) != PermissionLevel.ALL, ErrorCode.INVALID_ARGUMENT,
                "changing admins can be allowed to the owner, or to the owner and admins, not to all members");
        levels = Map.copyOf(all);
    }

    /**
     * Settings where every member may write.
     *
     * @param levels the level of each action
     */
    public ChatSettings(Map<ChatAction, PermissionLevel> levels) {
        this(levels, false);
    }

    /**
     * The recommended settings: every action for the owner only.
     *
     * @return the settings
     */
    public static ChatSettings ownerOnly() {
        return new ChatSettings(Map.of());
    }

    /**
     * The settings of a school-wide announcement chat (F-CHAT-12): the recommended levels, and only the owner and
     * admins write.
     *
     * @return the settings
     */
    public static ChatSettings announcement() {
        return new ChatSettings(Map.of(), true);
    }

    /**
     * Returns a copy where only the owner and admins write, or everyone does.
     *
     * @param only {@code true} for an announcement chat
     * @return the new settings
     */
    public ChatSettings withOnlyAdminsWrite(boolean only) {
        return new ChatSettings(levels, only);
    }

    /**
     * Returns the level of an action.
     *
     * @param action the action
     * @return its level
     */
    public PermissionLevel level(ChatAction action) {
        return levels.get(action);
    }

    /**
     * Returns a copy with one action's level changed.
     *
     * @param action the action
     * @param level its new level
     * @return the new settings
     */
    public ChatSettings with(ChatAction action, PermissionLevel level) {
        EnumMap<ChatAction, PermissionLevel> copy = new EnumMap<>(levels);
        copy.put(Checks.notNull(action, "chat action"), Checks.notNull(level, "permission level"));
        return new ChatSettings(copy, onlyAdminsWrite);
    }
}
