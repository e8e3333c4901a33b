package org.sferum.sdk.testkit.engine.vkid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/**
 * The rules of «Информация о себе» (F-LINK-03, F-LINK-04), in one place for the engine and the emulator's pages:
 * names are not blank, at most {@value #MAX_NAME_LENGTH} characters and free of control characters; the birth date
 * is in the past and at most {@value #MAX_AGE_YEARS} years ago; the gender is {@code male} or {@code female}.
 * Every refusal is a {@link ValidationException} with {@link ErrorCode#INVALID_PERSONAL_DATA}.
 */
public final class PersonalData {
    /** The longest name, surname or patronymic accepted. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The oldest plausible age, in years. */
    public static final int MAX_AGE_YEARS = 120;

    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private PersonalData() {
    }

    /**
     * Parses a birth date as the form and the control API carry it.
     *
     * @param text {@code ДД.ММ.ГГГГ}, such as {@code 14.03.2012}
     * @return the date (not yet checked for plausibility, see {@link #birthDate})
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} when it is not such a date
     */
    public static LocalDate parseBirthDate(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim(), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw invalid("the birth date must be a real date written as ДД.ММ.ГГГГ, such as 14.03.2012");
        }
    }

    /**
     * Formats a birth date as VK ID shows it.
     *
     * @param date the date
     * @return {@code DD.MM.YYYY}
     */
    public static String formatBirthDate(LocalDate date) {
        return BIRTH_DATE.format(date);
    }

    /**
     * Parses the gender as the form carries it.
     *
     * @param text {@code male} or {@code female}, in any case
     * @return {@code true} for female
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} for anything else
     */
    public static boolean parseFemale(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("female")) {
            return true;
        }
        if (value.equals("male")) {
            return false;
        }
        throw invalid("choose the gender: male or female");
    }

    /**
     * Checks a name or surname.
     *
     * @param value the value
     * @param what what it is, for the message ("first name")
     * @return the value, trimmed
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} when it is blank, too long or has control
     *     characters
     */
    public static String name(String value, String what) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw invalid("the " + what + " is required");
        }
        if (trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid("the " + what + " must be at most " + MAX_NAME_LENGTH
                    + " characters, without control characters");
        }
        return trimmed;
    }

    /**
     * Checks the optional patronymic: a blank one counts as none.
     *
     * @param value the value, if any
     * @return the patronymic, trimmed, if any
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} when it is too long or has control characters
     */
    public static Optional<String> patronymic(Optional<String> value) {
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(name(value.get(), "patronymic"));
    }

    /**
     * Checks that a birth date is plausible: before today and at most {@value #MAX_AGE_YEARS} years ago.
     *
     * @param date the date
     * @param today today on the platform's clock
     * @return the date
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} otherwise
     */
    public static LocalDate birthDate(LocalDate date, LocalDate today) {
        if (date == null) {
            throw invalid("the birth date is required");
        }
        if (!date.isBefore(today) || date.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            throw invalid("the birth date must be in the past and at most " + MAX_AGE_YEARS + " years ago");
        }
        return date;
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_PERSONAL_DATA, message);
    }
}
