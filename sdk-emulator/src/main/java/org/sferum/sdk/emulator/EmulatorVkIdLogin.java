package org.sferum.sdk.emulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.emulator.LoginForm.Action;
import org.sferum.sdk.emulator.LoginPageReader.Form;
import org.sferum.sdk.emulator.LoginPageReader.Page;
import org.sferum.sdk.testkit.engine.vkid.PersonalData;
import org.sferum.sdk.testkit.vkid.VkIdLogin;

/**
 * One user on the emulator's VK ID login pages: each step posts the current page's form with the pressed button's
 * value and reads the next page; a page that shows an error throws it (the user stays on the step); the redirect
 * back to the school system ends the walk. Not thread-safe: one user, one browser tab.
 */
final class EmulatorVkIdLogin implements VkIdLogin {
    private final VkIdBrowser browser;
    private Form form;
    private Step step;
    private Map<String, String> redirect;

    /**
     * Starts on a page.
     *
     * @param browser the HTTP side
     * @param first the first page's form
     */
    EmulatorVkIdLogin(VkIdBrowser browser, Form first) {
        this.browser = browser;
        this.form = first;
        this.step = first.step();
    }

    /**
     * Opens the authorization URI and returns the user on its first page.
     *
     * @param browser the HTTP side
     * @param authorizationUri the URI the school system redirected to
     * @return the user
     * @throws SferumException what the emulator refused the request with: the error page's code, or
     *     {@code INVALID_ARGUMENT} when it redirected back with an OAuth error at once
     */
    static EmulatorVkIdLogin open(VkIdBrowser browser, URI authorizationUri) {
        HttpResponse<String> response = browser.get(authorizationUri);
        if (isRedirect(response)) {
            Map<String, String> query = VkIdBrowser.queryOf(location(response));
            throw SferumException.of(ErrorCode.INVALID_ARGUMENT, "VK ID refused the authorization request and "
                    + "redirected back with error=" + query.getOrDefault("error", "?") + ": "
                    + query.getOrDefault("error_description", ""));
        }
        Page page = LoginPageReader.read(response.body(), authorizationUri);
        if (page.error().isPresent()) {
            throw page.error().get();
        }
        return new EmulatorVkIdLogin(browser, page.form().orElseThrow(() -> notAPage(response)));
    }

    @Override
    public Step step() {
        return step;
    }

    @Override
    public Step enterPhone(String phone) {
        return submit(Action.PHONE, LoginForm.PHONE, phone);
    }

    @Override
    public Step enterPassword(String password) {
        return submit(Action.PASSWORD, LoginForm.PASSWORD, password);
    }

    @Override
    public Step forgotPassword() {
        return submit(Action.FORGOT_PASSWORD);
    }

    @Override
    public Step resetPassword(String smsCode, String newPassword) {
        return submit(Action.RESET_PASSWORD, LoginForm.SMS_CODE, smsCode, LoginForm.NEW_PASSWORD, newPassword);
    }

    @Override
    public Step enterSmsCode(String smsCode) {
        return submit(Action.SMS_CODE, LoginForm.SMS_CODE, smsCode);
    }

    @Override
    public Step continueInProfile() {
        return submit(Action.CONTINUE_IN_PROFILE);
    }

    @Override
    public Step createProfile() {
        return submit(Action.CREATE_PROFILE);
    }

    @Override
    public Step aboutYou(AboutYou data) {
        Objects.requireNonNull(data, "data");
        return submit(Action.ABOUT_YOU,
                LoginForm.LAST_NAME, data.lastName(),
                LoginForm.FIRST_NAME, data.firstName(),
                LoginForm.PATRONYMIC, data.patronymic().orElse(""),
                LoginForm.BIRTH_DATE, data.birthDate() == null ? "" : PersonalData.formatBirthDate(data.birthDate()),
                LoginForm.GENDER, data.female() ? "female" : "male");
    }

    @Override
    public Map<String, String> confirm() {
        submit(Action.CONFIRM);
        return redirectQuery();
    }

    @Override
    public Map<String, String> cancel() {
        submit(Action.CANCEL);
        return redirectQuery();
    }

    @Override
    public String toString() {
        return "EmulatorVkIdLogin[" + step + "]";
    }

    private Map<String, String> redirectQuery() {
        if (redirect == null) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "VK ID did not redirect back after the last step");
        }
        return redirect;
    }

    private Step submit(Action action, String... fields) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(LoginForm.FLOW_ID, form.flowId());
        for (int i = 0; i < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1] == null ? "" : fields[i + 1]);
        }
        body.put(LoginForm.ACTION, action.value());
        HttpResponse<String> response = browser.postForm(form.action(), body);
        if (isRedirect(response)) {
            redirect = Map.copyOf(VkIdBrowser.queryOf(location(response)));
            step = Step.REDIRECTED;
            return step;
        }
        Page page = LoginPageReader.read(response.body(), form.action());
        Optional<Form> next = page.form();
        if (next.isPresent()) {
            form = next.get();
            step = form.step();
        }
        if (page.error().isPresent()) {
            throw page.error().get();
        }
        if (next.isEmpty()) {
            throw notAPage(response);
        }
        return step;
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        int status = response.statusCode();
        return status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent();
    }

    private static URI location(HttpResponse<String> response) {
        try {
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        } catch (IllegalArgumentException e) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "VK ID redirected to a malformed URI");
        }
    }

    private static SferumException notAPage(HttpResponse<String> response) {
        return SferumException.of(ErrorCode.MALFORMED_RESPONSE, "VK ID answered HTTP " + response.statusCode()
                + " without a login form; is " + response.uri().getScheme() + "://"
                + response.uri().getAuthority() + " a Sferum emulator?");
    }
}
