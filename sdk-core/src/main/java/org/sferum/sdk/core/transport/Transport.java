package org.sferum.sdk.core.transport;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request and returns its response, whatever the status. Implementations must be thread-safe; the
 * client calls {@link #execute} from many threads at once and does its own retries, so a transport should not
 * retry by itself.
 *
 * <p>Failures tell the client whether a retry is safe:
 * <ul>
 *   <li>throw {@link java.net.ConnectException}, {@link java.net.UnknownHostException},
 *       {@link java.net.NoRouteToHostException} or {@link java.net.http.HttpConnectTimeoutException} (or any
 *       {@link IOException} caused by one of them) when the request certainly did not reach the server: every
 *       call may then be retried;</li>
 *   <li>any other {@link IOException} (a timeout while waiting for the answer, a reset connection) means the
 *       request may have been carried out: only calls that are safe to repeat are retried.</li>
 * </ul>
 * An {@link java.io.InterruptedIOException} with the thread's interrupt flag set stops the call at once.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends a request and waits for the response, at most {@link TransportRequest#timeout()}.
     *
     * @param request the request
     * @return the response, with any status
     * @throws IOException if no response arrived (connection failed, timed out, was reset or interrupted)
     */
    TransportResponse execute(TransportRequest request) throws IOException;

    /**
     * Sends a request without holding a thread while the answer is awaited: the events' long polls use it, so
     * that many subscriptions share a few threads. The same failures as {@link #execute} complete the future
     * exceptionally. Cancelling the future ({@code cancel(true)}) aborts the request as well as the transport can.
     *
     * <p>The default is for transports that can only block: it runs {@link #execute} on a new daemon thread for the
     * one request, and cancelling the future interrupts that thread. Transports with an asynchronous client (such as
     * {@link JdkHttpTransport}) override it.
     *
     * @param request the request
     * @return the response, with any status, when it arrives
     */
    default CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                answer.complete(execute(request));
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "sferum-transport-wait");
        waiting.setDaemon(true);
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                waiting.interrupt();
            }
        });
        waiting.start();
        return answer;
    }

    /** Releases connections and threads. Idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
