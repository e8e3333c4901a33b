package org.sferum.sdk.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A raw HTTP/1.1 client on a plain socket to 127.0.0.1, for tests that must see the exact bytes of an answer (header
 * names as sent) or send what no well-behaved client would (half a request line, a body shorter than declared).
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(URI base, int readTimeoutMs) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
        socket.setSoTimeout(readTimeoutMs);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /**
     * Sends bytes as they are.
     *
     * @param text the bytes, as ISO-8859-1 text
     * @throws IOException if the connection fails
     */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads one answer: the status line and headers as sent, and a body of its {@code Content-Length}.
     *
     * @return the answer
     * @throws IOException if the connection fails or closes before the answer ends
     */
    Answer read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after " + head.size() + " bytes of headers");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
        }
        int status = Integer.parseInt(headers.substring(9, 12));
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Tells whether the server closed the connection (reads end of stream within the read timeout).
     *
     * @return whether it is closed
     */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One answer: status, the header block exactly as received, the body as UTF-8. */
    record Answer(int status, String headers, String body) {
        /** Tells whether a header line is present exactly as given (name case included). */
        boolean hasHeaderLine(String line) {
            return headers.contains("\r\n" + line + "\r\n");
        }
    }
}
