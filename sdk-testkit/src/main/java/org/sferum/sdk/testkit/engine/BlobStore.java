package org.sferum.sdk.testkit.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the engine keeps the bytes of uploads, saved attachments and chat images, by key. The engine decides what is
 * kept and for how long (an upload's bytes go with its ticket's expiry); a store only holds them. The default keeps
 * them in memory; a store with a memory cap that spills to disk can be given to {@link PlatformEngine}.
 *
 * <p>Implementations must be thread-safe. Keys are the engine's secrets (URL-safe Base64 and {@code _}).
 */
public interface BlobStore {
    /**
     * Stores bytes under a key, replacing any there.
     *
     * @param key the key
     * @param content the bytes; the store keeps its own copy or takes ownership, the caller does not change them
     */
    void put(String key, byte[] content);

    /**
     * Reads bytes.
     *
     * @param key the key
     * @return a copy of the bytes; empty for an unknown or removed key
     */
    Optional<byte[]> get(String key);

    /**
     * Removes bytes; nothing happens for an unknown key.
     *
     * @param key the key
     */
    void remove(String key);

    /**
     * A store that keeps everything in memory, without a limit.
     *
     * @return a new, empty store
     */
    static BlobStore inMemory() {
        return new BlobStore() {
            private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

            @Override
            public void put(String key, byte[] content) {
                blobs.put(key, content);
            }

            @Override
            public Optional<byte[]> get(String key) {
                byte[] content = blobs.get(key);
                return content == null ? Optional.empty() : Optional.of(content.clone());
            }

            @Override
            public void remove(String key) {
                blobs.remove(key);
            }
        };
    }
}
