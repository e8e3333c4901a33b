package org.sferum.sdk.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;

/**
 * The parameters of one call, read as numbers, lists and SDK values. Every failure is a
 * {@link ValidationException} whose message starts with the parameter's name (VK error 100); values are never
 * echoed, so that no message text or token can reach an {@code error_msg}. An empty parameter counts as missing.
 */
final class VkParams {
    private final Map<String, String> values;

    /**
     * Wraps the merged parameters of a call.
     *
     * @param values the parameters
     */
    VkParams(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Returns one of VK's booleans: {@code 1}/{@code 0}, also {@code true}/{@code false}; missing is false.
     *
     * @param name the parameter
     * @return the value
     */
    boolean flag(String name) {
        String value = string(name).orElse("0").toLowerCase(Locale.ROOT);
        switch (value) {
            case "1":
            case "true":
                return true;
            case "0":
            case "false":
                return false;
            default:
                throw invalid(name, "must be 1 or 0");
        }
    }

    /**
     * Returns a parameter's text.
     *
     * @param name the parameter
     * @return the text; empty when missing or empty
     */
    Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * Returns a required parameter's text.
     *
     * @param name the parameter
     * @return the text
     */
    String requiredString(String name) {
        String value = values.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /**
     * Returns an optional 64-bit integer.
     *
     * @param name the parameter
     * @return the number, if given
     */
    OptionalLong optionalLong(String name) {
        Optional<String> text = string(name);
        return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(parseLong(name, text.get()));
    }

    /**
     * Returns a required 64-bit integer.
     *
     * @param name the parameter
     * @return the number
     */
    long requiredLong(String name) {
        return parseLong(name, string(name).orElseThrow(() -> missing(name)));
    }

    /**
     * Returns an optional 32-bit integer.
     *
     * @param name the parameter
     * @return the number, if given
     */
    OptionalInt optionalInt(String name) {
        OptionalLong value = optionalLong(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        long number = value.getAsLong();
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw invalid(name, "must be a 32-bit integer");
        }
        return OptionalInt.of((int) number);
    }

    /**
     * Returns a 32-bit integer with a default.
     *
     * @param name the parameter
     * @param fallback the value when it is missing
     * @return the number
     */
    int intOr(String name, int fallback) {
        return optionalInt(name).orElse(fallback);
    }

    /**
     * Returns a comma-joined list of 64-bit integers.
     *
     * @param name the parameter
     * @param maxItems the most items accepted
     * @return the numbers, empty when the parameter is missing or empty
     */
    List<Long> longList(String name, int maxItems) {
        Optional<String> text = string(name);
        List<Long> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String item : text.get().split(",", -1)) {
            out.add(parseLong(name, item.strip()));
        }
        if (out.size() > maxItems) {
            throw invalid(name, "may hold at most " + maxItems + " ids, got " + out.size());
        }
        return out;
    }

    /**
     * Returns an optional number parameter as an SDK value (an id), validated by the value type.
     *
     * @param name the parameter
     * @param factory builds the value from the number
     * @param <T> the value type
     * @return the value, if given
     */
    <T> Optional<T> optionalValue(String name, LongFunction<T> factory) {
        OptionalLong number = optionalLong(name);
        return number.isEmpty() ? Optional.empty()
                : Optional.of(value(name, () -> factory.apply(number.getAsLong())));
    }

    /**
     * Returns a required number parameter as an SDK value (an id), validated by the value type.
     *
     * @param name the parameter
     * @param factory builds the value from the number
     * @param <T> the value type
     * @return the value
     */
    <T> T requiredValue(String name, LongFunction<T> factory) {
        long number = requiredLong(name);
        return value(name, () -> factory.apply(number));
    }

    /**
     * Returns a comma-joined list of numbers as SDK values (ids), each validated by the value type.
     *
     * @param name the parameter
     * @param maxItems the most items accepted
     * @param factory builds a value from a number
     * @param <T> the value type
     * @return the values, empty when the parameter is missing or empty
     */
    <T> List<T> valueList(String name, int maxItems, LongFunction<T> factory) {
        List<T> out = new ArrayList<>();
        for (long number : longList(name, maxItems)) {
            out.add(value(name, () -> factory.apply(number)));
        }
        return out;
    }

    /**
     * Builds an SDK value from a parameter; a validation failure of the value type is reported with the
     * parameter's name and the value type's code.
     *
     * @param name the parameter
     * @param factory builds the value, validating it
     * @param <T> the value type
     * @return the value
     */
    static <T> T value(String name, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (SferumException e) {
            throw new ValidationException(e.code(), name + ": " + e.getMessage());
        }
    }

    /**
     * Reports an invalid parameter.
     *
     * @param name the parameter
     * @param problem what is wrong, without the value
     * @return the exception to throw
     */
    static ValidationException invalid(String name, String problem) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, name + " " + problem);
    }

    private static ValidationException missing(String name) {
        return invalid(name, "is required");
    }

    private static long parseLong(String name, String text) {
        // Long.parseLong also reads non-ASCII digits ("٢٠٠٠٠٠٠٠٠١"), where VK answers error 100 (issue 12 item 6).
        for (int i = text.startsWith("-") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(name, "must be an integer written in ASCII digits");
            }
        }
        try {
            return AsciiNumbers.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer");
        }
    }
}
