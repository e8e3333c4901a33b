package org.sferum.sdk.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link VkCall} off an HTTP exchange: the method from the path, query and form merged, the bearer token. */
final class VkCallReader {
    /** The path prefix of the VK API. */
    static final String PREFIX = "/method/";
    /** The largest form body read; a 9000-character message needs at most about 108 KB percent-encoded. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** The longest parameter value, in characters (docs/wire/vk-api.md, "Limits"); a message is at most 9000. */
    static final int MAX_PARAM_CHARS = 128 * 1024;
    /** The longest parameter name, in characters. */
    static final int MAX_PARAM_NAME_CHARS = 128;

    private VkCallReader() {
    }

    /**
     * Returns the method name of a request path, empty when the path names none.
     *
     * @param exchange the exchange
     * @return the method name
     */
    static String methodName(EmulatorExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path != null && path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
    }

    /**
     * Reads the call.
     *
     * @param exchange the exchange
     * @return the call
     * @throws IOException if the body cannot be read
     * @throws VkFailure with code 8 when the request is not a GET or a form POST
     */
    static VkCall read(EmulatorExchange exchange) throws IOException {
        String httpMethod = exchange.getRequestMethod();
        Map<String, String> params = new HashMap<>();
        UrlForm.decodeInto(exchange.getRequestURI().getRawQuery(), params);
        if ("POST".equalsIgnoreCase(httpMethod)) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = body(exchange.getRequestBody());
            if (contentType != null && !contentType.toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")) {
                if (!body.isEmpty()) {
                    throw new VkFailure(VkErrorTable.INVALID_REQUEST,
                            "send parameters as application/x-www-form-urlencoded or in the query string");
                }
            } else {
                UrlForm.decodeInto(body, params);
            }
        } else if (!"GET".equalsIgnoreCase(httpMethod)) {
            throw new VkFailure(VkErrorTable.INVALID_REQUEST, "use GET or POST");
        }
        checkLengths(params);
        return new VkCall(methodName(exchange), params, bearer(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    /**
     * Refuses a parameter longer than {@link #MAX_PARAM_CHARS} (or a name longer than {@link #MAX_PARAM_NAME_CHARS})
     * with VK's error 100, naming the parameter but never echoing its value.
     */
    private static void checkLengths(Map<String, String> params) {
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            if (name.length() > MAX_PARAM_NAME_CHARS) {
                throw new VkFailure(VkErrorTable.INVALID_PARAMETER, "a parameter name is longer than "
                        + MAX_PARAM_NAME_CHARS + " characters");
            }
            if (param.getValue() != null && param.getValue().length() > MAX_PARAM_CHARS) {
                throw new VkFailure(VkErrorTable.INVALID_PARAMETER, "the parameter "
                        + VkMethodDispatcher.printable(name) + " is longer than " + MAX_PARAM_CHARS
                        + " characters (" + param.getValue().length() + ")");
            }
        }
    }

    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new VkFailure(VkErrorTable.INVALID_REQUEST, "the request body is larger than "
                    + MAX_BODY_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
