package org.sferum.sdk.spi;

import java.time.Duration;
import java.util.Optional;
import org.sferum.sdk.error.SferumException;

/**
 * A request that finished, successfully or not, as a {@link RequestInterceptor} sees it.
 *
 * @param operation the operation name
 * @param attempt the attempt number, 1 for the first try
 * @param requestId the SDK's id of the request
 * @param duration how long the attempt took
 * @param failure the failure, if it failed
 */
public record CompletedRequest(String operation, int attempt, String requestId, Duration duration,
                               Optional<SferumException> failure) {
}
