package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.emulator.VkIdWire.Authorization;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;

/**
 * The VK ID login variants walked over HTTP with {@link EmulatorVkIdUsers}, each ending in a code that the token
 * endpoint exchanges for the expected profile; refused steps throw the page's error.
 */
class VkIdLoginDriverTest extends VkIdTestBase {

    private static VkIdLogin.AboutYou aboutYou(String last, String first) {
        return new VkIdLogin.AboutYou(last, first, Optional.of("Сергеевна"), LocalDate.of(2012, 3, 14), true);
    }

    private JsonNode userInfo(String accessToken) {
        return VkIdWire.ok(wire.postForm("/oauth2/user_info", "client_id", DemoSchool.CLIENT_ID,
                "access_token", accessToken)).get("user");
    }

    private static void assertRedirectedWithCode(Authorization authorization, Map<String, String> callback) {
        assertEquals(authorization.state(), callback.get("state"));
        assertFalse(callback.get("code").isEmpty());
        assertFalse(callback.get("device_id").isEmpty());
        assertEquals("600", callback.get("expires_in"));
        assertEquals("code_v2", callback.get("type"));
        assertEquals(5, callback.size(), callback::toString);
    }

    @Test
    @DisplayName("F-LINK-02 variant 1: phone, password, SMS code, «Продолжить в учебном профиле», confirm; the code gives the profile")
    void variantOne() {
        SeededUser teacher = school.teacher();
        Authorization authorization = wire.authorization();
        VkIdLogin login = vkId.open(authorization.uri());
        assertEquals(Step.PHONE, login.step());
        assertEquals(Step.PASSWORD, login.enterPhone(teacher.phone()));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(code(teacher.phone())));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        Map<String, String> callback = login.confirm();
        assertEquals(Step.REDIRECTED, login.step());
        assertRedirectedWithCode(authorization, callback);

        JsonNode tokens = wire.exchange(authorization, callback);
        assertEquals(teacher.id().value(), tokens.get("user_id").asLong());
        assertEquals(Long.toString(teacher.id().value()), userInfo(tokens.get("access_token").asText())
                .get("user_id").asText());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SferumException.class, login::continueInProfile).code(),
                "the login is over");
    }

    @Test
    @DisplayName("F-LINK-03 variant 2: VK ID without a profile creates one from «Информация о себе»")
    void variantTwo() {
        vkId.createAccountWithoutProfile("+7 (901) 555-12-34", "Parol-2026");
        Authorization authorization = wire.authorization();
        VkIdLogin login = vkId.open(authorization.uri());
        assertEquals(Step.PASSWORD, login.enterPhone("89015551234"));
        assertEquals(Step.SMS_CODE, login.enterPassword("Parol-2026"));
        assertEquals(Step.CREATE_PROFILE, login.enterSmsCode(code("+79015551234")));
        assertEquals(Step.ABOUT_YOU, login.createProfile());
        assertEquals(Step.CHECK_DATA, login.aboutYou(aboutYou("Новикова", "Дарья")));
        Map<String, String> callback = login.confirm();
        assertRedirectedWithCode(authorization, callback);

        JsonNode user = userInfo(wire.exchange(authorization, callback).get("access_token").asText());
        assertEquals("Дарья", user.get("first_name").asText());
        assertEquals("Новикова", user.get("last_name").asText());
        assertEquals("+7 *** ***-**-34", user.get("phone").asText());
        assertEquals(1, user.get("sex").asInt());
        assertEquals("14.03.2012", user.get("birthday").asText());
        assertTrue(school.everyone().stream().noneMatch(u -> Long.toString(u.id().value())
                .equals(user.get("user_id").asText())), "a new profile");
    }

    @Test
    @DisplayName("F-LINK-04 variant 3: a phone without VK ID gets an SMS code at once, then «Информация о себе»")
    void variantThree() {
        Authorization authorization = wire.authorization();
        VkIdLogin login = vkId.open(authorization.uri());
        assertEquals(Step.SMS_CODE, login.enterPhone("+7 902 777-00-11"), "no password step");
        assertEquals(Step.ABOUT_YOU, login.enterSmsCode(code("+79027770011")));
        assertEquals(Step.CHECK_DATA, login.aboutYou(new VkIdLogin.AboutYou("Орлов", "Илья", Optional.empty(),
                LocalDate.of(2011, 1, 2), false)));
        Map<String, String> callback = login.confirm();
        assertRedirectedWithCode(authorization, callback);

        JsonNode user = userInfo(wire.exchange(authorization, callback).get("access_token").asText());
        assertEquals("Илья", user.get("first_name").asText());
        assertEquals(2, user.get("sex").asInt());
        assertEquals("02.01.2011", user.get("birthday").asText());
    }

    @Test
    @DisplayName("F-LINK-05 «Забыли или не установили пароль?» resets the password inside the flow; the old one stops working")
    void passwordReset() {
        SeededUser teacher = school.teacher();
        Authorization authorization = wire.authorization();
        VkIdLogin login = vkId.open(authorization.uri());
        login.enterPhone(teacher.phone());
        assertEquals(Step.RESET_PASSWORD, login.forgotPassword());
        assertEquals(Step.CHOOSE_PROFILE, login.resetPassword(code(teacher.phone()), "Novyi-Parol-1"));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        assertEquals(teacher.id().value(), wire.exchange(authorization, login.confirm()).get("user_id").asLong());

        VkIdLogin again = vkId.open(wire.authorization().uri());
        again.enterPhone(teacher.phone());
        AuthenticationException old = assertThrows(AuthenticationException.class,
                () -> again.enterPassword(DemoSchool.PASSWORD));
        assertEquals(ErrorCode.WRONG_PASSWORD, old.code());
        assertEquals(Step.PASSWORD, again.step());
        assertEquals(Step.SMS_CODE, again.enterPassword("Novyi-Parol-1"));
    }

    @Test
    @DisplayName("F-LINK-10 a malformed phone, a wrong password and a wrong code are refused with the page's error; the user stays on the step")
    void refusedSteps() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(wire.authorization().uri());
        ValidationException phone = assertThrows(ValidationException.class, () -> login.enterPhone("12345"));
        assertEquals(ErrorCode.INVALID_PHONE, phone.code());
        assertTrue(phone.getMessage().contains("Введите номер мобильного телефона"), phone.getMessage());
        assertEquals(Step.PHONE, login.step());
        login.enterPhone(teacher.phone());
        AuthenticationException password = assertThrows(AuthenticationException.class,
                () -> login.enterPassword("не тот"));
        assertEquals(ErrorCode.WRONG_PASSWORD, password.code());
        assertFalse(password.getMessage().contains("не тот"));
        login.enterPassword(DemoSchool.PASSWORD);
        String right = code(teacher.phone());
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertEquals(ErrorCode.WRONG_SMS_CODE,
                assertThrows(AuthenticationException.class, () -> login.enterSmsCode(wrong)).code());
        assertEquals(Step.SMS_CODE, login.step());
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(right));
        assertEquals(ErrorCode.CONFLICT, assertThrows(SferumException.class, login::createProfile).code(),
                "a button of another step is refused");
        assertEquals(Step.CHOOSE_PROFILE, login.step());
    }

    @Test
    @DisplayName("F-LINK-10 an SMS code expires after five minutes on the emulator's clock")
    void smsCodeExpires() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(wire.authorization().uri());
        login.enterPhone(teacher.phone());
        login.enterPassword(DemoSchool.PASSWORD);
        String code = code(teacher.phone());
        emulator.advanceClock(Duration.ofMinutes(6));
        assertEquals(ErrorCode.SMS_CODE_EXPIRED,
                assertThrows(AuthenticationException.class, () -> login.enterSmsCode(code)).code());
    }

    @Test
    @DisplayName("F-LINK-10 five wrong passwords lock the phone for 15 minutes, with the wait told")
    void tooManyAttempts() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(wire.authorization().uri());
        login.enterPhone(teacher.phone());
        for (int i = 0; i < 5; i++) {
            assertEquals(ErrorCode.WRONG_PASSWORD,
                    assertThrows(AuthenticationException.class, () -> login.enterPassword("неверный")).code());
        }
        RateLimitException locked = assertThrows(RateLimitException.class,
                () -> login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, locked.code());
        Duration wait = locked.retryAfter().orElseThrow();
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofMinutes(15)) <= 0, wait::toString);
        assertEquals(Step.PASSWORD, login.step());
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD), "the lock ends");
    }

    @Test
    @DisplayName("F-LINK-11 «Отмена» redirects back with error=access_denied and the state")
    void cancel() {
        Authorization authorization = wire.authorization();
        VkIdLogin login = vkId.open(authorization.uri());
        login.enterPhone(school.students().get(0).phone());
        Map<String, String> denied = login.cancel();
        assertEquals("access_denied", denied.get("error"));
        assertEquals(authorization.state(), denied.get("state"));
        assertFalse(denied.containsKey("code"));
        assertEquals(Step.REDIRECTED, login.step());
    }

    @Test
    @DisplayName("F-LINK-11 an authorization request VK ID refuses throws on open: an error page or an immediate redirect")
    void refusedAuthorization() {
        URI unknownClient = URI.create(wire.authorization().uri().toString()
                .replace("client_id=" + DemoSchool.CLIENT_ID, "client_id=42"));
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(ValidationException.class, () -> vkId.open(unknownClient)).code());
        URI plain = URI.create(wire.authorization().uri().toString()
                .replace("code_challenge_method=S256", "code_challenge_method=plain"));
        SferumException redirected = assertThrows(ValidationException.class, () -> vkId.open(plain));
        assertTrue(redirected.getMessage().contains("invalid_request"), redirected.getMessage());
    }

    @Test
    @DisplayName("lastSmsCode is empty before any SMS and refuses a malformed phone; accounts cannot be created twice")
    void controlThroughTheDriver() {
        assertEquals(Optional.empty(), vkId.lastSmsCode("+79990001122"));
        assertEquals(ErrorCode.INVALID_PHONE,
                assertThrows(ValidationException.class, () -> vkId.lastSmsCode("12")).code());
        vkId.createAccountWithoutProfile("+79990001122", "Parol-2026");
        assertThrows(SferumException.class, () -> vkId.createAccountWithoutProfile("89990001122", "Parol-2026"));
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(NotFoundException.class,
                () -> new EmulatorVkIdLogin(new VkIdBrowser(emulator.sslContext()), new LoginPageReader.Form(
                        emulator.baseUri().resolve("/authorize"), Step.PHONE, "no-such-flow")).enterPhone(
                        "+79990001122")).code());
    }
}
