package org.sferum.sdk.core.max;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of a server that, once, cuts the connection in the middle of a request: after
 * {@code cutAt} bytes sent by clients over all connections, it forwards up to that byte and closes both sides, as a
 * network that fails during a large upload. Everything before and after goes through untouched.
 */
final class CuttingRelay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long cutAt;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();

    CuttingRelay(URI target, long cutAt) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.cutAt = cutAt;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "cutting-relay");
        accepting.setDaemon(true);
        accepting.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Whether the connection was cut. */
    boolean didCut() {
        return cut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                start(() -> pipe(client, upstream, true));
                start(() -> pipe(upstream, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "cutting-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private void pipe(Socket from, Socket to, boolean request) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (request && !cut.get()) {
                    long before = sent.getAndAdd(n);
                    if (before + n >= cutAt && cut.compareAndSet(false, true)) {
                        out.write(buffer, 0, (int) (cutAt - before));
                        out.flush();
                        from.close();
                        to.close();
                        return;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
