package org.sferum.sdk.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for webhook tests (the test module does not read {@code jdk.httpserver}):
 * one request per connection, the handler gets the headers (lower-case names) and the body and returns the status.
 */
final class LoopbackReceiver implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    LoopbackReceiver(BiFunction<Map<String, String>, byte[], Integer> handler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    Map<String, String> headers = new HashMap<>();
                    String line = readLine(in);
                    while (!(line = readLine(in)).isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    line.substring(colon + 1).trim());
                        }
                    }
                    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                    byte[] body = in.readNBytes(length);
                    int status = handler.apply(headers, body);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    // closed, or a client that went away: wait for the next one
                }
            }
        }, "loopback-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
