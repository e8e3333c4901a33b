package org.sferum.sdk.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.emulator.LoginForm.Action;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Person;

/**
 * Renders VK ID's login pages as plain HTML in Russian, one {@code <form method="post">} per step with the labels
 * of {@code docs/wire/vk-id.md} ("The emulator's login pages"). The form names its step in
 * {@value LoginForm#STEP_ATTRIBUTE}; an error is a {@code <p class="error">} naming its {@code ErrorCode} in
 * {@value LoginForm#CODE_ATTRIBUTE}, so that an HTTP client can walk the pages as reliably as a person. Nothing the
 * user typed is shown again; the page is the template {@code vkidStep.jte}, which escapes every value.
 */
final class LoginPages {
    private LoginPages() {
    }

    /**
     * An error shown on a page.
     *
     * @param code the error code
     * @param retryAfter the lock's remaining time, for {@code TOO_MANY_ATTEMPTS}
     */
    record PageError(ErrorCode code, Optional<Duration> retryAfter) {
        /**
         * The error an engine exception shows.
         *
         * @param e the exception
         * @return the error
         */
        static PageError of(SferumException e) {
            Optional<Duration> retryAfter = e instanceof RateLimitException
                    ? ((RateLimitException) e).retryAfter() : Optional.empty();
            return new PageError(e.code(), retryAfter);
        }

        /**
         * Returns the HTTP status of a page that shows this error.
         *
         * @return 429 for too many attempts, 404 for an unknown login, 409 for a button of another step, 400
         *     otherwise
         */
        int status() {
            switch (code.category()) {
                case RATE_LIMIT:
                    return 429;
                case NOT_FOUND:
                    return 404;
                case CONFLICT:
                    return 409;
                default:
                    return 400;
            }
        }
    }

    /**
     * Renders the page of a step.
     *
     * @param step the step the login is on
     * @param flowId the login's flow id
     * @param checkData the profile the check-data page shows, on that step only
     * @param error the error to show, if the last action was refused
     * @return the page
     */
    static String step(Step step, String flowId, Optional<Person> checkData, Optional<PageError> error) {
        return step(step, flowId, checkData, error, Optional.empty());
    }

    /**
     * Renders the page of a step; a demo emulator also shows the SMS code it sent, marked as the emulator's.
     *
     * @param step the step the login is on
     * @param flowId the login's flow id
     * @param checkData the profile the check-data page shows, on that step only
     * @param error the error to show, if the last action was refused
     * @param demoSmsCode the code sent to the login's phone, shown on the SMS steps in a demo only
     * @return the page
     */
    static String step(Step step, String flowId, Optional<Person> checkData, Optional<PageError> error,
                       Optional<String> demoSmsCode) {
        Optional<ErrorView> shown = error.map(ErrorView::of);
        if (step == Step.REDIRECTED) {
            return Templates.render("vkidStep.jte", StepView.noForm(title(step), shown,
                    "Вход завершён; вернитесь в школьную систему."));
        }
        boolean sms = step == Step.SMS_CODE || step == Step.RESET_PASSWORD;
        List<Button> buttons = new ArrayList<>(buttons(step));
        if (step != Step.CHECK_DATA) {
            buttons.add(new Button(Action.CANCEL, "Отмена"));
        }
        return Templates.render("vkidStep.jte", new StepView(title(step), step.name(), flowId, shown,
                sms ? demoSmsCode : Optional.empty(), intro(step), inputs(step), step == Step.ABOUT_YOU,
                step == Step.CHECK_DATA ? checkData : Optional.empty(), buttons, ""));
    }

    /**
     * Renders a page with an error and no form: an authorization request that cannot be redirected, or a login
     * that no longer exists.
     *
     * @param error the error
     * @param explanation what happened and what to do, in Russian
     * @return the page
     */
    static String failure(PageError error, String explanation) {
        return Templates.render("vkidStep.jte", StepView.noForm("Ошибка", Optional.of(ErrorView.of(error)),
                explanation));
    }

    /**
     * What {@code vkidStep.jte} shows.
     *
     * @param title the heading and the title's start
     * @param step the step's name in the form's {@value LoginForm#STEP_ATTRIBUTE}, or {@code null} for a page
     *     without a form
     * @param flowId the login's flow id, in the form's hidden field
     * @param error the refusal to show
     * @param demoSmsCode the SMS code a demo emulator shows
     * @param intro a paragraph before the fields, or empty
     * @param inputs the text fields
     * @param aboutYou whether to add the birth date and gender fields ("Информация о себе")
     * @param checkData the names the check-data page shows
     * @param buttons the submit buttons
     * @param explanation the text of a page without a form
     */
    record StepView(String title, String step, String flowId, Optional<ErrorView> error,
                    Optional<String> demoSmsCode, String intro, List<Input> inputs, boolean aboutYou,
                    Optional<Person> checkData, List<Button> buttons, String explanation) {
        static StepView noForm(String title, Optional<ErrorView> error, String explanation) {
            return new StepView(title, null, "", error, Optional.empty(), "", List.of(), false, Optional.empty(),
                    List.of(), explanation);
        }
    }

    /**
     * A labelled text field.
     *
     * @param label the label
     * @param name the field's name
     * @param type the input type
     * @param autocomplete the autocomplete hint
     */
    record Input(String label, String name, String type, String autocomplete) {
    }

    /**
     * A submit button that names its action.
     *
     * @param value the {@value LoginForm#ACTION} value
     * @param label the button's text
     */
    record Button(String value, String label) {
        Button(Action action, String label) {
            this(action.value(), label);
        }
    }

    /**
     * An error paragraph: {@code <p class="error" data-code="…" data-retry-after="…">}.
     *
     * @param code the {@code ErrorCode}'s name
     * @param retryAfterSeconds the lock's remaining seconds, or {@code null} (the attribute is then left out)
     * @param text the Russian text
     */
    record ErrorView(String code, Long retryAfterSeconds, String text) {
        static ErrorView of(PageError error) {
            return new ErrorView(error.code().name(),
                    error.retryAfter().map(wait -> Math.max(0, wait.getSeconds())).orElse(null), LoginPages.text(error));
        }
    }

    /**
     * Returns the text a page shows for an error.
     *
     * @param error the error
     * @return the Russian text
     */
    static String text(PageError error) {
        switch (error.code()) {
            case WRONG_PASSWORD:
                return "Неверный пароль";
            case WRONG_SMS_CODE:
                return "Неверный код";
            case SMS_CODE_EXPIRED:
                return "Код истёк, запросите новый";
            case TOO_MANY_ATTEMPTS:
                return "Слишком много попыток. Попробуйте снова через "
                        + error.retryAfter().map(LoginPages::minutes).orElse("несколько минут") + ".";
            case INVALID_PHONE:
                return "Введите номер мобильного телефона";
            case INVALID_PERSONAL_DATA:
                return "Проверьте данные: фамилия, имя, дата рождения в виде ДД.ММ.ГГГГ и пол обязательны";
            case NOT_FOUND:
                return "Вход не найден или устарел";
            case INVALID_ARGUMENT:
                return "Неверный запрос";
            default:
                return "Не получилось, попробуйте ещё раз";
        }
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        return minutes + " мин";
    }

    private static String title(Step step) {
        switch (step) {
            case PHONE:
                return "Введите номер телефона";
            case PASSWORD:
                return "Введите пароль";
            case RESET_PASSWORD:
            case SMS_CODE:
                return "Введите код из СМС";
            case CHOOSE_PROFILE:
                return "Выберите профиль";
            case CREATE_PROFILE:
                return "Учебный профиль";
            case ABOUT_YOU:
                return "Информация о себе";
            case CHECK_DATA:
                return "Проверьте данные";
            case REDIRECTED:
            default:
                return "Вход завершён";
        }
    }

    private static String intro(Step step) {
        switch (step) {
            case RESET_PASSWORD:
                return "Мы отправили код в СМС. Введите его и придумайте новый пароль.";
            case SMS_CODE:
                return "Мы отправили код в СМС.";
            case CHOOSE_PROFILE:
                return "У вас есть учебный профиль Сферума.";
            case CREATE_PROFILE:
                return "У вас ещё нет учебного профиля Сферума.";
            default:
                return "";
        }
    }

    private static List<Input> inputs(Step step) {
        switch (step) {
            case PHONE:
                return List.of(new Input("Номер телефона", LoginForm.PHONE, "tel", "tel"));
            case PASSWORD:
                return List.of(new Input("Пароль", LoginForm.PASSWORD, "password", "current-password"));
            case RESET_PASSWORD:
                return List.of(new Input("Код из СМС", LoginForm.SMS_CODE, "text", "one-time-code"),
                        new Input("Новый пароль", LoginForm.NEW_PASSWORD, "password", "new-password"));
            case SMS_CODE:
                return List.of(new Input("Код из СМС", LoginForm.SMS_CODE, "text", "one-time-code"));
            case ABOUT_YOU:
                return List.of(new Input("Фамилия", LoginForm.LAST_NAME, "text", "family-name"),
                        new Input("Имя", LoginForm.FIRST_NAME, "text", "given-name"),
                        new Input("Отчество (если есть)", LoginForm.PATRONYMIC, "text", "additional-name"));
            default:
                return List.of();
        }
    }

    private static List<Button> buttons(Step step) {
        switch (step) {
            case PHONE:
            case ABOUT_YOU:
                return List.of(new Button(step == Step.PHONE ? Action.PHONE : Action.ABOUT_YOU, "Продолжить"));
            case PASSWORD:
                return List.of(new Button(Action.PASSWORD, "Продолжить"),
                        new Button(Action.FORGOT_PASSWORD, "Забыли или не установили пароль?"));
            case RESET_PASSWORD:
            case SMS_CODE:
                return List.of(new Button(step == Step.SMS_CODE ? Action.SMS_CODE : Action.RESET_PASSWORD,
                        "Продолжить"), new Button(Action.RESEND_SMS_CODE, "Отправить код ещё раз"));
            case CHOOSE_PROFILE:
                return List.of(new Button(Action.CONTINUE_IN_PROFILE, "Продолжить в учебном профиле"));
            case CREATE_PROFILE:
                return List.of(new Button(Action.CREATE_PROFILE, "Создать учебный профиль"));
            case CHECK_DATA:
                return List.of(new Button(Action.CONFIRM, "Подтвердить"), new Button(Action.CANCEL, "Отмена"));
            default:
                return List.of();
        }
    }
}
