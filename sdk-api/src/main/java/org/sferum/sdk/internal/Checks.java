package org.sferum.sdk.internal;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/** Argument checks that throw the SDK's typed {@link ValidationException}. Not part of the public API. */
public final class Checks {
    private Checks() {
    }

    /**
     * Fails with {@link ErrorCode#INVALID_ARGUMENT} when {@code value} is null.
     *
     * @param value the value
     * @param name its name, for the message
     * @param <T> its type
     * @return the value
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, name + " must not be null");
        }
        return value;
    }

    /**
     * Fails with {@link ErrorCode#INVALID_ARGUMENT} when the number is not positive.
     *
     * @param value the number
     * @param name its name, for the message
     * @return the number
     */
    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    name + " must be a positive number, got " + value);
        }
        return value;
    }

    /**
     * Fails when the condition is false.
     *
     * @param condition what must hold
     * @param code the code to fail with
     * @param message the message to fail with
     */
    public static void require(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new ValidationException(code, message);
        }
    }
}
