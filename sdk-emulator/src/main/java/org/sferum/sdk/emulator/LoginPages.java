package org.sferum.sdk.emulator;

import java.time.Duration;
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
 * user typed is shown again; the names of the check-data page are escaped.
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
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(title(step)).append("</h1>\n");
        error.ifPresent(e -> body.append(error(e)));
        if (step == Step.REDIRECTED) {
            body.append("<p>Вход завершён; вернитесь в школьную систему.</p>\n");
            return page(title(step), body.toString());
        }
        body.append("<form method=\"post\" action=\"").append(LoginForm.PATH).append("\" ")
                .append(LoginForm.STEP_ATTRIBUTE).append("=\"").append(step.name()).append("\">\n");
        body.append("<input type=\"hidden\" name=\"").append(LoginForm.FLOW_ID).append("\" value=\"")
                .append(Html.escape(flowId)).append("\">\n");
        if (step == Step.SMS_CODE || step == Step.RESET_PASSWORD) {
            demoSmsCode.ifPresent(code -> body.append("<p class=\"emulator\" data-emulator-sms=\"")
                    .append(Html.escape(code)).append("\">Демо-эмулятор: код из СМС — <strong>")
                    .append(Html.escape(code)).append("</strong>. В настоящем VK ID код приходит только на телефон."
                            + "</p>\n"));
        }
        fields(step, checkData, body);
        body.append("</form>\n");
        return page(title(step), body.toString());
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
        return page("Ошибка", "<h1>Ошибка</h1>\n" + error(error) + "<p>" + Html.escape(explanation) + "</p>\n");
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

    private static String error(PageError error) {
        StringBuilder p = new StringBuilder("<p class=\"error\" role=\"alert\" ").append(LoginForm.CODE_ATTRIBUTE)
                .append("=\"").append(error.code().name()).append('"');
        error.retryAfter().ifPresent(wait -> p.append(' ').append(LoginForm.RETRY_AFTER_ATTRIBUTE).append("=\"")
                .append(Math.max(0, wait.getSeconds())).append('"'));
        return p.append('>').append(Html.escape(text(error))).append("</p>\n").toString();
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

    private static void fields(Step step, Optional<Person> checkData, StringBuilder form) {
        switch (step) {
            case PHONE:
                input(form, "Номер телефона", LoginForm.PHONE, "tel", "tel");
                button(form, Action.PHONE, "Продолжить");
                break;
            case PASSWORD:
                input(form, "Пароль", LoginForm.PASSWORD, "password", "current-password");
                button(form, Action.PASSWORD, "Продолжить");
                button(form, Action.FORGOT_PASSWORD, "Забыли или не установили пароль?");
                break;
            case RESET_PASSWORD:
                form.append("<p>Мы отправили код в СМС. Введите его и придумайте новый пароль.</p>\n");
                input(form, "Код из СМС", LoginForm.SMS_CODE, "text", "one-time-code");
                input(form, "Новый пароль", LoginForm.NEW_PASSWORD, "password", "new-password");
                button(form, Action.RESET_PASSWORD, "Продолжить");
                button(form, Action.RESEND_SMS_CODE, "Отправить код ещё раз");
                break;
            case SMS_CODE:
                form.append("<p>Мы отправили код в СМС.</p>\n");
                input(form, "Код из СМС", LoginForm.SMS_CODE, "text", "one-time-code");
                button(form, Action.SMS_CODE, "Продолжить");
                button(form, Action.RESEND_SMS_CODE, "Отправить код ещё раз");
                break;
            case CHOOSE_PROFILE:
                form.append("<p>У вас есть учебный профиль Сферума.</p>\n");
                button(form, Action.CONTINUE_IN_PROFILE, "Продолжить в учебном профиле");
                break;
            case CREATE_PROFILE:
                form.append("<p>У вас ещё нет учебного профиля Сферума.</p>\n");
                button(form, Action.CREATE_PROFILE, "Создать учебный профиль");
                break;
            case ABOUT_YOU:
                aboutYou(form);
                break;
            case CHECK_DATA:
                checkData(form, checkData);
                break;
            case REDIRECTED:
            default:
                return;
        }
        if (step != Step.CHECK_DATA) {
            button(form, Action.CANCEL, "Отмена");
        }
    }

    private static void aboutYou(StringBuilder form) {
        input(form, "Фамилия", LoginForm.LAST_NAME, "text", "family-name");
        input(form, "Имя", LoginForm.FIRST_NAME, "text", "given-name");
        input(form, "Отчество (если есть)", LoginForm.PATRONYMIC, "text", "additional-name");
        form.append("<p><label>Дата рождения <input type=\"text\" name=\"").append(LoginForm.BIRTH_DATE)
                .append("\" placeholder=\"ДД.ММ.ГГГГ\" autocomplete=\"bday\"></label></p>\n");
        form.append("<fieldset><legend>Пол</legend>\n");
        form.append("<label><input type=\"radio\" name=\"").append(LoginForm.GENDER)
                .append("\" value=\"male\"> Мужской</label>\n");
        form.append("<label><input type=\"radio\" name=\"").append(LoginForm.GENDER)
                .append("\" value=\"female\"> Женский</label>\n");
        form.append("</fieldset>\n");
        button(form, Action.ABOUT_YOU, "Продолжить");
    }

    private static void checkData(StringBuilder form, Optional<Person> person) {
        person.ifPresent(p -> form.append("<dl>\n<dt>Фамилия</dt><dd>").append(Html.escape(p.lastName()))
                .append("</dd>\n<dt>Имя</dt><dd>").append(Html.escape(p.firstName())).append("</dd>\n</dl>\n"));
        button(form, Action.CONFIRM, "Подтвердить");
        button(form, Action.CANCEL, "Отмена");
    }

    private static void input(StringBuilder form, String label, String name, String type, String autocomplete) {
        form.append("<p><label>").append(label).append(" <input type=\"").append(type).append("\" name=\"")
                .append(name).append("\" autocomplete=\"").append(autocomplete).append("\"></label></p>\n");
    }

    private static void button(StringBuilder form, Action action, String label) {
        form.append("<button type=\"submit\" name=\"").append(LoginForm.ACTION).append("\" value=\"")
                .append(action.value()).append("\">").append(label).append("</button>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " — VK ID (эмулятор Сферума)</title>\n<style>" + EmulatorStyle.CSS
                + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
