package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.emulator.VkIdWire.Authorization;

/**
 * The login pages as a browser sees them: plain HTML in Russian with the labels of docs/wire/vk-id.md, one POST form
 * per step with a hidden flow id, errors on the page, nothing the user typed echoed; and the refusals of
 * {@code GET /authorize}.
 */
class VkIdLoginPagesTest extends VkIdTestBase {

    /** Checks a step's page; {@code texts} are what a reader sees on it. */
    private static void assertPage(HttpResponse<String> page, int status, String step, String... texts) {
        assertEquals(status, page.statusCode(), page::body);
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        Document html = Pages.parse(page);
        assertTrue(page.body().startsWith("<!DOCTYPE html>"), page::body);
        assertEquals("ru", html.selectFirst("html").attr("lang"), page::body);
        Pages.assertHas(html, "form[method=post][action=/authorize][data-step=" + step + "]",
                "form > input[type=hidden][name=flow_id][value]");
        for (String text : texts) {
            assertTrue(html.text().contains(text), () -> text + " missing on " + page.body());
        }
    }

    private static void assertError(HttpResponse<String> page, int status, String code, String text) {
        assertEquals(status, page.statusCode(), page::body);
        Element error = Pages.only(Pages.parse(page), "p.error[role=alert][data-code=" + code + "]");
        assertTrue(error.text().contains(text), page::body);
    }

    private static void assertNoEcho(HttpResponse<String> page, String... secrets) {
        for (String secret : secrets) {
            assertFalse(page.body().contains(secret), () -> "echoed: " + secret);
            assertFalse(page.headers().map().toString().contains(secret), () -> "echoed in a header: " + secret);
        }
    }

    @Test
    @DisplayName("F-LINK-02 F-LINK-05 each step is a POST form with the manuals' labels and one button per choice")
    void labels() {
        SeededUser teacher = school.teacher();
        HttpResponse<String> phone = wire.get(wire.authorization().uri());
        assertPage(phone, 200, "PHONE", "Введите номер телефона");
        Pages.assertHas(Pages.parse(phone), "input[name=phone]", "button[name=action][value=phone]:matchesOwn(^Продолжить$)",
                "button[name=action][value=cancel]:matchesOwn(^Отмена$)");
        String flow = VkIdWire.flowId(phone.body());

        HttpResponse<String> password = wire.submit(flow, "phone", "phone", teacher.phone());
        assertPage(password, 200, "PASSWORD", "Введите пароль");
        Pages.assertHas(Pages.parse(password), "input[type=password][name=password]",
                "button[value=password]:matchesOwn(^Продолжить$)",
                "button[value=forgot_password]:matchesOwn(^Забыли или не установили пароль\\?$)");
        assertNoEcho(password, teacher.phone(), teacher.phone().substring(2));

        HttpResponse<String> reset = wire.submit(flow, "forgot_password");
        assertPage(reset, 200, "RESET_PASSWORD", "Введите код из СМС", "Отправить код ещё раз");
        Pages.assertHas(Pages.parse(reset), "input[name=sms_code]", "input[name=new_password]",
                "button[value=reset_password]:matchesOwn(^Продолжить$)");
        HttpResponse<String> profile = wire.submit(flow, "reset_password", "sms_code", code(teacher.phone()),
                "new_password", "Novyi-Parol-1");
        assertPage(profile, 200, "CHOOSE_PROFILE");
        Pages.assertHas(Pages.parse(profile), "button[value=continue_in_profile]:matchesOwn(^Продолжить в учебном профиле$)");
        assertNoEcho(profile, "Novyi-Parol-1", code(teacher.phone()));

        HttpResponse<String> check = wire.submit(flow, "continue_in_profile");
        assertPage(check, 200, "CHECK_DATA", "Проверьте данные", teacher.person().firstName(),
                teacher.person().lastName());
        Pages.assertHas(Pages.parse(check), "button[value=confirm]:matchesOwn(^Подтвердить$)",
                "button[value=cancel]:matchesOwn(^Отмена$)");
        Map<String, String> callback = VkIdWire.redirectQuery(wire.submit(flow, "confirm"));
        assertTrue(callback.containsKey("code"), callback::toString);
    }

    @Test
    @DisplayName("F-LINK-03 F-LINK-04 the create and «Информация о себе» pages; names shown on «Проверьте данные» are HTML-escaped")
    void aboutYouPagesEscapeNames() {
        vkId.createAccountWithoutProfile("+79015551234", "Parol-2026");
        String flow = VkIdWire.flowId(wire.get(wire.authorization().uri()).body());
        wire.submit(flow, "phone", "phone", "+79015551234");
        wire.submit(flow, "password", "password", "Parol-2026");
        HttpResponse<String> create = wire.submit(flow, "sms_code", "sms_code", code("+79015551234"));
        assertPage(create, 200, "CREATE_PROFILE");
        Pages.assertHas(Pages.parse(create), "button[value=create_profile]:matchesOwn(^Создать учебный профиль$)");
        HttpResponse<String> about = wire.submit(flow, "create_profile");
        assertPage(about, 200, "ABOUT_YOU", "Информация о себе");
        Pages.assertHas(Pages.parse(about), "input[name=last_name]", "input[name=first_name]", "input[name=patronymic]",
                "input[name=birth_date][placeholder=ДД.ММ.ГГГГ]", "input[name=gender][value=male]",
                "input[name=gender][value=female]", "button[value=about_you]:matchesOwn(^Продолжить$)");

        HttpResponse<String> badDate = wire.submit(flow, "about_you", "last_name", "Новикова", "first_name", "Дарья",
                "birth_date", "2012-03-14", "gender", "female");
        assertError(badDate, 400, "INVALID_PERSONAL_DATA", "Проверьте данные");
        assertPage(badDate, 400, "ABOUT_YOU");

        HttpResponse<String> check = wire.submit(flow, "about_you", "last_name", "<script>alert(1)</script>",
                "first_name", "Д'арья \"&\"", "patronymic", "", "birth_date", "14.03.2012", "gender", "female");
        assertPage(check, 200, "CHECK_DATA");
        Document checkPage = Pages.parse(check);
        assertEquals(List.of("<script>alert(1)</script>", "Д'арья \"&\""), checkPage.select("dd").eachText());
        assertTrue(checkPage.select("script").isEmpty(), check::body);
    }

    @Test
    @DisplayName("F-LINK-10 errors are shown on the page in Russian with a machine-readable code, and nothing typed is echoed")
    void errorsOnThePage() {
        SeededUser teacher = school.teacher();
        String flow = VkIdWire.flowId(wire.get(wire.authorization().uri()).body());
        HttpResponse<String> malformed = wire.submit(flow, "phone", "phone", "+7 800 <b>12</b>");
        assertError(malformed, 400, "INVALID_PHONE", "Введите номер мобильного телефона");
        assertPage(malformed, 400, "PHONE");
        assertNoEcho(malformed, "<b>12</b>", "800");

        wire.submit(flow, "phone", "phone", teacher.phone());
        HttpResponse<String> wrongPassword = wire.submit(flow, "password", "password", "Секрет-123");
        assertError(wrongPassword, 400, "WRONG_PASSWORD", "Неверный пароль");
        assertPage(wrongPassword, 400, "PASSWORD");
        assertNoEcho(wrongPassword, "Секрет-123", teacher.phone(), teacher.phone().substring(2));

        wire.submit(flow, "password", "password", DemoSchool.PASSWORD);
        String right = code(teacher.phone());
        String wrong = right.equals("000000") ? "111111" : "000000";
        HttpResponse<String> wrongCode = wire.submit(flow, "sms_code", "sms_code", wrong);
        assertError(wrongCode, 400, "WRONG_SMS_CODE", "Неверный код");
        assertPage(wrongCode, 400, "SMS_CODE", "Отправить код ещё раз");
        assertNoEcho(wrongCode, wrong, right);

        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = wire.submit(flow, "sms_code", "sms_code", right);
        assertError(expired, 400, "SMS_CODE_EXPIRED", "Код истёк, запросите новый");
        assertNoEcho(expired, right);

        HttpResponse<String> resent = wire.submit(flow, "resend_sms_code");
        assertPage(resent, 200, "SMS_CODE");
        String fresh = code(teacher.phone());
        assertNoEcho(resent, fresh);
        assertPage(wire.submit(flow, "sms_code", "sms_code", fresh), 200, "CHOOSE_PROFILE");

        HttpResponse<String> otherStep = wire.submit(flow, "confirm");
        assertError(otherStep, 409, "CONFLICT", "");
        assertPage(otherStep, 409, "CHOOSE_PROFILE");
    }

    @Test
    @DisplayName("F-LINK-10 the sixth attempt on a locked phone shows «Слишком много попыток…» with 429 and Retry-After")
    void lockedPhone() {
        SeededUser teacher = school.teacher();
        String flow = VkIdWire.flowId(wire.get(wire.authorization().uri()).body());
        wire.submit(flow, "phone", "phone", teacher.phone());
        for (int i = 0; i < 5; i++) {
            assertError(wire.submit(flow, "password", "password", "неверный-" + i), 400, "WRONG_PASSWORD",
                    "Неверный пароль");
        }
        HttpResponse<String> locked = wire.submit(flow, "password", "password", DemoSchool.PASSWORD);
        assertError(locked, 429, "TOO_MANY_ATTEMPTS", "Слишком много попыток");
        String lockedFor = Pages.only(Pages.parse(locked), "p.error").attr("data-retry-after");
        assertTrue(Long.parseLong(lockedFor) > 0, locked::body);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 900, () -> "Retry-After " + retryAfter);
        assertNoEcho(locked, DemoSchool.PASSWORD, teacher.phone());
    }

    @Test
    @DisplayName("F-LINK-11 an unknown client or an unregistered redirect URI is an error page (400), never a redirect")
    void unredirectableRequests() {
        String good = wire.authorization().uri().toString();
        List<String> bad = new ArrayList<>();
        bad.add(good.replace("client_id=" + DemoSchool.CLIENT_ID, "client_id=42"));
        bad.add(good.replace("client_id=" + DemoSchool.CLIENT_ID + "&", ""));
        bad.add(good.replace("127.0.0.1%3A8765%2Fsferum%2Fcallback", "evil.example%2Fsferum%2Fcallback"));
        bad.add(good.replace("%2Fsferum%2Fcallback", "%2Fother"));
        for (String uri : bad) {
            assertTrue(!uri.equals(good), uri);
            HttpResponse<String> page = wire.get(URI.create(uri));
            assertEquals(400, page.statusCode(), uri);
            assertTrue(page.headers().firstValue("Location").isEmpty(), uri);
            Document html = Pages.parse(page);
            Pages.only(html, "p.error[data-code=INVALID_ARGUMENT]");
            assertTrue(html.select("form").isEmpty(), page::body);
        }
    }

    @Test
    @DisplayName("F-LINK-11 other bad parameters redirect back with invalid_request and the state; a loopback port is ignored")
    void redirectedRequests() {
        Authorization authorization = wire.authorization();
        String good = authorization.uri().toString();
        String state = "&state=" + authorization.state();
        for (String uri : List.of(good.replace("code_challenge_method=S256", "code_challenge_method=plain"),
                good.replaceAll("&code_challenge=[^&]*", ""),
                good.replace("response_type=code", "response_type=token"))) {
            Map<String, String> query = VkIdWire.redirectQuery(wire.get(URI.create(uri)));
            assertTrue(query.get("error").equals("invalid_request") || query.get("error")
                    .equals("unsupported_response_type"), query::toString);
            assertFalse(query.get("error_description").isEmpty());
            assertEquals(authorization.state(), query.get("state"));
        }
        HttpResponse<String> noState = wire.get(URI.create(good.replace(state, "")));
        Map<String, String> query = VkIdWire.redirectQuery(noState);
        assertEquals("invalid_request", query.get("error"));
        assertFalse(query.containsKey("state"));
        assertTrue(noState.headers().firstValue("Location").orElseThrow()
                .startsWith(VkIdWire.REDIRECT_URI + "?"), "back to the loopback URI with its port");

        assertEquals(200, wire.get(URI.create(good.replace("127.0.0.1%3A8765", "127.0.0.1%3A1234"))).statusCode(),
                "RFC 8252: any port of a loopback redirect URI");
        assertEquals(200, wire.get(URI.create(good.replace("S256", "s256"))).statusCode(),
                "the method is matched case-insensitively");
    }

    @Test
    @DisplayName("an unknown flow, a form without a button and other methods are refused with a page")
    void badPosts() {
        HttpResponse<String> unknown = wire.submit("no-such-flow", "phone", "phone", "+79000000001");
        assertEquals(404, unknown.statusCode());
        Pages.only(Pages.parse(unknown), "p.error[data-code=NOT_FOUND]");
        String flow = VkIdWire.flowId(wire.get(wire.authorization().uri()).body());
        HttpResponse<String> noAction = wire.postForm("/authorize", "flow_id", flow, "phone", "+79000000001");
        assertError(noAction, 400, "INVALID_ARGUMENT", "Неверный запрос");
        assertPage(noAction, 400, "PHONE");
        HttpResponse<String> delete = wire.send(java.net.http.HttpRequest.newBuilder(emulator.baseUri()
                .resolve("/authorize")).DELETE().build());
        assertEquals(405, delete.statusCode());
    }
}
