package org.sferum.sdk.core.links;

import org.sferum.sdk.core.wire.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sferum.sdk.core.links.OAuthErrors.Request;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.core.wire.AttemptRequest;
import org.sferum.sdk.core.wire.ErrorHints;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.Redactor;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.spi.CompletedRequest;
import org.sferum.sdk.spi.RequestInterceptor;

/**
 * Sends requests to VK ID through the client's {@link Transport}: {@code POST} with a UTF-8 form body, or
 * {@code GET}, each with the request timeout, an {@code X-Request-Id} and the request interceptors. One attempt:
 * a code exchange or a refresh must never be sent twice. Answers are JSON objects; one with an {@code error} is
 * turned into an exception through {@link OAuthErrors}. Each request is logged at DEBUG as one line with the
 * endpoint, the outcome code, the duration and the request id; never a parameter or the body. Thread-safe.
 */
public final class OAuthHttp {
    private static final Log LOG = Log.get(OAuthHttp.class);
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final Transport transport;
    private final String idBase;
    private final Duration timeout;
    private final Clock clock;
    private final List<RequestInterceptor> interceptors;
    private volatile boolean closed;

    /**
     * Creates the caller.
     *
     * @param transport sends the requests
     * @param idBase the VK ID base address, without a trailing slash
     * @param timeout how long one request waits for its answer
     * @param clock measures requests
     * @param interceptors called on every request, in order
     */
    public OAuthHttp(Transport transport, String idBase, Duration timeout, Clock clock,
                     List<RequestInterceptor> interceptors) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.idBase = Objects.requireNonNull(idBase, "idBase");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * Posts a form to a VK ID endpoint.
     *
     * @param path the path below the base, such as {@code oauth2/auth}
     * @param form the parameters, in order
     * @param request which request this is, for reading its errors
     * @return the answer, a JSON object without {@code error}, with its request id
     * @throws SferumException when the answer is an error or cannot be read, or no answer came
     */
    public Reply post(String path, Map<String, String> form, Request request) {
        StringBuilder body = new StringBuilder(128);
        for (Map.Entry<String, String> param : form.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
        }
        return send(path, "POST", URI.create(idBase + "/" + path),
                body.toString().getBytes(StandardCharsets.US_ASCII), request);
    }

    /**
     * Gets a JSON document, such as a JWK set.
     *
     * @param operation the name for logs and interceptors
     * @param uri the absolute address
     * @return the answer, a JSON object, with its request id
     * @throws SferumException when the answer cannot be read, or no answer came
     */
    public Reply get(String operation, URI uri) {
        return send(operation, "GET", uri, null, Request.OTHER);
    }

    /** Refuses every later request. Idempotent. */
    public void close() {
        closed = true;
    }

    private Reply send(String operation, String method, URI uri, byte[] body, Request request) {
        if (closed) {
            throw new IllegalStateException("the Sferum client is closed; build a new one");
        }
        String requestId = UUID.randomUUID().toString();
        AttemptRequest outgoing = new AttemptRequest(operation, 1, requestId);
        for (RequestInterceptor interceptor : interceptors) {
            interceptor.beforeSend(outgoing);
        }
        Map<String, List<String>> headers = TransportRequest.newHeaders();
        if (body != null) {
            TransportRequest.addHeader(headers, "Content-Type", FORM);
        }
        TransportRequest.addHeader(headers, "Accept", "application/json");
        TransportRequest.addHeader(headers, "X-Request-Id", requestId);
        for (String[] header : outgoing.seal()) {
            TransportRequest.addHeader(headers, header[0], header[1]);
        }
        long started = clock.millis();
        JsonNode answer = null;
        SferumException failure;
        try {
            TransportResponse response = transport.execute(new TransportRequest(method, uri, headers, body, timeout));
            answer = read(response, operation, requestId);
            failure = Json.has(answer, "error") ? OAuthErrors.exception(request, operation, answer, requestId) : null;
        } catch (IOException e) {
            failure = transportFailure(e, operation, uri, requestId);
        } catch (SferumException e) {
            failure = e;
        }
        Duration took = Duration.ofMillis(Math.max(0, clock.millis() - started));
        if (LOG.isDebugEnabled()) {
            LOG.debug("VK ID {} {} in {} ms [request {}]", operation, failure == null ? "ok" : describe(failure,
                    answer), took.toMillis(), requestId);
        }
        completed(new CompletedRequest(operation, 1, requestId, took, Optional.ofNullable(failure)));
        if (failure != null) {
            throw failure;
        }
        return new Reply(answer, requestId);
    }

    private static JsonNode read(TransportResponse response, String operation, String requestId) {
        int status = response.status();
        if (status == 429 || status >= 500) {
            ErrorCode code = status == 429 ? ErrorCode.RATE_LIMITED : ErrorCode.SERVICE_UNAVAILABLE;
            throw failure(code, operation, "HTTP " + status, requestId, null);
        }
        JsonNode root;
        try {
            root = response.body().length == 0 ? null : Json.parse(response.body());
        } catch (IOException e) {
            root = null; // the parser's message quotes the body: neither is kept
        }
        if (root == null || !root.isObject()) {
            throw failure(ErrorCode.MALFORMED_RESPONSE, operation, "HTTP " + status + " with a body that is not a"
                    + " JSON object, " + response.body().length + " bytes", requestId, null);
        }
        if (status != 200 && !Json.has(root, "error")) {
            throw failure(ErrorCode.MALFORMED_RESPONSE, operation, "HTTP " + status + " without an error",
                    requestId, null);
        }
        return root;
    }

    private static SferumException transportFailure(IOException e, String operation, URI uri, String requestId) {
        String what = e instanceof HttpTimeoutException || e instanceof SocketTimeoutException
                ? "no answer from " + uri.getHost() + " within the timeout"
                : e.getClass().getSimpleName() + " talking to " + uri.getHost();
        return failure(ErrorCode.TRANSPORT_FAILURE, operation, what, requestId, redacted(e, 0));
    }

    /**
     * A copy of a transport failure whose messages are redacted (a transport may quote what it sent), with the
     * same stack traces and causes.
     */
    private static IOException redacted(Throwable e, int depth) {
        IOException copy = new IOException(e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + Redactor.redact(e.getMessage())));
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && depth < 5) {
            copy.initCause(redacted(e.getCause(), depth + 1));
        }
        return copy;
    }

    /**
     * Builds the exception of a request that got no usable answer.
     *
     * @param code the code
     * @param operation the endpoint
     * @param detail what happened, without secrets
     * @param requestId the request's id
     * @param cause the cause, or {@code null}
     * @return the exception
     */
    static SferumException failure(ErrorCode code, String operation, String detail, String requestId,
                                   Throwable cause) {
        return SferumException.of(code, operation + " failed: " + ErrorHints.of(code) + " (" + detail + ")", null,
                requestId, cause);
    }

    private static String describe(SferumException failure, JsonNode answer) {
        if (answer == null || !Json.has(answer, "error")) {
            return failure.code().name();
        }
        String reason = Json.text(answer, "error_reason", null);
        return failure.code().name() + " (" + OAuthErrors.word(Json.text(answer, "error", null))
                + (reason == null ? "" : "/" + OAuthErrors.word(reason)) + ")";
    }

    private void completed(CompletedRequest request) {
        for (RequestInterceptor interceptor : interceptors) {
            try {
                interceptor.afterComplete(request);
            } catch (RuntimeException e) {
                LOG.warn("request interceptor {} failed in afterComplete ({}); the request's outcome stands",
                        interceptor.getClass().getName(), e.getClass().getName());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A successful answer.
     *
     * @param body the JSON object
     * @param requestId the request's id
     */
    public record Reply(JsonNode body, String requestId) {
    }
}
