package org.sferum.sdk.testkit.engine.vkid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/**
 * Russian mobile numbers, the VK ID login (F-LINK-10): accepted as {@code +7 9XX XXX-XX-XX} or {@code 89XXXXXXXXX},
 * with or without spaces, dashes and parentheses; stored as {@code +79XXXXXXXXX}.
 */
final class Phones {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0()\\-]");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+7|8)(9\\d{9})");
    private static final int MAX_TYPED_LENGTH = 40;

    private Phones() {
    }

    /**
     * Normalises a phone as typed.
     *
     * @param typed the phone as the user typed it
     * @return {@code +79XXXXXXXXX}
     * @throws ValidationException with {@code INVALID_PHONE} for anything else
     */
    static String normalize(String typed) {
        if (typed != null && typed.length() <= MAX_TYPED_LENGTH) {
            Matcher mobile = MOBILE.matcher(SEPARATORS.matcher(typed).replaceAll(""));
            if (mobile.matches()) {
                return "+7" + mobile.group(1);
            }
        }
        throw new ValidationException(ErrorCode.INVALID_PHONE, "enter a Russian mobile number, such as "
                + "+7 9XX XXX-XX-XX or 89XXXXXXXXX («Введите номер мобильного телефона»)");
    }

    /**
     * Masks a normalised phone as VK ID shows it.
     *
     * @param phone {@code +79XXXXXXXXX}
     * @return {@code +7 *** ***-**-NN}, with the last two digits
     */
    static String mask(String phone) {
        return "+7 *** ***-**-" + phone.substring(phone.length() - 2);
    }
}
