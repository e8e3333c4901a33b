package org.sferum.sdk.core.faults;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;

/**
 * A scripted transport in front of a real one (issue 12): each request gets the {@link FaultPlan}'s next fault.
 * Delays past the timeout are not waited for: the transport throws the timeout the real client would, after
 * forwarding the request ({@code DELAY_AFTER}) or after forwarding it once more later ({@code DELAY_BEFORE} forwards
 * it on the next call, as a late request would arrive after a retry).
 */
final class FaultInjectingTransport implements Transport {
    private final Transport delegate;
    private final FaultPlan plan;
    private TransportRequest late;

    FaultInjectingTransport(Transport delegate, FaultPlan plan) {
        this.delegate = delegate;
        this.plan = plan;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        flush();
        Fault fault = plan.next();
        switch (fault) {
            case DROP_BEFORE:
                throw new IOException("connection reset (injected before forwarding)");
            case HTTP_502_BEFORE:
                return status(502);
            case HTTP_429:
                return status(429);
            case VK_6:
                return new TransportResponse(200, Map.of(), FaultPlan.vkError(6));
            case VK_9:
                return new TransportResponse(200, Map.of(), FaultPlan.vkError(9));
            case DELAY_BEFORE:
                synchronized (this) {
                    late = request;
                }
                throw new HttpTimeoutException("request timed out (injected)");
            default:
                break;
        }
        TransportResponse answer = delegate.execute(request);
        switch (fault) {
            case DROP_AFTER:
                throw new IOException("connection reset (injected after forwarding)");
            case HTTP_500_AFTER:
                return status(500);
            case HTTP_503_AFTER:
                return status(503);
            case VK_10_AFTER:
                return new TransportResponse(200, Map.of(), FaultPlan.vkError(10));
            case DELAY_AFTER:
                throw new HttpTimeoutException("request timed out (injected)");
            case TRUNCATE:
                return new TransportResponse(answer.status(), answer.headers(), FaultPlan.truncate(answer.body()));
            case CUT_JSON:
                return new TransportResponse(answer.status(), answer.headers(), FaultPlan.cutJson(answer.body()));
            default:
                return answer;
        }
    }

    /** Forwards a request held back by {@code DELAY_BEFORE}, so that it lands before the checks. */
    void flush() throws IOException {
        TransportRequest arriving;
        synchronized (this) {
            arriving = late;
            late = null;
        }
        if (arriving != null) {
            delegate.execute(arriving);
        }
    }

    private static TransportResponse status(int status) {
        return new TransportResponse(status, Map.of("Content-Type", List.of("text/html")),
                ("<html>" + status + "</html>").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
