package org.sferum.sdk.compat;

import com.vk.api.sdk.client.ClientResponse;
import com.vk.api.sdk.httpclient.HttpTransportClient;
import java.io.IOException;
import org.apache.http.Header;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VK Java SDK's own {@link HttpTransportClient}, with response header names in their canonical case
 * ({@code Content-Type}).
 *
 * <p>Why: the SDK's {@code ApiRequest} looks the response's {@code Content-Type} up in a case-sensitive map and
 * fails with "No content type header" otherwise, although HTTP header names are case-insensitive (RFC 9110 §5.1).
 * The JDK's {@code com.sun.net.httpserver}, which the emulator runs on, normalizes every header name it sends to
 * {@code Content-type}. Nothing else changes: same HTTP client, same requests, same parsing.
 */
final class CanonicalHeaderTransport extends HttpTransportClient {

    @Override
    public ClientResponse post(String url, String body) throws IOException {
        return canonical(super.post(url, body));
    }

    @Override
    public ClientResponse post(String url, String body, String contentType) throws IOException {
        return canonical(super.post(url, body, contentType));
    }

    @Override
    public ClientResponse post(String url, String body, Header[] requestHeaders) throws IOException {
        return canonical(super.post(url, body, requestHeaders));
    }

    @Override
    public ClientResponse get(String url, Header[] requestHeaders) throws IOException {
        return canonical(super.get(url, requestHeaders));
    }

    @Override
    public ClientResponse post(String url) throws IOException {
        return canonical(super.post(url));
    }

    @Override
    public ClientResponse get(String url) throws IOException {
        return canonical(super.get(url));
    }

    @Override
    public ClientResponse get(String url, String contentType) throws IOException {
        return canonical(super.get(url, contentType));
    }

    private static ClientResponse canonical(ClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, value) -> headers.put(canonical(name), value));
        return new ClientResponse(response.getStatusCode(), response.getContent(), headers);
    }

    /** {@code content-type} and {@code Content-type} become {@code Content-Type}. */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
