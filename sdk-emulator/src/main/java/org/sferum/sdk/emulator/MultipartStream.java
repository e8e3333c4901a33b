package org.sferum.sdk.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as a stream: part after part, each part's content as an
 * {@link InputStream} that ends at the next delimiter. It holds one buffer of {@link #BUFFER} bytes plus the
 * delimiter, whatever the size of the parts, so an upload of any size is streamed straight to where it is kept.
 *
 * <p>Not thread-safe; one reader per request.
 */
final class MultipartStream {
    /** The size of the read buffer. */
    static final int BUFFER = 64 * 1024;
    /** The most bytes of one part's headers. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    /** {@code CRLF--boundary}: what ends a part (the body is read as if it began with a CRLF). */
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int end;
    private boolean eof;
    /** Whether the stream stands inside a part's content (or the preamble), before its delimiter. */
    private boolean inContent = true;
    private boolean finished;

    /** The body is not well-formed multipart (as opposed to the connection failing). */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * One part's headers: the field name and the file name ({@code null} when the part has none).
     *
     * @param name the {@code name} of its {@code Content-Disposition}
     * @param fileName the {@code filename}, or {@code null}
     */
    record Part(String name, String fileName) {
    }

    /**
     * Starts reading a body.
     *
     * @param in the body
     * @param boundary the boundary of the content type
     */
    MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /**
     * Skips what is left of the current part (or the preamble) and reads the next part's headers.
     *
     * @return the next part, empty after the closing delimiter
     * @throws Malformed if the body ends early or is malformed
     * @throws IOException if the connection fails
     */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (inContent) {
            InputStream rest = content();
            byte[] skip = new byte[8192];
            while (rest.read(skip) >= 0) {
                // skipped
            }
        }
        fill(2);
        if (end - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        String headers = readHeaders();
        inContent = true;
        return Optional.of(new Part(Multipart.param(headers, "name"), Multipart.param(headers, "filename")));
    }

    /**
     * The current part's content, up to the next delimiter; reading it to the end moves the stream to the delimiter.
     *
     * @return the content
     */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readContent(b, off, len);
            }
        };
    }

    private int readContent(byte[] b, int off, int len) throws IOException {
        if (!inContent) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        fill(delimiter.length);
        int found = indexOf(delimiter, pos, end);
        int safe;
        if (found >= 0) {
            safe = found;
        } else if (eof) {
            throw new Malformed("the multipart body ends without its closing boundary");
        } else {
            safe = end - delimiter.length + 1; // a delimiter may start after this
        }
        if (safe == pos) {
            if (found == pos) {
                pos += delimiter.length;
                inContent = false;
                return -1;
            }
            throw new IllegalStateException("the buffer holds at least one delimiter's length");
        }
        int n = Math.min(len, safe - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Reads until at least {@code want} bytes are buffered or the body ends. */
    private void fill(int want) throws IOException {
        if (end - pos >= want || eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        while (end - pos < want && !eof) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    private int indexOf(byte[] needle, int from, int to) {
        int last = to - needle.length;
        byte first = needle[0];
        for (int i = from; i <= last; i++) {
            if (buf[i] == first && Arrays.equals(buf, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the rest of the delimiter line and the part's header lines, up to the empty line. */
    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        int total = 0;
        boolean firstLine = true;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new Malformed("a multipart part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (firstLine) {
                firstLine = false; // transport padding after the delimiter (RFC 2046): ignored
                continue;
            }
            if (line.isEmpty()) {
                return headers.toString();
            }
            headers.append(line).append("\r\n");
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            fill(2);
            if (end - pos < 2) {
                throw new Malformed("the multipart body ends inside a part's headers");
            }
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                return line.toString();
            }
            line.append((char) (buf[pos++] & 0xFF));
            if (line.length() > MAX_HEADER_BYTES) {
                throw new Malformed("a multipart header line is longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }
}
