package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizeRequest;
import org.sferum.sdk.testkit.vkid.VkIdLogin.AboutYou;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The login pages of the manuals as a state machine (F-LINK-02 … F-LINK-05, F-LINK-10): each step checks that the
 * flow is on it, and a refused step leaves the flow where it was. Guarded by the VK ID lock.
 *
 * <pre>
 * PHONE ─▶ PASSWORD ─▶ SMS_CODE ─▶ CHOOSE_PROFILE ─▶ CHECK_DATA ─▶ REDIRECTED
 *   │         │                 └▶ CREATE_PROFILE ─▶ ABOUT_YOU ─▶ CHECK_DATA
 *   │         └▶ RESET_PASSWORD ─▶ CHOOSE_PROFILE | CREATE_PROFILE
 *   └▶ SMS_CODE (no VK ID) ─▶ ABOUT_YOU ─▶ CHECK_DATA
 * </pre>
 */
final class LoginFlows {
    /** How long a login may take from {@code /authorize} on. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** The role of profiles created on the pages; the school system gives the real one with the link. */
    static final Role NEW_PROFILE_ROLE = Role.STUDENT;

    private final PlatformUsers engine;
    private final Accounts accounts;
    private final Attempts attempts;
    private final SmsCodes sms;
    /** At most this many logins are live at once; a new one drops the oldest (no login is needed to start one). */
    static final int MAX_LIVE = 10_000;

    /** In the order the logins started: with one lifetime for all, the expired ones are at the head. */
    private final Map<String, LoginFlow> flows = new LinkedHashMap<>();

    LoginFlows(PlatformUsers engine, Accounts accounts, Attempts attempts, SmsCodes sms) {
        this.engine = engine;
        this.accounts = accounts;
        this.attempts = attempts;
        this.sms = sms;
    }

    String start(AuthorizeRequest request, Instant now) {
        Iterator<LoginFlow> oldest = flows.values().iterator();
        while (oldest.hasNext()) {
            LoginFlow flow = oldest.next();
            if (now.isBefore(flow.expiresAt) && flows.size() < MAX_LIVE) {
                break;
            }
            attempts.forgetFlow(flow.id);
            oldest.remove();
        }
        String id = RandomSecrets.random(16);
        flows.put(id, new LoginFlow(id, request, now.plus(LIFETIME)));
        return id;
    }

    int live() {
        return flows.size();
    }

    LoginFlow get(String flowId, Instant now) {
        LoginFlow flow = flowId == null ? null : flows.get(flowId);
        if (flow == null || !now.isBefore(flow.expiresAt)) {
            throw new NotFoundException(ErrorCode.NOT_FOUND,
                    "this VK ID login is unknown or older than " + LIFETIME.toMinutes() + " min; start linking again");
        }
        return flow;
    }

    private LoginFlow at(String flowId, Instant now, Step... expected) {
        LoginFlow flow = get(flowId, now);
        for (Step step : expected) {
            if (flow.step == step) {
                return flow;
            }
        }
        throw new ConflictException(ErrorCode.CONFLICT, "this VK ID login is on the " + flow.step
                + " step, not on " + Arrays.toString(expected) + "; continue from where it is");
    }

    Step enterPhone(String flowId, String typed, Instant now) {
        LoginFlow flow = at(flowId, now, Step.PHONE);
        String phone = Phones.normalize(typed);
        attempts.checkNotLocked(phone, flowId, now);
        flow.phone = phone;
        flow.account = accounts.find(phone).orElse(null);
        if (flow.account == null) {
            sms.send(phone, now);
            flow.step = Step.SMS_CODE;
        } else {
            flow.step = Step.PASSWORD;
        }
        return flow.step;
    }

    Step enterPassword(String flowId, String password, Instant now) {
        LoginFlow flow = at(flowId, now, Step.PASSWORD);
        attempts.checkNotLocked(flow.phone, flowId, now);
        if (!flow.account.passwordMatches(password)) {
            String message = flow.account.hasPassword()
                    ? "the password is wrong («Неверный пароль»)"
                    : "this VK ID has no password yet; use «Забыли или не установили пароль?» to set one";
            throw attempts.failed(flow.phone, flowId, Attempts.Kind.PASSWORD, now,
                    new AuthenticationException(ErrorCode.WRONG_PASSWORD, message));
        }
        sms.send(flow.phone, now);
        flow.step = Step.SMS_CODE;
        return flow.step;
    }

    Step forgotPassword(String flowId, Instant now) {
        LoginFlow flow = at(flowId, now, Step.PASSWORD, Step.RESET_PASSWORD);
        attempts.checkNotLocked(flow.phone, flowId, now);
        sms.send(flow.phone, now);
        flow.step = Step.RESET_PASSWORD;
        return flow.step;
    }

    Step resetPassword(String flowId, String smsCode, String newPassword, Instant now) {
        LoginFlow flow = at(flowId, now, Step.RESET_PASSWORD);
        attempts.checkNotLocked(flow.phone, flowId, now);
        Accounts.checkPassword(newPassword);
        checkCode(flow, Attempts.Kind.RESET_CODE, smsCode, now);
        flow.account.setPassword(newPassword);
        flow.step = profileStep(flow.account);
        return flow.step;
    }

    Step resendSmsCode(String flowId, Instant now) {
        LoginFlow flow = at(flowId, now, Step.SMS_CODE, Step.RESET_PASSWORD);
        attempts.checkNotLocked(flow.phone, flowId, now);
        sms.send(flow.phone, now);
        return flow.step;
    }

    Step enterSmsCode(String flowId, String smsCode, Instant now) {
        LoginFlow flow = at(flowId, now, Step.SMS_CODE);
        attempts.checkNotLocked(flow.phone, flowId, now);
        checkCode(flow, Attempts.Kind.SMS_CODE, smsCode, now);
        flow.step = flow.account == null ? Step.ABOUT_YOU : profileStep(flow.account);
        return flow.step;
    }

    Step continueInProfile(String flowId, Instant now) {
        LoginFlow flow = at(flowId, now, Step.CHOOSE_PROFILE);
        flow.user = flow.account.profile().orElseThrow().user();
        flow.step = Step.CHECK_DATA;
        return flow.step;
    }

    Step createProfile(String flowId, Instant now) {
        LoginFlow flow = at(flowId, now, Step.CREATE_PROFILE);
        flow.step = Step.ABOUT_YOU;
        return flow.step;
    }

    Step aboutYou(String flowId, AboutYou data, Instant now) {
        LoginFlow flow = at(flowId, now, Step.ABOUT_YOU);
        if (data == null) {
            throw new ValidationException(ErrorCode.INVALID_PERSONAL_DATA, "fill «Информация о себе»");
        }
        String lastName = PersonalData.name(data.lastName(), "surname");
        String firstName = PersonalData.name(data.firstName(), "first name");
        Optional<String> patronymic = PersonalData.patronymic(data.patronymic());
        LocalDate birthDate = PersonalData.birthDate(data.birthDate(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        Account account = flow.account != null ? flow.account
                : accounts.find(flow.phone).orElseGet(() -> accounts.create(flow.phone, null));
        if (account.profile().isPresent()) {
            throw new ConflictException(ErrorCode.CONFLICT,
                    "this phone's VK ID got an educational profile meanwhile; start linking again to continue in it");
        }
        UserId user = engine.createUser(firstName, lastName, NEW_PROFILE_ROLE);
        accounts.attach(account, new EduProfile(user, patronymic, Optional.of(birthDate), data.female()));
        flow.account = account;
        flow.user = user;
        flow.step = Step.CHECK_DATA;
        return flow.step;
    }

    Person checkData(String flowId, Instant now) {
        return engine.person(at(flowId, now, Step.CHECK_DATA).user);
    }

    /**
     * Ends a flow: confirmed from the check-data step, or cancelled from any step before the redirect.
     *
     * @param flowId the flow
     * @param confirmed whether confirmed
     * @param now the time
     * @return the ended flow
     */
    LoginFlow finish(String flowId, boolean confirmed, Instant now) {
        LoginFlow flow = confirmed ? at(flowId, now, Step.CHECK_DATA)
                : at(flowId, now, Step.PHONE, Step.PASSWORD, Step.RESET_PASSWORD, Step.SMS_CODE,
                Step.CHOOSE_PROFILE, Step.CREATE_PROFILE, Step.ABOUT_YOU, Step.CHECK_DATA);
        if (confirmed) {
            attempts.loginCompleted(flow.phone, flowId);
        } else {
            attempts.forgetFlow(flowId);
        }
        flow.step = Step.REDIRECTED;
        return flow;
    }

    private void checkCode(LoginFlow flow, Attempts.Kind kind, String smsCode, Instant now) {
        switch (sms.check(flow.phone, smsCode, now)) {
            case RIGHT:
                return;
            case WRONG:
                throw attempts.failed(flow.phone, flow.id, kind, now,
                        new AuthenticationException(ErrorCode.WRONG_SMS_CODE, "the SMS code is wrong («Неверный код»)"));
            case EXPIRED:
            default:
                throw new AuthenticationException(ErrorCode.SMS_CODE_EXPIRED, "the SMS code has expired or was "
                        + "already used; request a new one («Код истёк, запросите новый»)");
        }
    }

    private static Step profileStep(Account account) {
        return account.profile().isPresent() ? Step.CHOOSE_PROFILE : Step.CREATE_PROFILE;
    }
}
