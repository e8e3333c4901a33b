package org.sferum.sdk.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.spi.OutgoingRequest;

/**
 * One attempt of a call as {@link org.sferum.sdk.spi.RequestInterceptor#beforeSend} sees it. Interceptors may
 * add headers until the attempt is sent; the headers the SDK owns (credentials, the request id, the body's type
 * and length, hop-by-hop headers) cannot be set.
 */
public final class AttemptRequest implements OutgoingRequest {
    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "x-request-id",
            "content-type", "content-length", "host", "connection", "expect", "upgrade", "transfer-encoding",
            "te", "trailer", "keep-alive");

    private final String operation;
    private final int attempt;
    private final String requestId;
    private final List<String[]> headers = new ArrayList<>(2);
    private boolean sealed;

    /**
     * Creates the attempt.
     *
     * @param operation the VK API method
     * @param attempt the attempt, from 1
     * @param requestId the call's id
     */
    public AttemptRequest(String operation, int attempt, String requestId) {
        this.operation = operation;
        this.attempt = attempt;
        this.requestId = requestId;
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    /**
     * Adds a header to this attempt.
     *
     * @param name the header name, an HTTP token
     * @param value the value, without line breaks
     * @throws IllegalArgumentException for a header the SDK owns (such as {@code Authorization}) or a malformed
     *     one
     * @throws IllegalStateException once the attempt was sent
     */
    @Override
    public synchronized void header(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (sealed) {
            throw new IllegalStateException("headers can only be added in beforeSend, before the attempt is sent");
        }
        if (!isToken(name)) {
            throw new IllegalArgumentException("not a valid HTTP header name: " + name);
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the " + name + " header is set by the SDK; interceptors cannot set it");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header values must not contain line breaks");
        }
        headers.add(new String[] {name, value});
    }

    /**
     * Ends the time when headers can be added and returns them.
     *
     * @return the headers the interceptors added, as name and value pairs
     */
    public synchronized List<String[]> seal() {
        sealed = true;
        return headers;
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "OutgoingRequest[" + operation + " attempt " + attempt + ", " + requestId + "]";
    }
}
