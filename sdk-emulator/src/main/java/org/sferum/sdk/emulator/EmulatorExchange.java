package org.sferum.sdk.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request and its answer, as the emulator's handlers see them: a small blocking facade over a Jetty core
 * {@link Request}/{@link Response} pair, so that the handlers stay plain code that reads a stream and writes an
 * answer. An exchange is finished by {@link #close()}; a handler may return without closing it and close it later
 * from another thread (the long poll does), which Jetty sees as an asynchronous request.
 */
final class EmulatorExchange implements AutoCloseable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final RequestHeaders requestHeaders;
    private final ResponseHeaders responseHeaders;
    private final AtomicBoolean closed = new AtomicBoolean();
    private URI uri;
    private long declaredLength = -1;
    private boolean headersSent;
    private OutputStream body;

    EmulatorExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.requestHeaders = new RequestHeaders(request.getHeaders());
        this.responseHeaders = new ResponseHeaders(response.getHeaders());
    }

    /**
     * Returns the HTTP method.
     *
     * @return such as {@code GET}
     */
    String getRequestMethod() {
        return request.getMethod();
    }

    /**
     * Returns the request's path and query as a URI (no scheme or host).
     *
     * @return the URI; {@code /} when the target cannot be parsed as one
     */
    URI getRequestURI() {
        if (uri == null) {
            String pathQuery = request.getHttpURI().getPathQuery();
            try {
                uri = new URI(pathQuery == null ? "/" : pathQuery);
            } catch (URISyntaxException e) {
                uri = URI.create("/");
            }
        }
        return uri;
    }

    /**
     * Returns the request's headers.
     *
     * @return the headers, looked up case-insensitively
     */
    RequestHeaders getRequestHeaders() {
        return requestHeaders;
    }

    /**
     * Returns the answer's headers, to set before {@link #sendResponseHeaders}.
     *
     * @return the headers, sent with their names as given
     */
    ResponseHeaders getResponseHeaders() {
        return responseHeaders;
    }

    /**
     * Returns the request's declared body length.
     *
     * @return the {@code Content-Length}, or -1 when the body is chunked or absent
     */
    long requestLength() {
        return request.getLength();
    }

    /**
     * Returns the request body as a blocking stream; reads past the end return -1.
     *
     * @return the body
     */
    InputStream getRequestBody() {
        byte[] buffered = bufferedBody;
        return buffered != null ? new java.io.ByteArrayInputStream(buffered) : Content.Source.asInputStream(request);
    }

    /** The body, when the server read it without a thread before calling the handler; else {@code null}. */
    private volatile byte[] bufferedBody;

    /**
     * Gives the body the server read asynchronously ({@link EmulatorHttpServer}, small-body routes), so that a
     * client trickling its body holds no worker thread while it does.
     *
     * @param body the whole body
     */
    void bufferedBody(byte[] body) {
        this.bufferedBody = body;
    }

    /**
     * Sets the status and the body length, as {@code com.sun.net.httpserver} did: {@code -1} for no body, {@code 0}
     * for a body of unknown length, otherwise the exact length.
     *
     * @param status the HTTP status
     * @param length the body length
     */
    void sendResponseHeaders(int status, long length) {
        response.setStatus(status);
        declaredLength = length;
        if (length > 0) {
            response.getHeaders().put("Content-Length", Long.toString(length));
        } else if (length < 0) {
            response.getHeaders().put("Content-Length", "0");
        }
        headersSent = true;
    }

    /**
     * Tells whether the status and headers were given.
     *
     * @return whether {@link #sendResponseHeaders} was called
     */
    boolean headersSent() {
        return headersSent;
    }

    /**
     * Returns the stream to write the body to, after {@link #sendResponseHeaders}; closing it ends the body.
     *
     * @return the body stream
     */
    OutputStream getResponseBody() {
        if (body == null) {
            body = Content.Sink.asOutputStream(response);
        }
        return body;
    }

    /**
     * Sends a whole answer in one write and finishes the exchange: the fast path of the JSON and HTML answers.
     *
     * @param status the HTTP status
     * @param bytes the body, or {@code null} for none (a {@code HEAD})
     * @throws IOException if the client went away
     */
    void sendAndClose(int status, byte[] bytes) throws IOException {
        sendResponseHeaders(status, bytes == null ? -1 : bytes.length);
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (bytes == null || bytes.length == 0) {
            callback.succeeded();
            return;
        }
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(bytes), blocker);
            blocker.block();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            throw e;
        }
    }

    /** Ends the answer (an empty body when none was written) and releases the request. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!headersSent) {
            sendResponseHeaders(500, -1);
        }
        try {
            if (body != null) {
                body.close();
            }
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /**
     * Fails the exchange (the connection is reset or answered 500 when nothing was sent yet).
     *
     * @param failure why
     */
    void abort(Throwable failure) {
        if (closed.compareAndSet(false, true)) {
            callback.failed(failure);
        }
    }

    /** The request's headers, read-only and case-insensitive. */
    static final class RequestHeaders {
        private final HttpFields fields;

        RequestHeaders(HttpFields fields) {
            this.fields = fields;
        }

        /**
         * Returns the first value of a header.
         *
         * @param name the header name, any case
         * @return the value, or {@code null}
         */
        String getFirst(String name) {
            return fields.get(name);
        }

        /**
         * Returns every value of a header.
         *
         * @param name the header name, any case
         * @return the values, empty when absent
         */
        List<String> get(String name) {
            return fields.getValuesList(name);
        }
    }

    /** The answer's headers; names are sent exactly as given (so {@code Content-Type}, not {@code Content-type}). */
    static final class ResponseHeaders {
        private final HttpFields.Mutable fields;

        ResponseHeaders(HttpFields.Mutable fields) {
            this.fields = fields;
        }

        /**
         * Replaces a header.
         *
         * @param name the name
         * @param value the value
         */
        void set(String name, String value) {
            fields.put(name, value);
        }

        /**
         * Adds a value to a header.
         *
         * @param name the name
         * @param value the value
         */
        void add(String name, String value) {
            fields.add(name, value);
        }

        /**
         * Returns the first value of a header.
         *
         * @param name the name, any case
         * @return the value, or {@code null}
         */
        String getFirst(String name) {
            return fields.get(name);
        }
    }
}
