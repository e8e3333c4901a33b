package org.sferum.sdk.testkit.vkid;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A user walking VK ID's linking pages, step by step, as the manuals show them (F-LINK-02 … F-LINK-05). The fake
 * drives the engine directly; against the emulator, an HTTP client posts the pages' forms as a browser would. Both
 * enforce the same rules (the engine's), so a test written against this interface runs on both faces.
 *
 * <p>Each step returns the step the user is on next, or throws the typed {@code SferumException} the page shows
 * (wrong password, wrong or expired code, too many attempts, malformed phone); after a refused step the user is still
 * on the same step and may try again.
 */
public interface VkIdLogin {

    /** Where the user is in the flow. */
    enum Step {
        /** «Введите номер телефона». */
        PHONE,
        /** «Введите пароль» (VK ID with a password). */
        PASSWORD,
        /** «Введите код из СМС» after «Забыли или не установили пароль?», then a new password. */
        RESET_PASSWORD,
        /** «Введите код из СМС». */
        SMS_CODE,
        /** «Продолжить в учебном профиле» (variant 1). */
        CHOOSE_PROFILE,
        /** «Создать учебный профиль» (variant 2). */
        CREATE_PROFILE,
        /** «Информация о себе» (variants 2 and 3). */
        ABOUT_YOU,
        /** «Проверьте данные» before returning to the school system. */
        CHECK_DATA,
        /** Done: the browser was sent back to the school system. */
        REDIRECTED
    }

    /**
     * The personal data of «Информация о себе».
     *
     * @param lastName the surname
     * @param firstName the name
     * @param patronymic the patronymic, if any
     * @param birthDate the birth date
     * @param female {@code true} for female, {@code false} for male
     */
    record AboutYou(String lastName, String firstName, Optional<String> patronymic, LocalDate birthDate,
                    boolean female) {
    }

    /**
     * Returns the step the user is on.
     *
     * @return the step
     */
    Step step();

    /**
     * Enters the phone number (the login, F-LINK-10).
     *
     * @param phone the phone as the user types it
     * @return the next step: {@link Step#PASSWORD}, or {@link Step#SMS_CODE} for a phone without VK ID
     */
    Step enterPhone(String phone);

    /**
     * Enters the VK ID password.
     *
     * @param password the password
     * @return {@link Step#SMS_CODE}
     */
    Step enterPassword(String password);

    /**
     * Clicks «Забыли или не установили пароль?»: an SMS code is sent for the reset.
     *
     * @return {@link Step#RESET_PASSWORD}
     */
    Step forgotPassword();

    /**
     * Enters the reset SMS code and a new password.
     *
     * @param smsCode the code
     * @param newPassword the new password
     * @return the profile step ({@link Step#CHOOSE_PROFILE} or {@link Step#CREATE_PROFILE})
     */
    Step resetPassword(String smsCode, String newPassword);

    /**
     * Enters the SMS code.
     *
     * @param smsCode the code
     * @return {@link Step#CHOOSE_PROFILE}, {@link Step#CREATE_PROFILE} or {@link Step#ABOUT_YOU}
     */
    Step enterSmsCode(String smsCode);

    /**
     * Clicks «Продолжить в учебном профиле».
     *
     * @return {@link Step#CHECK_DATA}
     */
    Step continueInProfile();

    /**
     * Clicks «Создать учебный профиль».
     *
     * @return {@link Step#ABOUT_YOU}
     */
    Step createProfile();

    /**
     * Fills «Информация о себе» and continues.
     *
     * @param data the personal data
     * @return {@link Step#CHECK_DATA}
     */
    Step aboutYou(AboutYou data);

    /**
     * Confirms the personal data: VK ID redirects back to the school system.
     *
     * @return the query parameters of the redirect (code, state, device_id… or error)
     */
    Map<String, String> confirm();

    /**
     * Cancels: VK ID redirects back with {@code error=access_denied}.
     *
     * @return the query parameters of the redirect
     */
    Map<String, String> cancel();
}
