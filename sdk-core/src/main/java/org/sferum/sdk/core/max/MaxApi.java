package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.Sleeper;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.AccessToken;

/**
 * The MAX Bot API's wire: JSON over HTTP, the bot token as the bare value of the {@code Authorization} header
 * (never in the address, never logged), errors as an HTTP status with {@code {code, message}} mapped to the SDK's
 * {@link ErrorCode}s, 429 and 503 retried with the client's backoff, and a lost connection retried for reads only
 * (a write that may have happened is {@link OutcomeUnknownException}).
 */
public final class MaxApi {
    private final Transport transport;
    private final URI base;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    /** The client's one table of MAX ids, shared by its sessions and webhooks. */
    private final MaxIds ids = new MaxIds();

    /**
     * Creates the wire.
     *
     * @param transport the HTTP transport
     * @param base the Bot API's base address, without a trailing slash
     * @param timeout how long one request may take
     * @param retry how often and how long to retry 429, 503 and lost reads
     * @param sleeper how to wait between attempts
     */
    public MaxApi(Transport transport, URI base, Duration timeout, RetryPolicy retry, Sleeper sleeper) {
        this.transport = Objects.requireNonNull(transport, "transport");
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The client's table of MAX ids ({@link MaxIds}). */
    MaxIds ids() {
        return ids;
    }

    /**
     * Starts a query string.
     *
     * @return an empty, ordered parameter map
     */
    static Map<String, String> query() {
        return new LinkedHashMap<>();
    }

    /**
     * Sends one request and answers its JSON body.
     *
     * @param token the bot token
     * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
     * @param path the path, such as {@code /messages}
     * @param query the query parameters
     * @param body the JSON body, or {@code null} for none
     * @param wait how much longer than the request timeout the answer may take (long polling)
     * @return the answer
     */
    JsonNode call(AccessToken token, String method, String path, Map<String, String> query, JsonNode body,
                  Duration wait) {
        URI uri = URI.create(base + path + queryString(query));
        Map<String, List<String>> headers = TransportRequest.newHeaders();
        TransportRequest.addHeader(headers, "Authorization", token.secret());
        TransportRequest.addHeader(headers, "Accept", "application/json");
        byte[] bytes = new byte[0];
        if (body != null) {
            bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            TransportRequest.addHeader(headers, "Content-Type", "application/json; charset=utf-8");
        }
        TransportRequest request = new TransportRequest(method, uri, headers, bytes, timeout.plus(wait));
        boolean read = method.equals("GET");
        for (int attempt = 1; ; attempt++) {
            TransportResponse response;
            try {
                response = transport.execute(request);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "interrupted while calling the MAX Bot"
                            + " API (" + method + " " + path + ")", null, null, e);
                }
                if (!read) {
                    throw new OutcomeUnknownException("the connection to the MAX Bot API was lost during " + method
                            + " " + path + "; the change may or may not have happened: read before repeating it",
                            new OutcomeUnknownException.Subject(method + " " + path, java.util.Optional.empty(),
                                    java.util.OptionalInt.empty(), List.of()), null, null, e);
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "the MAX Bot API could not be reached ("
                            + method + " " + path + ", " + attempt + " attempts): " + e.getMessage(), null, null, e);
                }
                pause(attempt);
                continue;
            }
            int status = response.status();
            if (status == 200) {
                return answer(method, path, response);
            }
            if ((status == 429 || status == 503 || notReady(status, response.body()))
                    && attempt < retry.maxAttempts()) {
                pause(attempt);
                continue;
            }
            throw error(method, path, status, response.body());
        }
    }

    /**
     * The JSON of a 200 answer.
     *
     * @param method the HTTP method
     * @param path the path, for the message
     * @param response the answer
     * @return its JSON
     */
    static JsonNode answer(String method, String path, TransportResponse response) {
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.MALFORMED_RESPONSE, "the MAX Bot API answered " + method + " "
                    + path + " with a body that is not JSON", null, null, e);
        }
    }

    /**
     * Whether an answer is MAX's "attachment.not.ready": an uploaded file not processed yet, which the message may
     * carry a little later (nothing was sent, so the request is repeated after the backoff).
     */
    private static boolean notReady(int status, byte[] body) {
        if (status != 400) {
            return false;
        }
        try {
            return Json.text(Json.parse(body), "code", "").equals("attachment.not.ready");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sends one request of an upload to the address {@code POST /uploads} gave: no bot token (the address is a
     * secret of its own, on another host in production), no retry (the caller resumes).
     *
     * @param method {@code POST} or {@code GET}
     * @param address the upload address
     * @param headers the headers
     * @param body the bytes
     * @return the answer
     * @throws IOException if the connection fails
     */
    TransportResponse upload(String method, URI address, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        return transport.execute(new TransportRequest(method, address, headers, body, timeout));
    }

    /**
     * Waits the backoff after a failed attempt of an upload.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @return whether another attempt may follow
     */
    boolean backoff(int failedAttempt) {
        if (failedAttempt >= retry.maxAttempts()) {
            return false;
        }
        pause(failedAttempt);
        return true;
    }

    private void pause(int failedAttempt) {
        try {
            sleeper.sleep(retry.backoff(failedAttempt, ThreadLocalRandom.current().nextDouble()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "interrupted while waiting to retry the MAX Bot"
                    + " API", null, null, e);
        }
    }

    /**
     * Maps a refusal ({@code Error {code, message}}) to the SDK's exceptions.
     *
     * @param method the HTTP method
     * @param path the path
     * @param status the HTTP status
     * @param body the answer's body
     * @return the exception to throw
     */
    static SferumException error(String method, String path, int status, byte[] body) {
        String code = "";
        String message = "";
        try {
            JsonNode json = Json.parse(body);
            code = Json.text(json, "code", "");
            message = Json.text(json, "message", "");
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        String said = "the MAX Bot API refused " + method + " " + path + " (" + status
                + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message) + ")";
        switch (status) {
            case 400:
                if (code.contains("too.long") || message.toLowerCase(java.util.Locale.ROOT).contains("4000")) {
                    return new ValidationException(ErrorCode.MESSAGE_TOO_LONG, said
                            + "; a bot's text is at most 4000 characters: split it", status, null, null);
                }
                return new ValidationException(ErrorCode.INVALID_ARGUMENT, said, status, null, null);
            case 401:
                return new AuthenticationException(ErrorCode.AUTHENTICATION_FAILED, said
                        + "; the bot token is wrong or revoked: take the current one from business.max.ru",
                        status, null, null);
            case 403:
                return new PermissionDeniedException(ErrorCode.NOT_A_CHAT_MEMBER, said
                        + "; add the bot to the chat and make it an admin (read_all_messages) first",
                        status, null, null);
            case 404:
                ErrorCode notFound = path.startsWith("/messages") ? ErrorCode.MESSAGE_NOT_FOUND
                        : path.startsWith("/chats") ? ErrorCode.CHAT_NOT_FOUND : ErrorCode.NOT_FOUND;
                return new NotFoundException(notFound, said, status, null, null);
            case 429:
                return new RateLimitException(ErrorCode.RATE_LIMITED, said + "; slow down", null, status, null,
                        null);
            case 503:
                return new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, said + "; try again later", status, null,
                        null);
            default:
                return new ServiceException(ErrorCode.UNKNOWN, said, status, null, null);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        for (Map.Entry<String, String> entry : query.entrySet()) {
            joined.add(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return joined.toString();
    }
}
