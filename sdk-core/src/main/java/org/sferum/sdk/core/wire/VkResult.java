package org.sferum.sdk.core.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;

/**
 * The {@code response} of a successful call, with what is needed to report a malformed one. Usually a tree; for a
 * {@link VkRequest#streamed() streamed} request the answer's bytes, which a hot-path decoder reads with
 * {@link #responseParser()} without building a tree (issue 15); {@link #response()} still gives the tree, parsed on
 * first use.
 */
public final class VkResult {
    private final String method;
    private final String requestId;
    private final byte[] body;
    private volatile JsonNode response;

    /**
     * Creates the result of an answer read as a tree.
     *
     * @param method the method that answered
     * @param requestId the request id of the call
     * @param response the value of {@code response}
     */
    public VkResult(String method, String requestId, JsonNode response) {
        this.method = Objects.requireNonNull(method, "method");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.response = Objects.requireNonNull(response, "response");
        this.body = null;
    }

    private VkResult(String method, String requestId, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * Creates the result of a streamed answer: the whole body, whose first field is {@code response}.
     *
     * @param method the method that answered
     * @param requestId the request id of the call
     * @param body the answer's bytes
     * @return the result
     */
    public static VkResult streamed(String method, String requestId, byte[] body) {
        return new VkResult(method, requestId, body);
    }

    /**
     * Returns the method that answered.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the request id of the call.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Tells whether the answer is still bytes, to read with {@link #responseParser()}.
     *
     * @return whether the answer was streamed
     */
    public boolean isStreamed() {
        return body != null;
    }

    /**
     * Returns the value of {@code response} as a tree (parsed on first use for a streamed answer).
     *
     * @return the value
     * @throws ServiceException with {@code MALFORMED_RESPONSE} when a streamed answer turns out not to be JSON
     */
    public JsonNode response() {
        JsonNode tree = response;
        if (tree == null) {
            try {
                JsonNode root = Json.parse(body);
                tree = root == null ? null : root.get("response");
            } catch (IOException e) {
                tree = null;
            }
            if (tree == null) {
                throw malformed("is not a JSON object with a response");
            }
            response = tree;
        }
        return tree;
    }

    /**
     * Opens a parser at the first token of the {@code response} value, without building a tree: over the bytes of
     * a streamed answer, or over the tree otherwise. The caller closes it.
     *
     * @return the parser, its current token the value's first
     * @throws IOException when the answer cannot be read that far
     */
    public JsonParser responseParser() throws IOException {
        if (body == null) {
            JsonParser parser = Json.MAPPER.treeAsTokens(response);
            parser.nextToken();
            return parser;
        }
        JsonParser parser = Json.MAPPER.getFactory().createParser(body);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.close();
            throw new IOException("not an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean found = "response".equals(parser.currentName());
            parser.nextToken();
            if (found) {
                return parser;
            }
            parser.skipChildren();
        }
        parser.close();
        throw new IOException("no response");
    }

    /**
     * Builds the error for an answer that is not what the method returns.
     *
     * @param what what is wrong with it, without quoting it
     * @return a {@code MALFORMED_RESPONSE} exception naming the method and the request id
     */
    public ServiceException malformed(String what) {
        return new ServiceException(ErrorCode.MALFORMED_RESPONSE, method + " failed: "
                + ErrorHints.of(ErrorCode.MALFORMED_RESPONSE) + " (the answer " + what + ")", null, requestId,
                null);
    }

    @Override
    public String toString() {
        return "VkResult[" + method + ", request " + requestId + (body != null ? ", streamed]" : "]");
    }
}
