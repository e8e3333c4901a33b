package org.sferum.sdk.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * attachment) and all at {@link #close()}. Streamed puts ({@link #put(String, InputStream, long)}) never hold more
 * than {@link #SPILL_THRESHOLD} plus {@link #COPY_BUFFER} bytes of one blob in memory, and {@link #open} streams a
 * blob out of its file.
 */
final class SpillingBlobStore implements BlobStore, AutoCloseable {
    /** The largest blob kept in memory. */
    static final int SPILL_THRESHOLD = 1 << 20;
    /** The most bytes kept in memory by all blobs together. */
    static final long MEMORY_CAP = 64L << 20;
    /** The buffer a blob streamed to disk is copied through. */
    static final int COPY_BUFFER = 64 * 1024;

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

    /**
     * Streams a blob in: up to {@link #SPILL_THRESHOLD} bytes are read into memory; a blob that turns out larger,
     * or would pass the memory cap, goes on to a file through a 64 KB buffer, so a blob of any size costs at most
     * the threshold plus that buffer of heap.
     */
    @Override
    public long put(String key, InputStream content, long limit) throws IOException {
        remove(key);
        byte[] first = content.readNBytes((int) Math.min(threshold + 1L, limit + 1));
        if (first.length > limit) {
            return -1;
        }
        if (first.length <= threshold) {
            if (inMemory.addAndGet(first.length) <= memoryCap) {
                blobs.put(key, first);
                return first.length;
            }
            inMemory.addAndGet(-first.length);
        }
        Path file = Files.createTempFile(directory(), "blob", ".bin");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(first);
            long size = first.length;
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = content.read(buffer)) >= 0) {
                size += n;
                if (size > limit) {
                    return -1;
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            blobs.put(key, file);
            return size;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        Object blob = blobs.get(key);
        if (blob instanceof byte[] bytes) {
            return Optional.of(new ByteArrayInputStream(bytes));
        }
        if (blob instanceof Path file) {
            try {
                return Optional.of(Files.newInputStream(file));
            } catch (IOException e) {
                return Optional.empty(); // removed meanwhile
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> get(String key) {
        Optional<InputStream> in = open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        } catch (IOException e) {
            return Optional.empty(); // removed meanwhile
        }
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
