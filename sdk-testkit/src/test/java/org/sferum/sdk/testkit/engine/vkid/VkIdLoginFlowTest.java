package org.sferum.sdk.testkit.engine.vkid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.AboutYou;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

class VkIdLoginFlowTest {
    private final VkIdFixture f = new VkIdFixture();
    private final List<SferumException> refusals = new ArrayList<>();

    private <T extends SferumException> T refused(Class<T> type, ErrorCode code, Runnable step) {
        T e = assertThrows(type, step::run);
        assertEquals(code, e.code(), e.getMessage());
        refusals.add(e);
        return e;
    }

    private static AboutYou aboutYou(String last, String first) {
        return new AboutYou(last, first, Optional.of("Сергеевна"), LocalDate.of(2012, 3, 14), true);
    }

    @Test
    @DisplayName("F-LINK-02 variant 1: a demo user's phone, password, SMS code and profile give tokens for that profile")
    void variantOne() {
        SeededUser teacher = f.school.teacher();
        VkIdFixture.Start start = f.start();
        VkIdLogin login = f.open(start);
        assertEquals(Step.PHONE, login.step());
        assertEquals(Step.PASSWORD, login.enterPhone("8 (900) 000-00-01"));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD));
        String code = f.code(teacher.phone());
        assertTrue(code.matches("\\d{6}"), "six digits");
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(code));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        Map<String, String> redirect = login.confirm();
        assertEquals(Step.REDIRECTED, login.step());

        assertEquals(start.state, redirect.get("state"));
        assertEquals("600", redirect.get("expires_in"));
        assertEquals("code_v2", redirect.get("type"));
        TokenGrant grant = f.exchange(start, redirect);
        assertEquals(teacher.id(), grant.user());
        assertEquals(3600, grant.expiresIn());
        assertEquals("vkid.personal_info", grant.scope());
        VkIdService.IdTokenClaims claims = grant.idToken().orElseThrow();
        assertEquals(DemoSchool.CLIENT_ID, claims.audience());
        assertEquals(Long.toString(teacher.id().value()), claims.subject());
        assertEquals(VkIdFixture.START.getEpochSecond(), claims.issuedAt());
        assertEquals(claims.issuedAt() + 3600, claims.expiresAt());
        assertEquals(Optional.of(start.nonce), claims.nonce());
        assertEquals(teacher.id(), f.engine.users().authenticate(grant.accessToken()), "the token works on the VK API");

        VkIdService.ProfileInfo info = f.vkId.userInfo(grant.accessToken());
        assertEquals(teacher.person(), info.person());
        assertEquals("+7 *** ***-**-01", info.maskedPhone());
    }

    @Test
    @DisplayName("F-LINK-03 variant 2: a VK ID without a profile creates one from «Информация о себе»")
    void variantTwo() {
        f.users.createAccountWithoutProfile("+7 (901) 555-12-34", "Parol-2026");
        VkIdFixture.Start start = f.start();
        VkIdLogin login = f.open(start);
        assertEquals(Step.PASSWORD, login.enterPhone("89015551234"));
        assertEquals(Step.SMS_CODE, login.enterPassword("Parol-2026"));
        assertEquals(Step.CREATE_PROFILE, login.enterSmsCode(f.code("+79015551234")));
        assertEquals(Step.ABOUT_YOU, login.createProfile());
        assertEquals(Step.CHECK_DATA, login.aboutYou(aboutYou("Новикова", "Дарья")));
        TokenGrant grant = f.exchange(start, login.confirm());

        Person person = f.engine.users().person(grant.user());
        assertEquals("Дарья Новикова", person.displayName());
        assertTrue(f.school.everyone().stream().noneMatch(u -> u.id().equals(grant.user())), "a new profile");
        VkIdService.ProfileInfo info = f.vkId.userInfo(grant.accessToken());
        assertEquals("14.03.2012", info.birthDate());
        assertTrue(info.female());
        assertEquals("+7 *** ***-**-34", info.maskedPhone());

        VkIdLogin again = f.open(f.start());
        again.enterPhone("+79015551234");
        again.enterPassword("Parol-2026");
        assertEquals(Step.CHOOSE_PROFILE, again.enterSmsCode(f.code("+79015551234")), "now variant 1");
    }

    @Test
    @DisplayName("F-LINK-04 F-LINK-10 variant 3: a fresh phone and an SMS code create the account and the profile, no password")
    void variantThree() {
        VkIdFixture.Start start = f.start();
        VkIdLogin login = f.open(start);
        assertEquals(Step.SMS_CODE, login.enterPhone("+7 902 777-00-11"), "no password step");
        assertEquals(Step.ABOUT_YOU, login.enterSmsCode(f.code("+79027770011")));
        assertEquals(Step.CHECK_DATA, login.aboutYou(aboutYou("Орлова", "Вера")));
        assertEquals("Вера Орлова", f.engine.users().person(f.exchange(start, login.confirm()).user()).displayName());

        VkIdLogin again = f.open(f.start());
        assertEquals(Step.PASSWORD, again.enterPhone("89027770011"), "the phone now has a VK ID, without a password");
        refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> again.enterPassword("anything"));
        assertEquals(Step.RESET_PASSWORD, again.forgotPassword());
        assertEquals(Step.CHOOSE_PROFILE, again.resetPassword(f.code("+79027770011"), "Moi-Parol-1"));
    }

    @Test
    @DisplayName("F-LINK-05 «Забыли или не установили пароль?» sends a code, sets the new password and goes on to the profile")
    void passwordReset() {
        SeededUser teacher = f.school.teacher();
        VkIdFixture.Start start = f.start();
        VkIdLogin login = f.open(start);
        login.enterPhone(teacher.phone());
        assertEquals(Step.RESET_PASSWORD, login.forgotPassword());
        String code = f.code(teacher.phone());
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> login.resetPassword(code, "short"));
        refused(AuthenticationException.class, ErrorCode.WRONG_SMS_CODE,
                () -> login.resetPassword(other(code), "Novyi-Parol-1"));
        assertEquals(Step.CHOOSE_PROFILE, login.resetPassword(code, "Novyi-Parol-1"));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        assertEquals(teacher.id(), f.exchange(start, login.confirm()).user());

        VkIdLogin again = f.open(f.start());
        again.enterPhone(teacher.phone());
        refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> again.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Step.SMS_CODE, again.enterPassword("Novyi-Parol-1"));
        assertNoSecrets(teacher, code, "Novyi-Parol-1");
    }

    @Test
    @DisplayName("F-LINK-10 a wrong password and a wrong code are refused, and the user stays on the step")
    void wrongPasswordAndCode() {
        SeededUser student = f.school.students().get(0);
        VkIdLogin login = f.open(f.start());
        login.enterPhone(student.phone());
        refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> login.enterPassword("не тот"));
        assertEquals(Step.PASSWORD, login.step());
        login.enterPassword(DemoSchool.PASSWORD);
        String right = f.code(student.phone());
        refused(AuthenticationException.class, ErrorCode.WRONG_SMS_CODE, () -> login.enterSmsCode(other(right)));
        assertEquals(Step.SMS_CODE, login.step());
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(" " + right + " "));
        assertNoSecrets(student, right, "не тот");
    }

    @Test
    @DisplayName("F-LINK-10 an SMS code expires after five minutes on the engine's clock; a new one works")
    void smsCodeExpires() {
        SeededUser teacher = f.school.teacher();
        String flowId = f.vkId.authorize(request(f.start()));
        f.vkId.enterPhone(flowId, teacher.phone());
        f.vkId.enterPassword(flowId, DemoSchool.PASSWORD);
        String code = f.code(teacher.phone());
        f.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        f.clock.advance(Duration.ofSeconds(1));
        refused(AuthenticationException.class, ErrorCode.SMS_CODE_EXPIRED, () -> f.vkId.enterSmsCode(flowId, code));
        assertEquals(Step.SMS_CODE, f.vkId.step(flowId));
        assertEquals(Step.SMS_CODE, f.vkId.resendSmsCode(flowId));
        String fresh = f.code(teacher.phone());
        f.clock.advance(Duration.ofMinutes(4));
        assertEquals(Step.CHOOSE_PROFILE, f.vkId.enterSmsCode(flowId, fresh));
        assertEquals(Step.CHECK_DATA, f.vkId.continueInProfile(flowId));
        assertEquals(teacher.person(), f.vkId.checkData(flowId), "«Проверьте данные» shows the profile");
        assertNoSecrets(teacher, code, fresh);
    }

    @Test
    @DisplayName("F-LINK-10 five wrong passwords or codes lock the phone for 15 minutes, with the wait told; then it unlocks")
    void lockAfterFiveAttempts() {
        SeededUser teacher = f.school.teacher();
        VkIdLogin login = f.open(f.start());
        login.enterPhone(teacher.phone());
        for (int i = 0; i < 4; i++) {
            refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> login.enterPassword("неверный"));
        }
        refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> login.enterPassword("неверный"));
        RateLimitException locked = refused(RateLimitException.class, ErrorCode.TOO_MANY_ATTEMPTS,
                () -> login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Optional.of(Duration.ofMinutes(15)), locked.retryAfter());

        f.clock.advance(Duration.ofMinutes(10));
        RateLimitException still = refused(RateLimitException.class, ErrorCode.TOO_MANY_ATTEMPTS,
                () -> login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Optional.of(Duration.ofMinutes(5)), still.retryAfter(), "the remaining lock");
        VkIdLogin other = f.open(f.start());
        refused(RateLimitException.class, ErrorCode.TOO_MANY_ATTEMPTS, () -> other.enterPhone(teacher.phone()));
        assertEquals(Step.PASSWORD, login.step());

        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD), "the lock ends after 15 minutes");
        assertNoSecrets(teacher, "неверный", DemoSchool.PASSWORD);
    }

    @Test
    @DisplayName("F-LINK-10 issue 12 item 2: each step counts its own wrong attempts, and a right password does not start the code's count again")
    void attemptsCountPasswordsAndCodes() {
        SeededUser parent = f.school.parent();
        VkIdLogin login = f.open(f.start());
        login.enterPhone(parent.phone());
        for (int i = 0; i < 4; i++) {
            refused(AuthenticationException.class, ErrorCode.WRONG_PASSWORD, () -> login.enterPassword("неверный"));
        }
        login.enterPassword(DemoSchool.PASSWORD);
        String right = f.code(parent.phone());
        for (int i = 0; i < 4; i++) {
            refused(AuthenticationException.class, ErrorCode.WRONG_SMS_CODE, () -> login.enterSmsCode(other(right)));
        }
        refused(AuthenticationException.class, ErrorCode.WRONG_SMS_CODE, () -> login.enterSmsCode(other(right)));
        refused(RateLimitException.class, ErrorCode.TOO_MANY_ATTEMPTS, () -> login.enterSmsCode(right));
    }

    @Test
    @DisplayName("F-LINK-10 malformed phones are refused with INVALID_PHONE; Russian mobile numbers in any usual format are accepted")
    void phones() {
        for (String bad : new String[] {"12345", "+7 800 555-35-35", "+1 202 555 0101", "9000000001", "+7 900 000-00-0",
                "+7 900 000-00-011", "+7 9OO OOO-OO-O1", "", " "}) {
            VkIdLogin login = f.open(f.start());
            refused(ValidationException.class, ErrorCode.INVALID_PHONE, () -> login.enterPhone(bad));
            assertEquals(Step.PHONE, login.step());
        }
        VkIdLogin nullPhone = f.open(f.start());
        refused(ValidationException.class, ErrorCode.INVALID_PHONE, () -> nullPhone.enterPhone(null));
        for (String good : new String[] {"+79000000001", "+7 900 000-00-01", "+7 (900) 000-00-01", "89000000001",
                "8-900-000-00-01", "8 (900) 000 00 01"}) {
            assertEquals("+79000000001", Phones.normalize(good), good);
        }
        assertEquals("+7 *** ***-**-01", Phones.mask("+79000000001"));
        assertTrue(refusals.stream().noneMatch(e -> e.getMessage().contains("555")));
    }

    @Test
    @DisplayName("F-LINK-04 «Информация о себе» refuses blank names and implausible birth dates with INVALID_PERSONAL_DATA")
    void personalData() {
        VkIdLogin login = f.open(f.start());
        login.enterPhone("+79031112233");
        login.enterSmsCode(f.code("+79031112233"));
        LocalDate today = LocalDate.ofInstant(VkIdFixture.START, java.time.ZoneOffset.UTC);
        for (AboutYou bad : List.of(
                new AboutYou(" ", "Вера", Optional.empty(), LocalDate.of(2010, 1, 1), true),
                new AboutYou("Орлова", "", Optional.empty(), LocalDate.of(2010, 1, 1), true),
                new AboutYou("Орлова", null, Optional.empty(), LocalDate.of(2010, 1, 1), true),
                new AboutYou("Орлова", "Вера", Optional.empty(), today, true),
                new AboutYou("Орлова", "Вера", Optional.empty(), today.plusYears(1), true),
                new AboutYou("Орлова", "Вера", Optional.empty(), LocalDate.of(1880, 1, 1), true),
                new AboutYou("Орлова", "Вера", Optional.empty(), null, true),
                new AboutYou("Орлова", "Вера\u0000", Optional.empty(), LocalDate.of(2010, 1, 1), true),
                new AboutYou("О".repeat(65), "Вера", Optional.empty(), LocalDate.of(2010, 1, 1), true))) {
            refused(ValidationException.class, ErrorCode.INVALID_PERSONAL_DATA, () -> login.aboutYou(bad));
            assertEquals(Step.ABOUT_YOU, login.step());
        }
        assertEquals(Step.CHECK_DATA, login.aboutYou(new AboutYou(" Орлова ", "Вера", Optional.of(" "),
                today.minusDays(1), false)));

        assertEquals(LocalDate.of(2012, 3, 14), PersonalData.parseBirthDate("14.03.2012"));
        assertEquals("14.03.2012", PersonalData.formatBirthDate(LocalDate.of(2012, 3, 14)));
        for (String bad : new String[] {"31.02.2012", "2012-03-14", "14.3.2012", "", null}) {
            refused(ValidationException.class, ErrorCode.INVALID_PERSONAL_DATA, () -> PersonalData.parseBirthDate(bad));
        }
        assertTrue(PersonalData.parseFemale("female"));
        assertFalse(PersonalData.parseFemale("Male"));
        refused(ValidationException.class, ErrorCode.INVALID_PERSONAL_DATA, () -> PersonalData.parseFemale("x"));
    }

    @Test
    @DisplayName("F-LINK-01 cancelling redirects back with access_denied and the state; steps out of order are a conflict")
    void cancelAndOrder() {
        VkIdFixture.Start start = f.start();
        VkIdLogin login = f.open(start);
        refused(ConflictException.class, ErrorCode.CONFLICT, () -> login.enterPassword(DemoSchool.PASSWORD));
        refused(ConflictException.class, ErrorCode.CONFLICT, login::confirm);
        login.enterPhone(f.school.teacher().phone());
        refused(ConflictException.class, ErrorCode.CONFLICT, login::continueInProfile);
        Map<String, String> denied = login.cancel();
        assertEquals(Map.of("error", "access_denied", "error_description", "User denied access",
                "state", start.state), denied);
        assertEquals(Step.REDIRECTED, login.step());
        refused(ConflictException.class, ErrorCode.CONFLICT, login::cancel);
        refused(org.sferum.sdk.error.NotFoundException.class, ErrorCode.NOT_FOUND, () -> f.vkId.step("no-such-flow"));
    }

    @Test
    @DisplayName("F-LINK-01 a login left open longer than an hour is gone")
    void flowsExpire() {
        String flowId = f.vkId.authorize(request(f.start()));
        f.clock.advance(Duration.ofHours(1));
        refused(org.sferum.sdk.error.NotFoundException.class, ErrorCode.NOT_FOUND,
                () -> f.vkId.enterPhone(flowId, f.school.teacher().phone()));
    }

    @Test
    @DisplayName("F-LINK-03 accounts: a phone has one VK ID and a profile one account; the control API's profiles are validated")
    void accounts() {
        refused(ConflictException.class, ErrorCode.CONFLICT,
                () -> f.users.createAccountWithoutProfile(f.school.teacher().phone(), "Parol-2026"));
        refused(ConflictException.class, ErrorCode.CONFLICT,
                () -> f.vkId.attachAccount("+79050000000", "Parol-2026", f.school.teacher().id()));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> f.users.createAccountWithoutProfile("+79050000000", "12345"));
        refused(ValidationException.class, ErrorCode.INVALID_PERSONAL_DATA, () -> f.vkId.createAccount("+79050000000",
                Optional.empty(), Optional.of(new VkIdService.NewProfile("Вера", "Орлова", Optional.empty(),
                        "30.02.2010", true, org.sferum.sdk.users.Role.STUDENT))));
        Optional<UserId> user = f.vkId.createAccount("+79050000000", Optional.empty(), Optional.of(
                new VkIdService.NewProfile("Вера", "Орлова", Optional.empty(), "01.09.2010", true,
                        org.sferum.sdk.users.Role.TEACHER)));
        assertEquals(org.sferum.sdk.users.Role.TEACHER, f.engine.users().account(user.orElseThrow()).role());
        VkIdLogin login = f.open(f.start());
        assertEquals(Step.PASSWORD, login.enterPhone("+79050000000"));
        login.forgotPassword();
        assertEquals(Step.CHOOSE_PROFILE, login.resetPassword(f.code("+79050000000"), "Parol-2026"));
        assertEquals(Optional.empty(), f.users.lastSmsCode("+79990000000"));
        refused(ValidationException.class, ErrorCode.INVALID_PHONE, () -> f.users.lastSmsCode("12"));
    }

    private static VkIdService.AuthorizeRequest request(VkIdFixture.Start start) {
        return new VkIdService.AuthorizeRequest(DemoSchool.CLIENT_ID, start.redirectUri, start.state,
                RandomSecrets.sha256(start.verifier), "S256", "vkid.personal_info", Optional.of(start.nonce));
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private void assertNoSecrets(SeededUser user, String... secrets) {
        for (SferumException e : refusals) {
            String message = e.getMessage();
            assertFalse(message.contains(user.phone()) || message.contains(user.phone().substring(2)), message);
            for (String secret : secrets) {
                assertFalse(message.contains(secret), message);
            }
        }
        assertNotEquals(0, refusals.size());
    }
}
