package org.sferum.sdk.emulator;

/**
 * The names the emulator's VK ID login pages and {@link EmulatorVkIdUsers} share: the form's path and fields, the
 * values of the submit buttons, and the machine-readable markers of a page (its step, its error).
 */
final class LoginForm {
    /** Where {@code GET} starts a login and every step's form is posted. */
    static final String PATH = "/authorize";
    /** The hidden field with the login's flow id. */
    static final String FLOW_ID = "flow_id";
    /** The name of every submit button; its value says which one was pressed. */
    static final String ACTION = "action";

    /** Field: the phone. */
    static final String PHONE = "phone";
    /** Field: the password. */
    static final String PASSWORD = "password";
    /** Field: the SMS code. */
    static final String SMS_CODE = "sms_code";
    /** Field: the new password of a reset. */
    static final String NEW_PASSWORD = "new_password";
    /** Field: the surname. */
    static final String LAST_NAME = "last_name";
    /** Field: the name. */
    static final String FIRST_NAME = "first_name";
    /** Field: the patronymic (optional). */
    static final String PATRONYMIC = "patronymic";
    /** Field: the birth date, ДД.ММ.ГГГГ. */
    static final String BIRTH_DATE = "birth_date";
    /** Field: {@code male} or {@code female}. */
    static final String GENDER = "gender";

    /** The attribute of the form that names its step ({@code VkIdLogin.Step}). */
    static final String STEP_ATTRIBUTE = "data-step";
    /** The attribute of the error paragraph that names its {@code ErrorCode}. */
    static final String CODE_ATTRIBUTE = "data-code";
    /** The attribute of the error paragraph with the lock's remaining seconds (too many attempts only). */
    static final String RETRY_AFTER_ATTRIBUTE = "data-retry-after";

    private LoginForm() {
    }

    /** The submit buttons, by the value they post as {@value #ACTION}. */
    enum Action {
        /** «Продолжить» on the phone page. */
        PHONE("phone"),
        /** «Продолжить» on the password page. */
        PASSWORD("password"),
        /** «Забыли или не установили пароль?». */
        FORGOT_PASSWORD("forgot_password"),
        /** «Продолжить» on the reset page. */
        RESET_PASSWORD("reset_password"),
        /** «Продолжить» on the SMS code page. */
        SMS_CODE("sms_code"),
        /** «Отправить код ещё раз» on the SMS code and reset pages. */
        RESEND_SMS_CODE("resend_sms_code"),
        /** «Продолжить в учебном профиле». */
        CONTINUE_IN_PROFILE("continue_in_profile"),
        /** «Создать учебный профиль». */
        CREATE_PROFILE("create_profile"),
        /** «Продолжить» on «Информация о себе». */
        ABOUT_YOU("about_you"),
        /** «Подтвердить». */
        CONFIRM("confirm"),
        /** «Отмена». */
        CANCEL("cancel");

        private final String value;

        Action(String value) {
            this.value = value;
        }

        /**
         * Returns the value the button posts.
         *
         * @return the value
         */
        String value() {
            return value;
        }

        /**
         * Finds the action a posted value names.
         *
         * @param value the posted value, possibly {@code null}
         * @return the action, or {@code null} for none
         */
        static Action of(String value) {
            for (Action action : values()) {
                if (action.value.equals(value)) {
                    return action;
                }
            }
            return null;
        }
    }
}
