package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader: parts and their exact bytes, across buffer edges, and malformed bodies. */
class MultipartStreamTest {
    private static byte[] body(String boundary, byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("preamble\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nУрок"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Feeds the body a few bytes at a time, as a slow network does. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    @DisplayName("F-ATT-03 parts are read in order with their exact bytes, including near-boundary bytes and CRLFs")
    void readsPartsExactly() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 70, MultipartStream.BUFFER - 1, MultipartStream.BUFFER + 3, 300_000}) {
            byte[] file = new byte[size];
            random.nextBytes(file);
            if (size > 40) {
                byte[] almost = "\r\n--b0undary-x".getBytes(StandardCharsets.ISO_8859_1); // a near-miss
                System.arraycopy(almost, 0, file, size / 2, almost.length);
            }
            for (int chunk : new int[] {1, 7, 100_000}) {
                if (chunk == 1 && size > 100_000) {
                    continue;
                }
                MultipartStream parts = new MultipartStream(trickle(body("b0undary-xyz", file), chunk), "b0undary-xyz");
                MultipartStream.Part title = parts.next().orElseThrow();
                assertEquals("title", title.name());
                assertEquals("Урок", new String(parts.content().readAllBytes(), StandardCharsets.UTF_8));
                MultipartStream.Part part = parts.next().orElseThrow();
                assertEquals("file", part.name());
                assertEquals("a.bin", part.fileName());
                assertArrayEquals(file, parts.content().readAllBytes(), "size " + size + ", chunk " + chunk);
                assertTrue(parts.next().isEmpty());
            }
        }
    }

    @Test
    @DisplayName("F-ATT-03 an unread part is skipped by next()")
    void skipsUnreadParts() throws IOException {
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(body("bb", new byte[100_000])), "bb");
        assertEquals("title", parts.next().orElseThrow().name());
        assertEquals("file", parts.next().orElseThrow().name());
        assertTrue(parts.next().isEmpty());
    }

    @Test
    @DisplayName("F-ATT-03 a body cut before its closing boundary, or with endless headers, is refused as malformed")
    void malformedBodies() throws IOException {
        byte[] full = body("bb", new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 20);
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(cut), "bb");
        parts.next();
        parts.next();
        assertThrows(MultipartStream.Malformed.class, () -> parts.content().readAllBytes());
        byte[] endless = ("--bb\r\nX: " + "a".repeat(MultipartStream.MAX_HEADER_BYTES + 10) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        MultipartStream headers = new MultipartStream(new ByteArrayInputStream(endless), "bb");
        assertThrows(MultipartStream.Malformed.class, headers::next);
        MultipartStream none = new MultipartStream(new ByteArrayInputStream("no parts here".getBytes(
                StandardCharsets.ISO_8859_1)), "bb");
        assertThrows(MultipartStream.Malformed.class, none::next);
    }
}
