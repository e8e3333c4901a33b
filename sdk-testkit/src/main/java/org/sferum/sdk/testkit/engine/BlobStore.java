package org.sferum.sdk.testkit.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
     * Stores what a stream gives under a key, replacing any there, as long as it is at most {@code limit} bytes.
     * The stream is read to its end or until it passes the limit; a store with a memory cap must not hold more of
     * it in memory than that cap. Nothing is kept when the stream passes the limit or fails.
     *
     * @param key the key
     * @param content the bytes; read, not closed
     * @param limit the most bytes accepted
     * @return the number of bytes stored, or {@code -1} when the stream gave more than {@code limit} (nothing kept)
     * @throws IOException if the stream fails (nothing kept)
     */
    default long put(String key, InputStream content, long limit) throws IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            return -1;
        }
        put(key, bytes);
        return bytes.length;
    }

    /**
     * Opens bytes for streaming, so that serving a large blob needs no copy of it in memory.
     *
     * @param key the key
     * @return a stream of the bytes, to be closed by the caller; empty for an unknown or removed key
     */
    default Optional<InputStream> open(String key) {
        return get(key).map(ByteArrayInputStream::new);
    }

    /**
     * Reads the first bytes of a blob, for type checks by magic numbers.
     *
     * @param key the key
     * @param max the most bytes to read
     * @return up to {@code max} first bytes; empty for an unknown key
     */
    default Optional<byte[]> head(String key, int max) {
        Optional<InputStream> in = open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readNBytes(max));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

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
