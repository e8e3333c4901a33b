package org.sferum.sdk.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.Sleeper;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.spi.CompletedRequest;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.users.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls VK API methods as {@code docs/wire/vk-api.md} says: {@code POST {api}/method/{name}} with a UTF-8 form
 * body holding {@code v} and the parameters, the token in {@code Authorization: Bearer} only, and an
 * {@code X-Request-Id} that stays the same on every attempt of one call. Answers are read as
 * {@code {"response"}} or {@code {"error"}}; errors become the sdk-api exception of their code
 * ({@link VkErrorCodes}).
 *
 * <p>Retries, with the {@link RetryPolicy}'s backoff, depend on what a failure proves about the request:
 * <ul>
 *   <li>refused unexecuted (rate limits 6, 9, 29; no connection could be made): retried for every call;</li>
 *   <li>outcome unknown (VK errors 1 and 10, HTTP 5xx, a timeout or reset after sending): retried only for
 *       {@link VkRequest#isIdempotent() idempotent} calls, so a chat is never created twice;</li>
 *   <li>outcome unknown because the answer could not be read (a body that is not JSON, or lacks
 *       {@code response}; through {@link #call(TokenSource, VkRequest, Function)} also an answer its decoder
 *       refuses): retried for idempotent calls, whose repetition cannot do anything twice;</li>
 *   <li>anything else (a refusal for a reason): never retried.</li>
 * </ul>
 *
 * <p>A call that {@link VkRequest#changesState() changes state} and fails after an attempt whose outcome was
 * unknown throws {@link OutcomeUnknownException} naming what to check (the chat, the random id, the messages),
 * whatever the last attempt said: once an attempt may have taken effect, a later refusal (the message is already
 * deleted) proves nothing about the first. Reads, and calls whose every attempt was refused, throw the exception
 * of their own code.
 *
 * <p>Every call is reported to the {@link Metrics} once it is over (method, outcome code, attempts, duration), and
 * every retry before its wait. Every attempt goes through the request interceptors and is logged at DEBUG as one line with the method, the
 * attempt, the duration and the outcome code. Nothing that may be secret or personal is logged: no token, no
 * parameter values, no service text. Thread-safe; one instance serves a whole client.
 */
public final class VkApi {
    private static final Logger LOG = LoggerFactory.getLogger(VkApi.class);
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final Transport transport;
    private final String apiBase;
    private final String version;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final List<RequestInterceptor> interceptors;
    private final Metrics metrics;
    private final WireRoutes routes;
    private final java.util.Set<Runnable> closeActions = ConcurrentHashMap.newKeySet();
    /** The random half of this client's request ids; the other half counts (no SecureRandom per call). */
    private final long requestIdPrefix = java.util.concurrent.ThreadLocalRandom.current().nextLong();
    private final java.util.concurrent.atomic.AtomicLong requestCounter = new java.util.concurrent.atomic.AtomicLong(
            java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private volatile TokenRateLimiter rateLimiter;
    private volatile Coalescer coalescer;
    private volatile boolean closed;

    /**
     * Creates the caller.
     *
     * @param transport sends the requests
     * @param apiBase the VK API base address
     * @param version the API version sent as {@code v}
     * @param requestTimeout how long one attempt may wait for its answer
     * @param retryPolicy how failed calls are repeated
     * @param sleeper waits between attempts
     * @param clock measures attempts
     * @param interceptors called on every attempt, in order
     */
    public VkApi(Transport transport, URI apiBase, String version, Duration requestTimeout,
                 RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, List<RequestInterceptor> interceptors) {
        this(transport, apiBase, version, requestTimeout, retryPolicy, sleeper, clock, interceptors, Metrics.none());
    }

    /**
     * Creates the caller, with metrics.
     *
     * @param transport sends the requests
     * @param apiBase the VK API base address
     * @param version the API version sent as {@code v}
     * @param requestTimeout how long one attempt may wait for its answer
     * @param retryPolicy how failed calls are repeated
     * @param sleeper waits between attempts
     * @param clock measures attempts
     * @param interceptors called on every attempt, in order
     * @param metrics told of every call and retry; the long poll and token refreshes report to them too
     */
    public VkApi(Transport transport, URI apiBase, String version, Duration requestTimeout,
                 RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, List<RequestInterceptor> interceptors,
                 Metrics metrics) {
        this(transport, WireRoutes.vk(Objects.requireNonNull(apiBase, "apiBase")), version, requestTimeout,
                retryPolicy, sleeper, clock, interceptors, metrics);
    }

    /**
     * Creates the caller, with metrics and routes (the partner contract's methods to its own base).
     *
     * @param transport sends the requests
     * @param routes where each request goes
     * @param version the API version sent as {@code v}
     * @param requestTimeout how long one attempt may wait for its answer
     * @param retryPolicy how failed calls are repeated
     * @param sleeper waits between attempts
     * @param clock measures attempts
     * @param interceptors called on every attempt, in order
     * @param metrics told of every call and retry; the long poll and token refreshes report to them too
     */
    public VkApi(Transport transport, WireRoutes routes, String version, Duration requestTimeout,
                 RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, List<RequestInterceptor> interceptors,
                 Metrics metrics) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.apiBase = routes.apiBase();
        this.version = Objects.requireNonNull(version, "version");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interceptors = List.copyOf(interceptors);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Shapes the calls (issue 15; {@code docs/performance.md}): a per-token limit of requests a second, which makes
     * callers wait for their turn instead of failing with VK error 6, and automatic coalescing, which sends the VK
     * API calls made on one token within a window as one {@code execute}. Called by the client's builder before the
     * first call.
     *
     * @param requestsPerSecond the most requests one token sends in any second, every attempt counted; 0 for no
     *     limit
     * @param coalesceWindow how long the first call of a group waits for others; zero for no coalescing
     * @return this caller
     * @throws IllegalArgumentException for a negative limit or window
     */
    public VkApi shaping(int requestsPerSecond, Duration coalesceWindow) {
        Objects.requireNonNull(coalesceWindow, "coalesceWindow");
        if (requestsPerSecond < 0 || coalesceWindow.isNegative()) {
            throw new IllegalArgumentException("the rate limit and the coalescing window cannot be negative");
        }
        this.rateLimiter = requestsPerSecond == 0 ? null : new TokenRateLimiter(requestsPerSecond, clock, sleeper);
        this.coalescer = coalesceWindow.isZero() ? null : new Coalescer(this, coalesceWindow);
        return this;
    }

    /**
     * Returns the client's metrics, which the long poll and token refreshes report to as well.
     *
     * @return the metrics
     */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Returns how failed calls are repeated; the long poll's reconnections follow the same backoff.
     *
     * @return the client's retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns what waits between attempts; the long poll waits with it between reconnections.
     *
     * @return the client's sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Calls a method as the token's user and returns its {@code response}.
     *
     * @param token whose call it is
     * @param request the method and parameters
     * @return the response
     * @throws SferumException of the matching subclass when the call failed, after any retries
     * @throws IllegalStateException if the client was closed
     */
    public VkResult call(AccessToken token, VkRequest request) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(request, "request");
        return callOnce(token, request);
    }

    /**
     * Calls a method with the token of a source and returns its {@code response}. When the service refuses the
     * token although it looked valid (VK errors 5 and 1117), the source {@link TokenSource#renew renews} it once
     * and the call is made once more with the new token; the refusal was made before anything was done, so this
     * is safe for every call.
     *
     * @param tokens where the token comes from
     * @param request the method and parameters
     * @return the response
     * @throws SferumException of the matching subclass when the call failed, after any retries
     * @throws IllegalStateException if the client was closed
     */
    public VkResult call(TokenSource tokens, VkRequest request) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(request, "request");
        Coalescer group = coalescer;
        if (group != null && VkExecute.fits(request)) {
            return group.call(Objects.requireNonNull(tokens.current(), "token").secret(), tokens, request);
        }
        return callDirect(tokens, request);
    }

    /** {@link #call(TokenSource, VkRequest)} without coalescing. */
    VkResult callDirect(TokenSource tokens, VkRequest request) {
        AccessToken token = Objects.requireNonNull(tokens.current(), "token");
        try {
            return callOnce(token, request);
        } catch (AuthenticationException e) {
            int wire = e.wireCode().orElse(0);
            if (wire != VkErrorCodes.AUTHORIZATION_FAILED && wire != VkErrorCodes.TOKEN_EXPIRED) {
                throw e;
            }
            Optional<AccessToken> renewed = tokens.renew(token);
            if (renewed.isEmpty()) {
                throw e;
            }
            LOG.debug("{} refused the access token (VK {}); retrying once with the renewed token", request.method(),
                    wire);
            return callOnce(renewed.get(), request);
        }
    }

    /**
     * Calls a method as {@link #call(TokenSource, VkRequest)} does and decodes its answer. When the decoder finds
     * the answer malformed ({@code MALFORMED_RESPONSE}), an {@link VkRequest#isIdempotent() idempotent} call is
     * made again, up to the retry policy's attempts (a send keeps its random id, so it is stored once); a call that
     * {@link VkRequest#changesState() changes state} and cannot be settled that way throws
     * {@link OutcomeUnknownException}.
     *
     * @param tokens where the token comes from
     * @param request the method and parameters
     * @param decoder reads the answer; throws {@code MALFORMED_RESPONSE} for one it cannot read
     * @param <T> what the answer is read as
     * @return the decoded answer
     * @throws SferumException of the matching subclass when the call failed, after any retries
     * @throws IllegalStateException if the client was closed
     */
    public <T> T call(TokenSource tokens, VkRequest request, Function<VkResult, T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        boolean unknown = false;
        for (int round = 1; ; round++) {
            VkResult result;
            try {
                result = call(tokens, request);
            } catch (OutcomeUnknownException e) {
                throw e;
            } catch (SferumException e) {
                if (unknown && request.changesState()) {
                    throw outcomeUnknown(request, e.requestId().orElse(null), e.wireCode().isPresent()
                            ? e.wireCode().getAsInt() : null, e);
                }
                throw e;
            }
            try {
                return decoder.apply(result);
            } catch (SferumException e) {
                if (e.code() != ErrorCode.MALFORMED_RESPONSE) {
                    throw unknown && request.changesState() && !(e instanceof OutcomeUnknownException)
                            ? outcomeUnknown(request, result.requestId(), null, e) : e;
                }
                unknown = true;
                boolean again = request.isIdempotent() && round < retryPolicy.maxAttempts()
                        && !Thread.currentThread().isInterrupted();
                if (!again) {
                    throw request.changesState() ? outcomeUnknown(request, result.requestId(), null, e) : e;
                }
                Duration wait = retryPolicy.backoff(round, ThreadLocalRandom.current().nextDouble());
                LOG.debug("{} answer could not be decoded; calling again in {} ms", request.method(), wait.toMillis());
                metrics.requestRetried(request.method(), round, ErrorCode.MALFORMED_RESPONSE, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw request.changesState() ? outcomeUnknown(request, result.requestId(), null, e) : e;
                }
            }
        }
    }

    /**
     * Calls several methods in one VK {@code execute} request ({@code docs/wire/vk-api.md}, "execute"): each
     * request's parameters travel as the program's {@code Args}, so no value is ever written into the program's
     * text. The whole request is retried as one call (idempotent when every inner call is, as sends are by their
     * random id); each inner call then gets its own answer or its own error, as a direct call would (a change
     * whose outcome is unknown gets an {@link OutcomeUnknownException} naming its own chat and random id). Inner
     * calls are not retried one by one. The Sferum partner contract's methods cannot go inside VK's
     * {@code execute} and are refused.
     *
     * @param tokens where the token comes from
     * @param requests 1 to {@value VkExecute#MAX_CALLS} requests of the VK API, in order
     * @return one answer per request, in the same order
     * @throws IllegalArgumentException for no request, more than 25, a partner request or a parameter name that
     *     is not a plain identifier
     * @throws IllegalStateException if the client was closed
     */
    public List<ExecuteAnswer> execute(TokenSource tokens, List<VkRequest> requests) {
        return VkExecute.run(this, tokens, requests);
    }

    /**
     * Builds the exception of a call that changes state and may have taken effect: it names what to check, read
     * from the request's parameters ({@code peer_id} or a single {@code peer_ids}, {@code random_id},
     * {@code message_id}, {@code message_ids}), never a text.
     */
    static OutcomeUnknownException outcomeUnknown(VkRequest request, String requestId, Integer wireCode,
                                                          SferumException last) {
        OutcomeUnknownException.Subject subject = subject(request);
        String message = request.method() + " may or may not have taken effect: an attempt reached the service but "
                + "its answer was lost or unreadable (last: " + last.code() + "). Check " + subject
                + " before repeating it" + (request.isIdempotent() && request.params().containsKey("random_id")
                ? "; a send can be repeated safely with the same random id" : "");
        return new OutcomeUnknownException(message, subject, wireCode, requestId, last);
    }

    private static OutcomeUnknownException.Subject subject(VkRequest request) {
        Map<String, String> params = request.params();
        Optional<ChatId> chat = Optional.empty();
        String peer = params.containsKey("peer_id") ? params.get("peer_id") : params.get("peer_ids");
        if (peer != null && !peer.contains(",")) {
            try {
                chat = Optional.of(ChatId.of(Long.parseLong(peer)));
            } catch (RuntimeException e) {
                chat = Optional.empty();
            }
        }
        java.util.OptionalInt randomId = java.util.OptionalInt.empty();
        if (params.containsKey("random_id")) {
            try {
                randomId = java.util.OptionalInt.of(Integer.parseInt(params.get("random_id")));
            } catch (NumberFormatException e) {
                randomId = java.util.OptionalInt.empty();
            }
        }
        List<MessageId> messages = new java.util.ArrayList<>();
        for (String name : List.of("message_id", "message_ids")) {
            String value = params.get(name);
            if (value == null) {
                continue;
            }
            for (String id : value.split(",")) {
                try {
                    messages.add(MessageId.of(Long.parseLong(id.trim())));
                } catch (RuntimeException e) {
                    // not an id: nothing to name
                }
            }
        }
        return new OutcomeUnknownException.Subject(request.method(), chat, randomId, messages);
    }

    private VkResult callOnce(AccessToken token, VkRequest request) {
        String method = request.method();
        String requestId = nextRequestId();
        URI uri = routes.uri(request);
        byte[] body = form(request);
        String authorization = "Bearer " + token.secret();
        int maxAttempts = retryPolicy.maxAttempts();
        long callStarted = clock.millis();
        boolean unknownEffect = false;
        // execute's answer carries execute_errors beside response: its decoder reads the whole envelope.
        boolean whole = request.method().equals(VkExecute.METHOD);
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new IllegalStateException("the Sferum client is closed; build a new one");
            }
            AttemptRequest outgoing = new AttemptRequest(method, attempt, requestId);
            for (RequestInterceptor interceptor : interceptors) {
                interceptor.beforeSend(outgoing);
            }
            Map<String, List<String>> headers = TransportRequest.newHeaders();
            TransportRequest.addHeader(headers, "Content-Type", FORM);
            TransportRequest.addHeader(headers, "Accept", "application/json");
            TransportRequest.addHeader(headers, "Authorization", authorization);
            TransportRequest.addHeader(headers, "X-Request-Id", requestId);
            routes.addHeaders(request, headers);
            for (String[] header : outgoing.seal()) {
                TransportRequest.addHeader(headers, header[0], header[1]);
            }

            long started = clock.millis();
            Outcome outcome;
            try {
                TokenRateLimiter limiter = rateLimiter;
                if (limiter != null) {
                    limiter.acquire(token.secret());
                }
                TransportResponse response = transport.execute(
                        new TransportRequest("POST", uri, headers, body, requestTimeout));
                outcome = read(response, false, whole);
            } catch (IOException e) {
                outcome = transportFailure(e, uri);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.failure(ErrorCode.TRANSPORT_FAILURE, "interrupted while waiting for the token's"
                        + " rate limit, before sending", null, e, Retry.NEVER);
            }
            Duration took = Duration.ofMillis(Math.max(0, clock.millis() - started));
            unknownEffect |= outcome.failed() && outcome.mayHaveTakenEffect();

            boolean retry = outcome.failed() && attempt < maxAttempts && outcome.allowsRetry(request)
                    && !Thread.currentThread().isInterrupted();
            Duration wait = retry ? outcome.wait(retryPolicy.backoff(attempt, ThreadLocalRandom.current().nextDouble()),
                    retryPolicy.maxBackoff()) : null;
            // Interceptors get the attempt's failure; the same instance is thrown when nothing follows it.
            SferumException failure = outcome.failed() && !interceptors.isEmpty()
                    ? outcome.exception(method, requestId, 1) : null;
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} attempt {}/{} {} in {} ms [request {}]{}", method, attempt, maxAttempts,
                        outcome.describe(), took.toMillis(), requestId,
                        retry ? ", retrying in " + wait.toMillis() + " ms" : "");
            }
            if (!interceptors.isEmpty()) {
                completed(new CompletedRequest(method, attempt, requestId, took, Optional.ofNullable(failure)));
            }

            if (!outcome.failed()) {
                metrics.requestCompleted(method, Optional.empty(), attempt, since(callStarted));
                return new VkResult(method, requestId, outcome.response);
            }
            if (!retry) {
                metrics.requestCompleted(method, Optional.of(outcome.code), attempt, since(callStarted));
                SferumException last = attempt == 1 && failure != null ? failure
                        : outcome.exception(method, requestId, attempt);
                throw unknownEffect && request.changesState()
                        ? outcomeUnknown(request, requestId, outcome.wireCode, last) : last;
            }
            metrics.requestRetried(method, attempt, outcome.code, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                metrics.requestCompleted(method, Optional.of(outcome.code), attempt, since(callStarted));
                SferumException last = outcome.exception(method, requestId, attempt);
                throw unknownEffect && request.changesState()
                        ? outcomeUnknown(request, requestId, outcome.wireCode, last) : last;
            }
        }
    }

    /**
     * Uploads one file to an upload address a method gave (VK's upload servers): a single {@code multipart/form-data}
     * POST through the same transport, with no access token (the address names the upload), never retried. The
     * server answers as the VK API does: {@code response} or {@code error}.
     *
     * @param uploadUrl the address
     * @param field the multipart field's name
     * @param fileName the file's name
     * @param contentType the file's content type
     * @param content the file's bytes
     * @return the value of {@code response}
     * @throws SferumException of the matching subclass when the upload failed
     */
    public JsonNode upload(URI uploadUrl, String field, String fileName, String contentType, byte[] content) {
        return upload(uploadUrl, field, fileName, contentType, content, false);
    }

    /**
     * Uploads one file as {@link #upload} does, to an upload server that answers with a bare JSON object (VK's
     * message photo and document uploads: {@code {"server", "photo", "hash"}}, {@code {"file"}}) rather than an
     * envelope; an {@code error} object is still read as a VK error.
     *
     * @param uploadUrl the address
     * @param field the multipart field's name
     * @param fileName the file's name
     * @param contentType the file's content type
     * @param content the file's bytes
     * @return the whole answer
     * @throws SferumException of the matching subclass when the upload failed
     */
    public JsonNode uploadBare(URI uploadUrl, String field, String fileName, String contentType, byte[] content) {
        return upload(uploadUrl, field, fileName, contentType, content, true);
    }

    private JsonNode upload(URI uploadUrl, String field, String fileName, String contentType, byte[] content,
                            boolean bare) {
        Objects.requireNonNull(uploadUrl, "uploadUrl");
        if (closed) {
            throw new IllegalStateException("the Sferum client is closed; build a new one");
        }
        String method = "upload";
        String requestId = nextRequestId();
        byte[] boundaryBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(boundaryBytes);
        String boundary = "sferum-" + java.util.HexFormat.of().formatHex(boundaryBytes);
        byte[] body = multipart(boundary, field, fileName, contentType, content);
        Map<String, List<String>> headers = TransportRequest.newHeaders();
        TransportRequest.addHeader(headers, "Content-Type", "multipart/form-data; boundary=" + boundary);
        TransportRequest.addHeader(headers, "Accept", "application/json");
        TransportRequest.addHeader(headers, "X-Request-Id", requestId);
        Outcome outcome;
        try {
            outcome = read(transport.execute(new TransportRequest("POST", uploadUrl, headers, body, requestTimeout)),
                    bare);
        } catch (IOException e) {
            outcome = transportFailure(e, uploadUrl);
        }
        LOG.debug("upload of {} bytes {} [request {}]", content.length, outcome.describe(), requestId);
        if (outcome.failed()) {
            throw outcome.exception(method, requestId, 1);
        }
        return outcome.response;
    }

    private static byte[] multipart(String boundary, String field, String fileName, String contentType,
                                    byte[] content) {
        String safeName = fileName.replaceAll("[\"\\r\\n]", "_");
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length + 256);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * Polls VK's user long poll server once ({@code docs/wire/events.md}): a form POST of the parameters (so that the
     * key never appears in a URL) through the same transport, with no access token, never retried. The answer is
     * not an envelope: the whole JSON object is returned. Nothing is logged but the outcome's code.
     *
     * @param server the {@code server} of {@code messages.getLongPollServer}: a host and path, given the scheme of
     *     the API's base address, or a whole {@code http(s)://} address
     * @param params {@code act}, {@code key}, {@code ts}, {@code wait}, {@code mode}, {@code version}
     * @param timeout how long to wait for the answer (longer than {@code wait})
     * @return the answer's JSON object
     * @throws SferumException with {@code TRANSPORT_FAILURE}, {@code SERVICE_UNAVAILABLE} or
     *     {@code MALFORMED_RESPONSE} when no object came back
     * @throws IllegalStateException if the client was closed
     */
    public JsonNode longPoll(String server, Map<String, String> params, Duration timeout) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(params, "params");
        if (closed) {
            throw new IllegalStateException("the Sferum client is closed; build a new one");
        }
        URI uri = URI.create(server.contains("://") ? server
                : URI.create(apiBase).getScheme() + "://" + server);
        StringBuilder form = new StringBuilder(64);
        for (Map.Entry<String, String> param : params.entrySet()) {
            form.append(form.length() == 0 ? "" : "&").append(encode(param.getKey())).append('=')
                    .append(encode(param.getValue()));
        }
        String requestId = nextRequestId();
        Map<String, List<String>> headers = TransportRequest.newHeaders();
        TransportRequest.addHeader(headers, "Content-Type", FORM);
        TransportRequest.addHeader(headers, "Accept", "application/json");
        TransportRequest.addHeader(headers, "X-Request-Id", requestId);
        JsonNode root = null;
        ErrorCode failure;
        String detail;
        Throwable cause = null;
        try {
            TransportResponse response = transport.execute(new TransportRequest("POST", uri, headers,
                    form.toString().getBytes(StandardCharsets.US_ASCII), timeout));
            if (response.status() >= 500) {
                failure = ErrorCode.SERVICE_UNAVAILABLE;
                detail = "HTTP " + response.status();
            } else if (response.status() != 200) {
                failure = ErrorCode.MALFORMED_RESPONSE;
                detail = "HTTP " + response.status() + " instead of 200";
            } else {
                try {
                    root = Json.parse(response.body());
                } catch (IOException e) {
                    root = null;
                }
                failure = root != null && root.isObject() ? null : ErrorCode.MALFORMED_RESPONSE;
                detail = "a body that is not a JSON object";
            }
        } catch (IOException e) {
            failure = ErrorCode.TRANSPORT_FAILURE;
            detail = e instanceof HttpTimeoutException || e instanceof SocketTimeoutException
                    ? "no answer from " + uri.getHost() + " within the timeout"
                    : e.getClass().getSimpleName() + " talking to " + uri.getHost();
            cause = e;
        }
        LOG.debug("long poll {} [request {}]", failure == null ? "ok" : failure.name(), requestId);
        if (failure != null) {
            throw SferumException.of(failure, "long poll failed: " + ErrorHints.of(failure) + " (" + detail + ")",
                    null, requestId, cause);
        }
        return root;
    }

    /**
     * Runs an action when the client closes (at once if it is closed already), such as stopping a long poll.
     *
     * @param action what to run; it must be quick and must not throw
     * @return removes the action
     */
    public Runnable whenClosed(Runnable action) {
        Objects.requireNonNull(action, "action");
        closeActions.add(action);
        if (closed && closeActions.remove(action)) {
            action.run();
        }
        return () -> closeActions.remove(action);
    }

    /** Refuses every later call, including the next attempt of a call under way; runs the close actions. Idempotent. */
    public void close() {
        closed = true;
        for (Runnable action : List.copyOf(closeActions)) {
            if (closeActions.remove(action)) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("a close action failed ({})", e.getClass().getName());
                }
            }
        }
    }

    /** A UUID-shaped request id, unique per call of this client: its random half, then a counter. */
    private String nextRequestId() {
        return new UUID(requestIdPrefix, requestCounter.incrementAndGet()).toString();
    }

    private byte[] form(VkRequest request) {
        StringBuilder out = new StringBuilder(64).append("v=").append(encode(version));
        for (Map.Entry<String, String> param : request.params().entrySet()) {
            out.append('&').append(encode(param.getKey())).append('=').append(encode(param.getValue()));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Outcome read(TransportResponse response, boolean bare) {
        return read(response, bare, false);
    }

    private static Outcome read(TransportResponse response, boolean bare, boolean whole) {
        int status = response.status();
        if (status == 429) {
            // A gateway's rate limit: the request was refused before anything was done.
            return Outcome.failure(ErrorCode.RATE_LIMITED, "HTTP 429", null, null, Retry.ALWAYS)
                    .withRetryAfter(retryAfter(response));
        }
        if (status >= 500) {
            return Outcome.failure(ErrorCode.SERVICE_UNAVAILABLE, "HTTP " + status, null, null, Retry.IF_IDEMPOTENT);
        }
        if (status != 200) {
            return Outcome.failure(ErrorCode.MALFORMED_RESPONSE, "HTTP " + status + " instead of 200", null, null,
                    Retry.NEVER);
        }
        JsonNode root;
        try {
            root = Json.parse(response.body());
        } catch (IOException e) {
            // The parser's message quotes the body, so neither it nor the exception is kept.
            return Outcome.failure(ErrorCode.MALFORMED_RESPONSE,
                    "a body that is not JSON, " + response.body().length + " bytes", null, null,
                    bare ? Retry.NEVER : Retry.IF_IDEMPOTENT);
        }
        if (root == null || !root.isObject()) {
            return Outcome.failure(ErrorCode.MALFORMED_RESPONSE, "a body that is not a JSON object", null, null,
                    bare ? Retry.NEVER : Retry.IF_IDEMPOTENT);
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            long wire = Json.longOr(error, "error_code", -1);
            if (!error.isObject() || wire < Integer.MIN_VALUE || wire > Integer.MAX_VALUE || wire == -1) {
                return Outcome.failure(ErrorCode.MALFORMED_RESPONSE, "an error without an error_code", null, null,
                        Retry.NEVER);
            }
            int vkCode = (int) wire;
            Retry retry = VkErrorCodes.refusedBeforeExecution(vkCode) ? Retry.ALWAYS
                    : VkErrorCodes.retryable(vkCode) ? Retry.IF_IDEMPOTENT : Retry.NEVER;
            String said = Redactor.redact(Json.text(error, "error_msg", ""));
            return Outcome.failure(VkErrorCodes.toErrorCode(vkCode, Json.longOr(error, "error_subcode", 0)),
                    "VK error " + vkCode
                    + (said.isEmpty() ? "" : ": " + said), vkCode, null, retry);
        }
        if (bare) {
            return Outcome.success(root);
        }
        if (!root.has("response")) {
            return Outcome.failure(ErrorCode.MALFORMED_RESPONSE, "a body with neither response nor error", null,
                    null, Retry.IF_IDEMPOTENT);
        }
        return Outcome.success(whole ? root : root.get("response"));
    }

    /** Reads {@code Retry-After} in seconds (the HTTP-date form is not used by VK's gateways and is ignored). */
    private static Duration retryAfter(TransportResponse response) {
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            if ("Retry-After".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                try {
                    long seconds = Long.parseLong(header.getValue().get(0).trim());
                    return seconds >= 0 && seconds <= 86_400 ? Duration.ofSeconds(seconds) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private Outcome transportFailure(IOException e, URI uri) {
        String what = e instanceof HttpTimeoutException || e instanceof SocketTimeoutException
                ? "no answer from " + uri.getHost() + " within the timeout"
                : e.getClass().getSimpleName() + " talking to " + uri.getHost()
                        + (e.getMessage() == null ? "" : ": " + Redactor.redact(e.getMessage()));
        boolean notSent = certainlyNotSent(e);
        Retry retry = Thread.currentThread().isInterrupted() ? Retry.NEVER
                : notSent ? Retry.ALWAYS : Retry.IF_IDEMPOTENT;
        Outcome outcome = Outcome.failure(ErrorCode.TRANSPORT_FAILURE, what, null, e, retry);
        outcome.unknownEffect = !notSent;
        return outcome;
    }

    /** Connection failures prove the request never reached the service; see {@link Transport}. */
    private static boolean certainlyNotSent(IOException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Duration since(long startedMillis) {
        return Duration.ofMillis(Math.max(0, clock.millis() - startedMillis));
    }

    private void completed(CompletedRequest request) {
        for (RequestInterceptor interceptor : interceptors) {
            try {
                interceptor.afterComplete(request);
            } catch (RuntimeException e) {
                LOG.warn("request interceptor {} failed in afterComplete ({}); the call's outcome stands",
                        interceptor.getClass().getName(), e.getClass().getName());
            }
        }
    }

    private enum Retry { NEVER, IF_IDEMPOTENT, ALWAYS }

    /** What one attempt came to: a response, or a failure with what it proves about retrying. */
    private static final class Outcome {
        final JsonNode response;
        final ErrorCode code;
        final String detail;
        final Integer wireCode;
        final Throwable cause;
        final Retry retry;
        /** How long the service asked to wait, or {@code null}. */
        Duration retryAfter;
        /** Whether the attempt may have been carried out although it failed. */
        boolean unknownEffect;

        private Outcome(JsonNode response, ErrorCode code, String detail, Integer wireCode, Throwable cause,
                        Retry retry) {
            this.response = response;
            this.code = code;
            this.detail = detail;
            this.wireCode = wireCode;
            this.cause = cause;
            this.retry = retry;
            this.unknownEffect = code != null && (retry == Retry.IF_IDEMPOTENT
                    || (wireCode != null && wireCode == VkErrorCodes.UNKNOWN_ERROR));
        }

        /** Whether the attempt may have been carried out: its answer was lost, unreadable or an internal error. */
        boolean mayHaveTakenEffect() {
            return unknownEffect;
        }

        static Outcome success(JsonNode response) {
            return new Outcome(response, null, null, null, null, Retry.NEVER);
        }

        static Outcome failure(ErrorCode code, String detail, Integer wireCode, Throwable cause, Retry retry) {
            return new Outcome(null, code, detail, wireCode, cause, retry);
        }

        Outcome withRetryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        /** The wait before the next attempt: what the service asked for (capped), else the policy's backoff. */
        Duration wait(Duration backoff, Duration cap) {
            return retryAfter == null ? backoff : retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        }

        boolean failed() {
            return code != null;
        }

        /** Whether this failure may be retried for this call, attempts permitting. */
        boolean allowsRetry(VkRequest request) {
            return retry == Retry.ALWAYS || (retry == Retry.IF_IDEMPOTENT && request.isIdempotent());
        }

        /** The log form: codes only, never the service's text. */
        String describe() {
            if (code == null) {
                return "ok";
            }
            return code.name() + (wireCode != null ? " (VK " + wireCode + ")" : "")
                    + (cause != null ? " (" + cause.getClass().getSimpleName() + ")" : "");
        }

        SferumException exception(String method, String requestId, int attempts) {
            String message = method + " failed: " + ErrorHints.of(code) + " (" + detail + ")"
                    + (attempts > 1 ? "; gave up after " + attempts + " attempts" : "");
            if (code == ErrorCode.RATE_LIMITED) {
                return new RateLimitException(message, retryAfter, wireCode, requestId, cause);
            }
            return SferumException.of(code, message, wireCode, requestId, cause);
        }
    }
}
