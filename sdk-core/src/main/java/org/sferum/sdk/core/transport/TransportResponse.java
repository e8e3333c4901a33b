package org.sferum.sdk.core.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response as a {@link Transport} returns it. The body array is not copied; neither side may change it.
 * {@link #toString()} shows the size of the body, not its content.
 *
 * @param status the HTTP status
 * @param headers the headers, by name
 * @param body the body; empty for none
 */
public record TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];

    /**
     * Validates the fields and freezes the headers.
     *
     * @param status the HTTP status
     * @param headers the headers, by name
     * @param body the body; empty for none
     */
    public TransportResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status must have three digits, got " + status);
        }
        headers = TransportRequest.freeze(Objects.requireNonNull(headers, "headers"));
        body = body == null ? NO_BODY : body;
    }

    /**
     * Returns the first value of a header, ignoring the case of its name.
     *
     * @param name the header name
     * @return the value, or {@code null} when absent
     */
    public String header(String name) {
        return TransportRequest.firstValue(headers, name);
    }

    @Override
    public String toString() {
        return "TransportResponse[status=" + status + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }
}
