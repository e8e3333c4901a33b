package org.sferum.sdk.testkit.engine;

import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatPhoto;
import org.sferum.sdk.users.UserId;

/**
 * The rules of chat avatars (F-CHAT-06): set, replaced and removed as {@link ChatAction#CHANGE_INFO} allows; each
 * image gets a new key, so a replaced image has a new address. Every method runs under the engine's lock.
 */
final class ChatPhotos {
    private ChatPhotos() {
    }

    /** Sets or replaces the image; {@code images} maps keys to the images served. */
    static void set(ChatState chat, UserId actor, ChatPhoto photo, String key, Map<String, ChatPhoto> images) {
        PlatformEngine.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        if (chat.photoKey != null) {
            images.remove(chat.photoKey);
        }
        chat.photoKey = key;
        images.put(key, photo);
    }

    /** Removes the image; nothing changes when there is none [choice]. */
    static void remove(ChatState chat, UserId actor, Map<String, ChatPhoto> images) {
        PlatformEngine.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        if (chat.photoKey != null) {
            images.remove(chat.photoKey);
            chat.photoKey = null;
        }
    }

    /** The image's address: the base, then the key. */
    static Optional<String> url(ChatState chat, String base) {
        return chat.photoKey == null ? Optional.empty() : Optional.of(base + chat.photoKey);
    }
}
