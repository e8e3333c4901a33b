package org.sferum.sdk.core.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the client hands it to a {@link Transport}. The body array is not copied (requests are on
 * the hot path); neither side may change it. {@link #toString()} hides the credentials and the body.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param uri the absolute address
 * @param headers the headers, by name; names as the client wrote them
 * @param body the body; empty for none
 * @param timeout how long to wait for the whole response
 */
public record TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                               Duration timeout) {
    private static final byte[] NO_BODY = new byte[0];

    /**
     * Validates the fields and freezes the headers.
     *
     * @param method the HTTP method, such as {@code POST}
     * @param uri the absolute address
     * @param headers the headers, by name; names as the client wrote them
     * @param body the body; empty for none
     * @param timeout how long to wait for the whole response
     */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = freeze(Objects.requireNonNull(headers, "headers"));
        body = body == null ? NO_BODY : body;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Returns the first value of a header, ignoring the case of its name.
     *
     * @param name the header name
     * @return the value, or {@code null} when absent
     */
    public String header(String name) {
        return firstValue(headers, name);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("TransportRequest[").append(method).append(' ').append(uri)
                .append(", headers={");
        boolean first = true;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            boolean secret = lower.equals("authorization") || lower.equals("proxy-authorization")
                    || lower.equals("cookie");
            out.append(header.getKey()).append('=').append(secret ? "[redacted]" : header.getValue());
        }
        return out.append("}, body=").append(body.length).append(" bytes, timeout=").append(timeout).append(']')
                .toString();
    }

    static Map<String, List<String>> freeze(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "header name"),
                List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    static String firstValue(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * Starts a mutable header map for building a request, keeping the order of insertion.
     *
     * @return an empty map
     */
    public static Map<String, List<String>> newHeaders() {
        return new LinkedHashMap<>();
    }

    /**
     * Adds one header value to a map started by {@link #newHeaders()}.
     *
     * @param headers the map
     * @param name the header name
     * @param value the value
     */
    public static void addHeader(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(Objects.requireNonNull(value, "header value"));
    }
}
