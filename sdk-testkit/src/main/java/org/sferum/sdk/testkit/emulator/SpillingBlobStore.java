package org.sferum.sdk.testkit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sferum.sdk.testkit.engine.BlobStore;

/**
 * The emulator's {@link BlobStore}: blobs up to {@link #SPILL_THRESHOLD} stay in memory while all in-memory blobs
 * together stay under {@link #MEMORY_CAP}; larger ones, and any that would pass the cap, are written to files in a
 * temporary directory of their own, removed with their key (the engine removes a blob with its ticket or
 * attachment) and all at {@link #close()}.
 */
final class SpillingBlobStore implements BlobStore, AutoCloseable {
    /** The largest blob kept in memory. */
    static final int SPILL_THRESHOLD = 1 << 20;
    /** The most bytes kept in memory by all blobs together. */
    static final long MEMORY_CAP = 64L << 20;

    private final Map<String, Object> blobs = new ConcurrentHashMap<>(); // byte[] or Path
    private final AtomicLong inMemory = new AtomicLong();
    private final long memoryCap;
    private final int threshold;
    private volatile Path dir;

    SpillingBlobStore() {
        this(MEMORY_CAP, SPILL_THRESHOLD);
    }

    SpillingBlobStore(long memoryCap, int threshold) {
        this.memoryCap = memoryCap;
        this.threshold = threshold;
    }

    @Override
    public void put(String key, byte[] content) {
        remove(key);
        long size = content.length;
        if (size <= threshold && inMemory.addAndGet(size) <= memoryCap) {
            blobs.put(key, content.clone());
            return;
        }
        if (size <= threshold) {
            inMemory.addAndGet(-size);
        }
        try {
            Path file = Files.createTempFile(directory(), "blob", ".bin");
            Files.write(file, content);
            blobs.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator cannot spill an upload to disk: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Object blob = blobs.get(key);
        if (blob instanceof byte[] bytes) {
            return Optional.of(bytes.clone());
        }
        if (blob instanceof Path file) {
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                return Optional.empty(); // removed meanwhile
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(String key) {
        Object blob = blobs.remove(key);
        if (blob instanceof byte[] bytes) {
            inMemory.addAndGet(-bytes.length);
        } else if (blob instanceof Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /**
     * Returns the bytes held in memory now.
     *
     * @return the bytes
     */
    long bytesInMemory() {
        return inMemory.get();
    }

    /**
     * Returns how many blobs are on disk now.
     *
     * @return the count
     */
    long blobsOnDisk() {
        return blobs.values().stream().filter(Path.class::isInstance).count();
    }

    private synchronized Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("sferum-emulator-blobs");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    /** Removes every blob and the directory. */
    @Override
    public void close() {
        for (String key : blobs.keySet()) {
            remove(key);
        }
        Path d = dir;
        if (d != null) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                d.toFile().deleteOnExit();
            }
        }
    }
}
