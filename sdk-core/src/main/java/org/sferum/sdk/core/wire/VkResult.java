package org.sferum.sdk.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;

/**
 * The {@code response} of a successful call, with what a decoder needs to report an answer it cannot read.
 *
 * @param method the method called
 * @param requestId the id of the call
 * @param response the {@code response} value
 */
public record VkResult(String method, String requestId, JsonNode response) {
    /**
     * Validates the fields.
     *
     * @param method the method called
     * @param requestId the id of the call
     * @param response the {@code response} value
     */
    public VkResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(response, "response");
    }

    /**
     * Builds the exception for an answer that lacks what the contract promises.
     *
     * @param what what is wrong, such as {@code "has no items"}
     * @return the exception, to throw
     */
    public ServiceException malformed(String what) {
        return new ServiceException(ErrorCode.MALFORMED_RESPONSE, method + " failed: "
                + ErrorHints.of(ErrorCode.MALFORMED_RESPONSE) + " (the answer " + what + ")", null, requestId,
                null);
    }
}
