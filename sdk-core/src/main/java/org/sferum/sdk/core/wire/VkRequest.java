package org.sferum.sdk.core.wire;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One VK API call before it is sent: the method, its parameters in order, and whether repeating it is safe.
 * Arrays are comma-joined and booleans are {@code 1}/{@code 0}, as the wire contract says. {@code v} and the
 * token are added by {@link VkApi}; they cannot be set here.
 */
public final class VkRequest {
    private static final Pattern METHOD = Pattern.compile("execute|[a-z][A-Za-z]*\\.[a-z][A-Za-z]*");
    /** The verbs of methods that only read: {@code messages.getHistory}, {@code messages.search}, {@code calls.list}. */
    private static final Pattern READ = Pattern.compile("[a-z][A-Za-z]*\\.(get|search|list)([A-Z][A-Za-z]*)?");

    private final String method;
    private final boolean idempotent;
    private final Map<String, String> params = new LinkedHashMap<>();
    /** Whether the call changes state, when its method name cannot say ({@code execute}); else {@code null}. */
    private Boolean changes;
    /** Whether its answer is left as bytes for a streaming decoder ({@link VkResult#responseParser()}). */
    private boolean streamed;

    private VkRequest(String method, boolean idempotent) {
        if (!METHOD.matcher(Objects.requireNonNull(method, "method")).matches()) {
            throw new IllegalArgumentException("not a VK API method name: " + method);
        }
        this.method = method;
        this.idempotent = idempotent;
    }

    /**
     * A call that only reads, or whose repetition changes nothing: it is retried even after a failure that may
     * have reached the service.
     *
     * @param method the method, such as {@code messages.getHistory}
     * @return the request
     */
    public static VkRequest idempotent(String method) {
        return new VkRequest(method, true);
    }

    /**
     * A call that changes something and must not run twice (such as {@code messages.createChat}): it is retried
     * only after failures that prove the service did not carry it out.
     *
     * @param method the method
     * @return the request
     */
    public static VkRequest once(String method) {
        return new VkRequest(method, false);
    }

    /**
     * A VK {@code execute} call carrying other calls: idempotent when all of them are, changing state when any of
     * them does.
     *
     * @param idempotent whether every inner call is idempotent
     * @param changesState whether any inner call changes state
     * @return the request
     */
    /**
     * Marks the call's answer to be read without a tree (issue 15): a successful {@code {"response": …}} stays as
     * bytes in the {@link VkResult}, for a decoder that reads it with {@link VkResult#responseParser()}; an error
     * or any other shape is read as usual. Inside {@code execute} the mark has no effect.
     *
     * @return this request
     */
    public VkRequest streamed() {
        this.streamed = true;
        return this;
    }

    /**
     * Tells whether the answer is left as bytes for a streaming decoder.
     *
     * @return whether {@link #streamed()} was called
     */
    public boolean isStreamed() {
        return streamed;
    }

    static VkRequest execute(boolean idempotent, boolean changesState) {
        VkRequest request = new VkRequest("execute", idempotent);
        request.changes = changesState;
        return request;
    }

    /**
     * Adds a text parameter.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public VkRequest param(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (name.equals("v") || name.equals("access_token")) {
            throw new IllegalArgumentException(name + " is set by the client, not by a request");
        }
        params.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds a number parameter.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public VkRequest param(String name, long value) {
        return param(name, Long.toString(value));
    }

    /**
     * Adds a boolean parameter as {@code 1} or {@code 0}.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public VkRequest param(String name, boolean value) {
        return param(name, value ? "1" : "0");
    }

    /**
     * Adds an array parameter, comma-joined.
     *
     * @param name the name
     * @param values the values, written with {@link String#valueOf(Object)}
     * @return this request
     */
    public VkRequest param(String name, Collection<?> values) {
        StringJoiner joined = new StringJoiner(",");
        for (Object value : values) {
            joined.add(String.valueOf(value));
        }
        return param(name, joined.toString());
    }

    /**
     * Returns the method name.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Tells whether repeating the call is safe.
     *
     * @return whether the call is idempotent
     */
    public boolean isIdempotent() {
        return idempotent;
    }

    /**
     * Tells whether the call changes something on the platform, so that a failure whose outcome is unknown must be
     * reported as {@link org.sferum.sdk.error.OutcomeUnknownException} rather than as a plain failure. Every
     * {@link #once} call does; an {@link #idempotent} call does unless its verb only reads ({@code get…},
     * {@code search…}, {@code list}).
     *
     * @return whether the call changes state
     */
    public boolean changesState() {
        if (changes != null) {
            return changes;
        }
        return !idempotent || !READ.matcher(method).matches();
    }

    /**
     * Returns the parameters in the order they were added.
     *
     * @return an unmodifiable view
     */
    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    /** Shows the method and the parameter names only: values may be message text. */
    @Override
    public String toString() {
        return "VkRequest[" + method + " " + params.keySet() + (idempotent ? ", idempotent]" : "]");
    }
}
