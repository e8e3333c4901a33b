package org.sferum.sdk.testkit.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatPhoto;
import org.sferum.sdk.users.UserId;

/**
 * The rules of chat avatars (F-CHAT-06): set, replaced and removed as {@link ChatAction#CHANGE_INFO} allows; each
 * image gets a new key, so a replaced image has a new address, and the replaced image's bytes leave the
 * {@link BlobStore}. Uploading an avatar goes through the {@link UploadPipeline}. Every method runs under the engine's
 * lock.
 */
final class ChatPhotos {
    /** The file names of the current images by key; their bytes are in the store under the same key. */
    private final Map<String, String> names = new HashMap<>();
    private final BlobStore blobs;

    ChatPhotos(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Sets or replaces the image under a new key. */
    void set(ChatState chat, UserId actor, ChatPhoto photo, String key) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        forget(chat);
        chat.photoKey = key;
        names.put(key, photo.fileName());
        blobs.put(key, photo.content());
    }

    /** Removes the image; nothing changes when there is none [choice]. */
    void remove(ChatState chat, UserId actor) {
        PlatformState.requireAllowed(chat, actor, ChatAction.CHANGE_INFO);
        forget(chat);
    }

    private void forget(ChatState chat) {
        if (chat.photoKey != null) {
            names.remove(chat.photoKey);
            blobs.remove(chat.photoKey);
            chat.photoKey = null;
        }
    }

    /** A current image by key. */
    Optional<ChatPhoto> image(String key) {
        String name = names.get(key);
        return name == null ? Optional.empty() : blobs.get(key).map(content -> ChatPhoto.of(name, content));
    }

    /** The image's address: the base, then the key. */
    static Optional<String> url(ChatState chat, String base) {
        return chat.photoKey == null ? Optional.empty() : Optional.of(base + chat.photoKey);
    }
}
