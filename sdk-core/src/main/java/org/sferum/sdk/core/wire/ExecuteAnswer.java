package org.sferum.sdk.core.wire;

import java.util.Objects;
import java.util.function.Function;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.SferumException;

/**
 * What one call inside a VK {@code execute} came to ({@link VkApi#execute}): its answer, or its own error.
 *
 * @param request the inner call
 * @param result its answer, or {@code null} when it failed
 * @param failure its error, or {@code null} when it succeeded
 */
public record ExecuteAnswer(VkRequest request, VkResult result, SferumException failure) {
    /**
     * Checks that exactly one of the answer and the error is given.
     *
     * @param request the inner call
     * @param result its answer, or {@code null} when it failed
     * @param failure its error, or {@code null} when it succeeded
     */
    public ExecuteAnswer {
        Objects.requireNonNull(request, "request");
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("an inner answer has either a result or a failure");
        }
    }

    /**
     * Decodes the answer as a direct call's decoder would, or throws the call's own error. A decoder that finds the
     * answer of a call that changes state unreadable gives an {@link OutcomeUnknownException} (the call was carried
     * out, what it did is not known), as {@link VkApi#call(TokenSource, VkRequest, Function)} does.
     *
     * @param decoder reads the answer
     * @param <T> what the answer is read as
     * @return the decoded answer
     * @throws SferumException the call's error, or the decoder's
     */
    public <T> T decode(Function<VkResult, T> decoder) {
        if (failure != null) {
            throw failure;
        }
        try {
            return decoder.apply(result);
        } catch (OutcomeUnknownException e) {
            throw e;
        } catch (SferumException e) {
            if (e.code() == ErrorCode.MALFORMED_RESPONSE && request.changesState()) {
                throw VkApi.outcomeUnknown(request, result.requestId(), null, e);
            }
            throw e;
        }
    }
}
