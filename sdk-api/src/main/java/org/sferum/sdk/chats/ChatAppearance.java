package org.sferum.sdk.chats;

import java.util.Locale;
import java.util.Optional;

/**
 * A chat's appearance (F-CHAT-11): the theme every member sees it in, from a fixed set [choice: VK publishes no list;
 * these are the SDK's]. On the wire it is the lower-case {@link #wireName()}.
 */
public enum ChatAppearance {
    /** The standard look; every chat starts with it. */
    DEFAULT,
    /** Spring. */
    SPRING,
    /** Summer. */
    SUMMER,
    /** Autumn. */
    AUTUMN,
    /** Winter. */
    WINTER,
    /** Space. */
    SPACE;

    /**
     * Returns the name on the wire.
     *
     * @return the lower-case name, e.g. {@code "spring"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a name on the wire.
     *
     * @param wireName the lower-case name
     * @return the appearance; empty for an unknown name
     */
    public static Optional<ChatAppearance> fromWire(String wireName) {
        for (ChatAppearance appearance : values()) {
            if (appearance.wireName().equals(wireName)) {
                return Optional.of(appearance);
            }
        }
        return Optional.empty();
    }
}
