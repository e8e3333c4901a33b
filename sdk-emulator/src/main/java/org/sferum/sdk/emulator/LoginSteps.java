package org.sferum.sdk.emulator;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.emulator.LoginForm.Action;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.PersonalData;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizationResult;
import org.sferum.sdk.testkit.vkid.VkIdLogin;

/** Turns a posted login form into the engine's step call that its pressed button names. */
final class LoginSteps {
    private final VkIdService vkId;

    /**
     * Creates the translator.
     *
     * @param vkId the engine's VK ID
     */
    LoginSteps(VkIdService vkId) {
        this.vkId = vkId;
    }

    /**
     * Performs the action of a posted form.
     *
     * @param flowId the login's flow id
     * @param form the posted fields
     * @return where to redirect, when the action ended the login
     * @throws org.sferum.sdk.error.SferumException as the engine refuses the step, or {@code INVALID_ARGUMENT} for
     *     a form without a known action, {@code INVALID_PERSONAL_DATA} for a malformed birth date or gender
     *     ({@link PersonalData}'s rules)
     */
    Optional<AuthorizationResult> perform(String flowId, Map<String, String> form) {
        Action action = Action.of(form.get(LoginForm.ACTION));
        if (action == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the form names no known action");
        }
        switch (action) {
            case PHONE:
                vkId.enterPhone(flowId, field(form, LoginForm.PHONE));
                break;
            case PASSWORD:
                vkId.enterPassword(flowId, field(form, LoginForm.PASSWORD));
                break;
            case FORGOT_PASSWORD:
                vkId.forgotPassword(flowId);
                break;
            case RESET_PASSWORD:
                vkId.resetPassword(flowId, field(form, LoginForm.SMS_CODE), field(form, LoginForm.NEW_PASSWORD));
                break;
            case SMS_CODE:
                vkId.enterSmsCode(flowId, field(form, LoginForm.SMS_CODE));
                break;
            case RESEND_SMS_CODE:
                vkId.resendSmsCode(flowId);
                break;
            case CONTINUE_IN_PROFILE:
                vkId.continueInProfile(flowId);
                break;
            case CREATE_PROFILE:
                vkId.createProfile(flowId);
                break;
            case ABOUT_YOU:
                vkId.aboutYou(flowId, aboutYou(form));
                break;
            case CONFIRM:
                return Optional.of(vkId.confirm(flowId));
            case CANCEL:
            default:
                return Optional.of(vkId.cancel(flowId));
        }
        return Optional.empty();
    }

    private static VkIdLogin.AboutYou aboutYou(Map<String, String> form) {
        boolean female = PersonalData.parseFemale(field(form, LoginForm.GENDER));
        LocalDate birthDate = PersonalData.parseBirthDate(field(form, LoginForm.BIRTH_DATE));
        String patronymic = field(form, LoginForm.PATRONYMIC).strip();
        return new VkIdLogin.AboutYou(field(form, LoginForm.LAST_NAME), field(form, LoginForm.FIRST_NAME),
                patronymic.isEmpty() ? Optional.empty() : Optional.of(patronymic), birthDate, female);
    }

    private static String field(Map<String, String> form, String name) {
        return form.getOrDefault(name, "");
    }
}
