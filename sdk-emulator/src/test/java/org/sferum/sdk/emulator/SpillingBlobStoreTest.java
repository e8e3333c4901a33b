package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** F-ATT-01, issue 9: the emulator's blob store keeps memory under its cap and spills the rest to disk. */
class SpillingBlobStoreTest {
    @Test
    @DisplayName("F-ATT-01 small blobs stay in memory under the cap; large ones and overflow spill; remove frees both")
    void capAndSpill() {
        try (SpillingBlobStore store = new SpillingBlobStore(800, 400)) {
            byte[] small = new byte[300];
            Arrays.fill(small, (byte) 7);
            store.put("a", small);
            store.put("b", small);
            store.put("c", small); // would pass the 800-byte cap: spilled
            byte[] large = new byte[5000];
            Arrays.fill(large, (byte) 9);
            store.put("d", large); // over the threshold: spilled
            assertEquals(600, store.bytesInMemory());
            assertEquals(2, store.blobsOnDisk());
            assertArrayEquals(small, store.get("c").orElseThrow());
            assertArrayEquals(large, store.get("d").orElseThrow());
            store.remove("a");
            store.remove("d");
            assertEquals(300, store.bytesInMemory());
            assertEquals(1, store.blobsOnDisk());
            assertTrue(store.get("d").isEmpty());
            store.put("b", new byte[10]); // replacing frees the old bytes
            assertEquals(10, store.bytesInMemory());
        }
    }
}
