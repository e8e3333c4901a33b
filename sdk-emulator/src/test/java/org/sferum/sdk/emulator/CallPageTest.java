package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.engine.CallService.ParticipantAction;

/**
 * The call page over plain HTTP (docs/wire/call-page.md): join links point at it, the visitor's form, the guest's
 * cookie and status, the refusals with their {@code data-error}, escaping, unknown keys.
 */
class CallPageTest extends EmulatorTestBase {
    private static final Pattern COOKIE = Pattern.compile("sferum_call_guest=([^;]+)");
    private static final CallSettings OPEN = new CallSettings(true, false);
    private static final CallSettings WAITING_ROOM = new CallSettings(true, true);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Call linkCall(String title, CallSettings settings) {
        return emulator.engine().calls().startCallByLink(teacher.id(), title, settings);
    }

    private HttpResponse<String> get(String uri, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (secret != null) {
            request.header("Cookie", "sferum_call_guest=" + secret);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String uri, String secret, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (secret != null) {
            request.header("Cookie", "sferum_call_guest=" + secret);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String name(String name) {
        return "action=join&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** Joins as a guest and returns the cookie's secret. */
    private String join(String link, String guestName) {
        HttpResponse<String> joined = post(link, null, name(guestName));
        assertEquals(303, joined.statusCode(), joined::body);
        Matcher cookie = COOKIE.matcher(joined.headers().firstValue("Set-Cookie").orElse(""));
        assertTrue(cookie.find());
        return cookie.group(1);
    }

    /** Whether a page has an element the CSS selector finds (read with jsoup). */
    private static boolean has(HttpResponse<String> page, String selector) {
        return !Pages.parse(page).select(selector).isEmpty();
    }

    /** The text a reader sees on a page. */
    private static String text(HttpResponse<String> page) {
        return Pages.parse(page).text();
    }

    private static void assertRefusal(HttpResponse<String> page, int status, String code, String text) {
        assertEquals(status, page.statusCode(), page::body);
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        Element error = Pages.only(Pages.parse(page), "p.error[data-error=" + code + "]");
        assertTrue(error.text().contains(text), page::body);
    }

    @Test
    @DisplayName("F-CALL-03 a running call's join link points at the emulator's call page, which shows the call")
    void joinLinkPointsAtThePage() {
        Call call = linkCall("Кружок робототехники", OPEN);
        String link = call.links().orElseThrow().browser();
        assertTrue(link.startsWith(emulator.baseUri() + "/call/join/"), link);
        HttpResponse<String> page = get(link, null);
        assertEquals(200, page.statusCode(), page::body);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        Document html = Pages.parse(page);
        assertEquals("ru", html.selectFirst("html").attr("lang"));
        assertEquals("Кружок робототехники", Pages.only(html, "h1").text(), page::body);
        assertTrue(has(page, "[data-call-state=RUNNING]"), page::body);
        assertTrue(has(page, "[data-form=join]"), page::body);
        assertTrue(has(page, "form[data-form=join] input[name=name][required]"), page::body);
        assertTrue(text(page).contains("Присоединиться анонимно"), page::body);
        assertTrue(text(page).contains("Видео и звук — в приложении Сферум"), page::body);
    }

    @Test
    @DisplayName("F-CALL-03 short credentials open the call's page: the link with the password redirects to it, "
            + "without one the page asks for it, a wrong password is refused like an unknown id, and five wrong "
            + "passwords lock the id for 15 minutes")
    void shortCredentials() {
        Call call = linkCall("Кружок", OPEN);
        String link = call.links().orElseThrow().browser();
        String id = call.links().orElseThrow().shortCredentials().id();
        String password = call.links().orElseThrow().shortCredentials().password();
        String shortLink = emulator.baseUri() + "/call/join/short/" + id;

        HttpResponse<String> right = get(shortLink + "?password=" + password, null);
        assertEquals(303, right.statusCode(), right::body);
        assertEquals(URI.create(link).getPath(), right.headers().firstValue("Location").orElse(""));

        HttpResponse<String> ask = get(shortLink, null);
        assertEquals(200, ask.statusCode(), ask::body);
        assertTrue(has(ask, "[data-form=password]"), ask::body);

        assertRefusal(get(shortLink + "?password=000000" + password, null), 404, "CALL_NOT_FOUND", "");
        assertRefusal(get(emulator.baseUri() + "/call/join/short/999999999?password=" + password, null), 404,
                "CALL_NOT_FOUND", "");
        for (int i = 1; i < 5; i++) {
            assertRefusal(get(shortLink + "?password=x" + i, null), 404, "CALL_NOT_FOUND", "");
        }
        assertRefusal(get(shortLink + "?password=" + password, null), 429, "TOO_MANY_ATTEMPTS",
                "Слишком много неверных паролей");
        emulator.advanceClock(Duration.ofMinutes(15));
        assertEquals(303, get(shortLink + "?password=" + password, null).statusCode(), "unlocked after 15 minutes");
    }

    @Test
    @DisplayName("F-CALL-07 joining sets an HttpOnly SameSite=Lax cookie on /call/ and redirects to the page")
    void cookieFlags() {
        String link = linkCall("Кружок", OPEN).links().orElseThrow().browser();
        HttpResponse<String> joined = post(link, null, name("Гость"));
        assertEquals(303, joined.statusCode(), joined::body);
        assertEquals(URI.create(link).getPath(), joined.headers().firstValue("Location").orElse(""));
        String cookie = joined.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("sferum_call_guest="), cookie);
        assertTrue(cookie.contains("; Path=/call/"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    @DisplayName("F-CALL-07 the guest's page: in the call, with the participants and their camera, mic and hand")
    void guestInCall() {
        Call call = linkCall("Кружок", OPEN);
        emulator.engine().calls().raiseHand(teacher.id(), call.id(), true);
        emulator.engine().calls().setMedia(teacher.id(), call.id(), Media.CAMERA, true);
        String secret = join(call.links().orElseThrow().browser(), "Гость Петров");
        HttpResponse<String> page = get(call.links().orElseThrow().browser(), secret);
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(has(page, "section#guest[data-status=IN_CALL][data-participant=g1]"), page::body);
        assertTrue(text(page).contains("Вы в звонке как «Гость Петров»"), page::body);
        assertTrue(has(page, "li[data-participant=u" + teacher.id().value()
                + "][data-camera=true][data-microphone=false][data-hand=true]"), page::body);
        assertTrue(text(page).contains("(организатор)"), page::body);
        assertTrue(text(page).contains("рука поднята"), page::body);
        assertTrue(has(page, "[data-form=leave]"), page::body);
        assertFalse(has(page, "[data-form=join]"), page::body);
        assertFalse(page.body().contains(secret), "the secret is never shown on the page");
    }

    @Test
    @DisplayName("F-CALL-07 a name like <script> and a call title with markup are escaped")
    void escaping() {
        Call call = linkCall("<b>Урок</b> & \"кружок\"", OPEN);
        String link = call.links().orElseThrow().browser();
        HttpResponse<String> visitor = get(link, null);
        Document visitorPage = Pages.parse(visitor);
        assertEquals("<b>Урок</b> & \"кружок\"", Pages.only(visitorPage, "h1").text(), visitor::body);
        assertTrue(visitorPage.title().startsWith("<b>Урок</b> & \"кружок\""), visitor::body);
        assertTrue(visitorPage.select("b").isEmpty(), visitor::body);
        String hostile = "<script>alert('x')</script> & \"Петров\"";
        String secret = join(link, hostile);
        HttpResponse<String> page = get(link, secret);
        Document guestPage = Pages.parse(page);
        assertTrue(guestPage.select("script").isEmpty(), page::body);
        assertEquals(hostile, Pages.only(guestPage, "section#guest").attr("data-name"));
        assertEquals("Вы в звонке как «" + hostile + "».", Pages.only(guestPage, "p.status").text());
        assertTrue(guestPage.select("#participants li").eachText().stream()
                .anyMatch(li -> li.startsWith(hostile + " (гость) — это вы")), page::body);
        assertEquals(hostile, emulator.engine().calls().callParticipants(teacher.id(), call.id()).get(1).name());
    }

    @Test
    @DisplayName("F-CALL-03 an unknown key, an empty key and a path beyond the key are a 404 page with CALL_NOT_FOUND")
    void unknownKey() {
        String base = emulator.baseUri() + "/call/join/";
        assertRefusal(get(base + "nosuchkey", null), 404, "CALL_NOT_FOUND", "Звонок не найден");
        assertRefusal(get(base, null), 404, "CALL_NOT_FOUND", "Звонок не найден");
        assertRefusal(get(base + "a/b", null), 404, "CALL_NOT_FOUND", "Звонок не найден");
        assertRefusal(post(base + "nosuchkey", null, name("Гость")), 404, "CALL_NOT_FOUND", "Звонок не найден");
        assertRefusal(get(emulator.baseUri() + "/call/other", null), 404, "CALL_NOT_FOUND", "Звонок не найден");
    }

    @Test
    @DisplayName("F-CALL-07 with the waiting room the guest waits until the organiser admits them")
    void waitingRoom() {
        Call call = linkCall("Консультация", WAITING_ROOM);
        String link = call.links().orElseThrow().browser();
        assertTrue(text(get(link, null)).contains("Организатор впустит вас из зала ожидания"));
        String secret = join(link, "Гость");
        HttpResponse<String> waiting = get(link, secret);
        assertTrue(has(waiting, "[data-status=WAITING]"), waiting::body);
        assertTrue(text(waiting).contains("Ожидайте, организатор скоро впустит вас"), waiting::body);
        assertFalse(has(waiting, "#participants"), "a waiting guest does not see who is in");
        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), new ParticipantId("g1"), ParticipantAction.ADMIT);
        HttpResponse<String> in = get(link, secret);
        assertTrue(has(in, "[data-status=IN_CALL]"), in::body);
        assertTrue(has(in, "#participants"), in::body);
    }

    @Test
    @DisplayName("F-CALL-07 a call without anonymous participants shows the refusal and refuses a POST; nothing changes")
    void anonymousForbidden() {
        Call call = linkCall("Закрытый звонок", new CallSettings(false, false));
        String link = call.links().orElseThrow().browser();
        HttpResponse<String> page = get(link, null);
        assertRefusal(page, 200, "ANONYMOUS_NOT_ALLOWED", "Организатор не разрешил анонимных участников");
        assertFalse(has(page, "[data-form=join]"), page::body);
        HttpResponse<String> refused = post(link, null, name("Гость"));
        assertRefusal(refused, 403, "ANONYMOUS_NOT_ALLOWED", "Организатор не разрешил анонимных участников");
        assertTrue(refused.headers().allValues("Set-Cookie").isEmpty());
        assertEquals(1, emulator.engine().calls().callParticipants(teacher.id(), call.id()).size());
    }

    @Test
    @DisplayName("F-CALL-03 a call not started yet and an ended call: the page says so and joining is refused")
    void notStartedAndEnded() {
        long chat = classChat();
        Call lesson = emulator.engine().calls().createLessonCall(teacher.id(), new Lesson("lesson-1", "5в", "Математика",
                START.plus(Duration.ofHours(2))), ChatId.of(chat));
        String link = emulator.baseUri() + "/call/join/"
                + emulator.engine().calls().callRoom(teacher.id(), lesson.id()).linkKey();
        HttpResponse<String> scheduled = get(link, null);
        assertRefusal(scheduled, 200, "CALL_NOT_STARTED", "Звонок ещё не начался");
        assertTrue(has(scheduled, "[data-call-state=SCHEDULED]"), scheduled::body);

        Call call = linkCall("Кружок", OPEN);
        String open = call.links().orElseThrow().browser();
        String secret = join(open, "Гость");
        emulator.engine().calls().endCallForAll(teacher.id(), call.id());
        assertRefusal(get(open, null), 200, "CALL_ENDED", "Звонок завершён");
        assertRefusal(post(open, null, name("Другой гость")), 409, "CALL_ENDED", "Звонок завершён");
        HttpResponse<String> guest = get(open, secret);
        assertTrue(has(guest, "[data-status=CALL_ENDED]"), guest::body);
        assertFalse(has(guest, "[data-form=rejoin]"), guest::body);
        assertRefusal(post(open, secret, "action=rejoin"), 409, "CALL_ENDED", "Звонок завершён");
    }

    @Test
    @DisplayName("F-CALL-07 F-CALL-09 leave, come back; removed: «Вернуться» is refused with REMOVED_FROM_CALL")
    void leaveRejoinRemoved() {
        Call call = linkCall("Кружок", OPEN);
        String link = call.links().orElseThrow().browser();
        String secret = join(link, "Гость");
        assertEquals(303, post(link, secret, "action=leave").statusCode());
        HttpResponse<String> left = get(link, secret);
        assertTrue(has(left, "[data-status=LEFT]"), left::body);
        assertTrue(has(left, "[data-form=rejoin]"), left::body);
        assertEquals(303, post(link, secret, "action=rejoin").statusCode());
        assertTrue(has(get(link, secret), "[data-status=IN_CALL]"));
        assertEquals(GuestStatus.IN_CALL, emulator.engine().calls().guestStatus(secret));

        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), new ParticipantId("g1"),
                ParticipantAction.REMOVE);
        HttpResponse<String> removed = get(link, secret);
        assertTrue(has(removed, "[data-status=REMOVED]"), removed::body);
        assertTrue(text(removed).contains("Организатор удалил вас из звонка"), removed::body);
        assertRefusal(post(link, secret, "action=rejoin"), 403, "REMOVED_FROM_CALL", "Организатор удалил вас");
        assertRefusal(post(link, secret, name("Другое имя")), 403, "REMOVED_FROM_CALL", "Организатор удалил вас");
        assertEquals(GuestStatus.REMOVED, emulator.engine().calls().guestStatus(secret));
        assertEquals(1, emulator.engine().calls().callParticipants(teacher.id(), call.id()).size(),
                "the same browser joining under another name is the removed guest, not a new one");
    }

    @Test
    @DisplayName("F-CALL-07 leaving without a seat in this call (no cookie, another call's cookie) is PARTICIPANT_NOT_FOUND")
    void noSeat() {
        String first = linkCall("Первый", OPEN).links().orElseThrow().browser();
        Call second = emulator.engine().calls().startCallByLink(student1.id(), "Второй", OPEN);
        String other = second.links().orElseThrow().browser();
        String secret = join(first, "Гость");
        assertRefusal(post(other, null, "action=leave"), 404, "PARTICIPANT_NOT_FOUND", "Вы ещё не в этом звонке");
        assertRefusal(post(other, secret, "action=leave"), 404, "PARTICIPANT_NOT_FOUND", "Вы ещё не в этом звонке");
        assertTrue(has(get(other, secret), "[data-form=join]"), "another call's cookie is ignored");
        assertEquals(GuestStatus.IN_CALL, emulator.engine().calls().guestStatus(secret));
        assertRefusal(post(first, null, "action=dance"), 400, "INVALID_ARGUMENT", "Не удалось");
        assertRefusal(post(first, null, name("  ")), 400, "INVALID_ARGUMENT", "Введите имя");
    }

    @Test
    @DisplayName("F-CALL-10 a guest asking for a recording gets a 403 page with EDUCATIONAL_PROFILE_REQUIRED")
    void recording() {
        Call call = linkCall("Кружок", OPEN);
        String secret = join(call.links().orElseThrow().browser(), "Гость");
        String id = emulator.engine().calls().startRecording(teacher.id(), call.id(), RecordingRequest.titled("Запись"))
                .id().value();
        emulator.engine().calls().stopRecording(teacher.id(), call.id());
        String uri = emulator.baseUri() + "/call/record/" + id;
        assertRefusal(get(uri, secret), 403, "EDUCATIONAL_PROFILE_REQUIRED", "образовательным профилем");
        assertRefusal(get(uri, null), 403, "EDUCATIONAL_PROFILE_REQUIRED", "образовательным профилем");
        assertRefusal(get(emulator.baseUri() + "/call/record/nosuch", secret), 404, "RECORDING_NOT_FOUND",
                "Запись не найдена");
    }

    @Test
    @DisplayName("F-CALL-07 /call/guest sends a guest to their call's page")
    void guestRedirect() {
        String link = linkCall("Кружок", OPEN).links().orElseThrow().browser();
        String secret = join(link, "Гость");
        HttpResponse<String> redirect = get(emulator.baseUri() + "/call/guest", secret);
        assertEquals(303, redirect.statusCode());
        assertEquals(URI.create(link).getPath(), redirect.headers().firstValue("Location").orElse(""));
        assertRefusal(get(emulator.baseUri() + "/call/guest", null), 404, "PARTICIPANT_NOT_FOUND", "Вы ещё не");
        assertRefusal(get(emulator.baseUri() + "/call/guest", "unknown"), 404, "PARTICIPANT_NOT_FOUND", "Вы ещё не");
    }
}
