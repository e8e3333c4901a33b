package org.sferum.sdk.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;

/** A transport that answers from a script and records every request it was given. No network. */
public final class ScriptedTransport implements Transport {
    /** One scripted answer. */
    @FunctionalInterface
    public interface Step {
        /**
         * Answers a request.
         *
         * @param request the request
         * @return the response
         * @throws IOException to simulate a network failure
         */
        TransportResponse answer(TransportRequest request) throws IOException;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    /** Every request received, in order. */
    public final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    /** How many times close() was called. */
    public int closeCalls;

    /** Creates a transport with an empty script. */
    public ScriptedTransport() {
    }

    /**
     * Adds a step.
     *
     * @param step the step
     * @return this
     */
    public synchronized ScriptedTransport then(Step step) {
        steps.add(step);
        return this;
    }

    /**
     * Answers {@code {"response": <json>}}.
     *
     * @param responseJson the response value as JSON
     * @return this
     */
    public ScriptedTransport ok(String responseJson) {
        return body(200, "{\"response\":" + responseJson + "}");
    }

    /**
     * Answers a VK error.
     *
     * @param code the error code
     * @param message the error_msg
     * @return this
     */
    public ScriptedTransport vkError(int code, String message) {
        return body(200, "{\"error\":{\"error_code\":" + code + ",\"error_msg\":" + quote(message)
                + ",\"request_params\":[{\"key\":\"method\",\"value\":\"x\"},{\"key\":\"oauth\",\"value\":\"1\"}]}}");
    }

    /**
     * Answers a status and body.
     *
     * @param status the HTTP status
     * @param body the body
     * @return this
     */
    public ScriptedTransport body(int status, String body) {
        return then(request -> new TransportResponse(status,
                Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fails with an exception.
     *
     * @param failure the exception
     * @return this
     */
    public ScriptedTransport fail(IOException failure) {
        return then(request -> {
            throw failure;
        });
    }

    /**
     * Holds the request, as a long poll does, until its thread is interrupted (the client closing it).
     *
     * @param holding counted down when the request is being held
     * @param interrupted counted down when the thread was interrupted; the request then fails
     * @return this
     */
    public ScriptedTransport holdUntilInterrupted(CountDownLatch holding, CountDownLatch interrupted) {
        return then(request -> {
            holding.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new InterruptedIOException("closed");
            }
            throw new IOException("never interrupted");
        });
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        requests.add(request);
        Step step;
        synchronized (this) {
            step = steps.poll();
        }
        if (step == null) {
            throw new AssertionError("unexpected request: " + request);
        }
        return step.answer(request);
    }

    @Override
    public void close() {
        closeCalls++;
    }

    /**
     * Tells whether every scripted step was used.
     *
     * @return whether the script is done
     */
    public synchronized boolean done() {
        return steps.isEmpty();
    }

    /**
     * Returns the form parameters of a request.
     *
     * @param request the request
     * @return the parameters in order
     */
    public static Map<String, String> form(TransportRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        String body = new String(request.body(), StandardCharsets.US_ASCII);
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Returns the VK method a request calls.
     *
     * @param request the request
     * @return the method name
     */
    public static String method(TransportRequest request) {
        String path = request.uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
