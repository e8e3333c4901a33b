package org.sferum.sdk.samples.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The journal in headless browsers (HtmlUnit, no JavaScript): each test starts its own journal (emulator, client,
 * web server on a free port) and walks the journal's pages and the emulator's VK ID pages as a person would.
 */
class JournalWebTest {
    private static final String TEACHER_PHONE = "+79000000001";
    private static final String STUDENT_PHONE = "+79000000002";

    private JournalApp app;
    private final List<WebClient> browsers = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        app = JournalApp.start(0);
    }

    @AfterEach
    void stop() {
        browsers.forEach(WebClient::close);
        app.close();
    }

    @Test
    @DisplayName("F-EMB-05 F-LINK-01 F-LINK-02 F-LINK-06 F-SECT-01 F-SECT-02 F-CALL-02 F-SECT-03 F-SECT-04 "
            + "F-LINK-07 the teacher links and creates a lesson call, the student links, sees the button grey "
            + "then blue, joins, and unlinks")
    void teacherAndStudent() throws IOException {
        WebClient teacherBrowser = browser();
        HtmlPage journal = login(teacherBrowser, "teacher");
        assertEquals("/journal", journal.getUrl().getPath());
        assertTrue(journal.asNormalizedText().contains("привяжите учебный профиль VK ID"), journal::asNormalizedText);

        HtmlPage section = link(teacherBrowser, TEACHER_PHONE);
        String text = section.asNormalizedText();
        assertTrue(text.contains("Учётная запись привязана"), text);
        assertTrue(text.contains("Анна Смирнова"), text);
        assertNotNull(section.getAnchorByText("Перейти в Сферум"));
        assertNotNull(section.getAnchorByText("Отвязать учетную запись"));
        assertNotNull(section.getAnchorByText("Видеоконференции"));

        // «Чаты»: the class chat the journal created at start-up; open it and send a message
        HtmlElement chats = section.getHtmlElementById("chats");
        assertTrue(chats.asNormalizedText().contains("5в — классный чат"), chats::asNormalizedText);
        HtmlPage chat = section.getAnchorByText("5в — классный чат").click();
        assertTrue(chat.getHtmlElementById("history").asNormalizedText().contains("Добро пожаловать в чат класса"));
        HtmlForm send = chat.getHtmlElementById("send");
        send.<HtmlTextArea>getTextAreaByName("text").type("Домашнее задание: №15 <b>и</b> №16");
        HtmlPage afterSend = button(send, "Отправить").click();
        assertTrue(afterSend.getHtmlElementById("history").asNormalizedText()
                .contains("Домашнее задание: №15 <b>и</b> №16"), afterSend::asNormalizedText);
        assertFalse(afterSend.getWebResponse().getContentAsString().contains("<b>и</b>"), "escaped");
        HtmlForm empty = afterSend.getHtmlElementById("send");
        HtmlPage refused = button(empty, "Отправить").click();
        assertTrue(refused.asNormalizedText().contains("Сообщение пустое."), refused::asNormalizedText);

        // «Создать звонок» for the second lesson (later today) and for the first (going on now)
        List<String> keys = app.lessonKeys();
        journal = teacherBrowser.getPage(app.baseUri() + "/journal");
        HtmlPage lessonPage = button(row(journal, keys.get(1)), "Создать звонок").click();
        assertEquals("SCHEDULED", lessonPage.getHtmlElementById("call").getAttribute("data-state"));
        assertTrue(lessonPage.asNormalizedText().contains("Онлайн-урок: Русский язык, 5в: запланирован"),
                lessonPage::asNormalizedText);
        assertNull(lessonPage.getFirstByXPath("//button[normalize-space()='Открыть звонок']"));

        journal = teacherBrowser.getPage(app.baseUri() + "/journal");
        HtmlPage now = button(row(journal, keys.get(0)), "Создать звонок").click();
        assertEquals("RUNNING", now.getHtmlElementById("call").getAttribute("data-state"));
        HtmlPage callPage = button(now, "Открыть звонок").click();
        assertOnCallPage(callPage);
        Call running = app.sferum().session(SchoolAccountId.of("journal-teacher")).calls().forLesson(keys.get(0))
                .orElseThrow();
        var recordings = app.sferum().session(SchoolAccountId.of("journal-teacher")).calls().recordings();
        recordings.start(running.id(), RecordingRequest.titled("Математика, 5в"));
        app.emulator().advanceClock(Duration.ofMinutes(1));
        recordings.stop(running.id());
        now = teacherBrowser.getPage(app.baseUri() + "/journal/lesson?key=" + java.net.URLEncoder.encode(keys.get(0),
                java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(now.getHtmlElementById("attendance").asNormalizedText().contains("Анна Смирнова"));
        assertTrue(now.getHtmlElementById("absent").asNormalizedText().contains("Иван Петров"));
        assertTrue(now.getHtmlElementById("recordings").asNormalizedText().contains("Математика, 5в"));
        HtmlPage ended = button(now, "Завершить звонок для всех").click();
        assertEquals("ENDED", ended.getHtmlElementById("call").getAttribute("data-state"));

        // the student, in another browser
        WebClient studentBrowser = browser();
        HtmlPage diary = login(studentBrowser, "student1");
        assertEquals("/diary", diary.getUrl().getPath());
        link(studentBrowser, STUDENT_PHONE);
        diary = studentBrowser.getPage(app.baseUri() + "/diary");
        HtmlButton grey = button(row(diary, keys.get(1)), "Подключиться");
        assertEquals("grey", grey.getAttribute("class"));
        assertTrue(grey.isDisabled());
        assertTrue(row(diary, keys.get(0)).asNormalizedText().contains("Урок завершён"));

        HtmlPage calls = studentBrowser.getPage(app.baseUri() + "/sferum?tab=calls");
        HtmlElement scheduledRow = calls.getFirstByXPath("//tr[@data-state='SCHEDULED']");
        assertTrue(scheduledRow.asNormalizedText().contains("Онлайн-урок"));
        assertNull(scheduledRow.getFirstByXPath(".//button"), "no «Перейти» before the start");

        app.emulator().advanceClock(Duration.between(app.emulator().engine().clock().instant(),
                app.lessonStart(keys.get(1))).plusSeconds(1));
        calls = studentBrowser.getPage(app.baseUri() + "/sferum?tab=calls");
        HtmlElement runningRow = calls.getFirstByXPath("//tr[@data-state='RUNNING']");
        assertEquals("Перейти", ((HtmlButton) runningRow.getFirstByXPath(".//button")).asNormalizedText());

        diary = studentBrowser.getPage(app.baseUri() + "/diary");
        HtmlButton blue = button(row(diary, keys.get(1)), "Подключиться");
        assertEquals("blue", blue.getAttribute("class"));
        assertOnCallPage(blue.click());

        // «Отвязать учетную запись» with the confirmation
        HtmlPage section2 = studentBrowser.getPage(app.baseUri() + "/sferum");
        HtmlPage confirm = section2.getAnchorByText("Отвязать учетную запись").click();
        assertTrue(confirm.asNormalizedText().contains("Вы будете удалены из всех чатов"));
        HtmlPage no = confirm.getAnchorByText("Нет").click();
        assertNotNull(no.getAnchorByText("Отвязать учетную запись"), "«Нет» keeps the link");
        confirm = no.getAnchorByText("Отвязать учетную запись").click();
        HtmlPage unlinked = button(confirm, "Да").click();
        assertTrue(unlinked.asNormalizedText().contains("Учётная запись отвязана"), unlinked::asNormalizedText);
        assertNotNull(unlinked.getFirstByXPath("//button[normalize-space()='Привязать учебный профиль VK ID']"));
        assertTrue(app.sferum().links().find(SchoolAccountId.of("journal-student1")).isEmpty());
        assertFalse(app.emulator().engine().chats().chat(app.school().teacher().id(), app.classChat()).hasMember(app.school().students().get(0).id()),
                "the student left the class chat");
    }

    @Test
    @DisplayName("F-EMB-05 F-LINK-01 «Отмена» at VK ID shows the refusal in Russian and the button again; a "
            + "replayed callback is refused")
    void cancelAndReplay() throws IOException {
        WebClient browser = browser();
        login(browser, "student2");
        HtmlPage section = browser.getPage(app.baseUri() + "/sferum");
        HtmlPage vkId = button(section, "Привязать учебный профиль VK ID").click();
        assertEquals(app.emulator().baseUri().getPort(), vkId.getUrl().getPort());
        HtmlPage refused = button(vkId, "Отмена").click();
        assertEquals(app.baseUri().getPort(), refused.getUrl().getPort());
        HtmlElement error = refused.getFirstByXPath("//p[@class='error']");
        assertEquals("ACCESS_DENIED", error.getAttribute("data-error"));
        assertTrue(error.asNormalizedText().contains("Вы отменили вход в VK ID"));

        HtmlPage linked = link(browser, "+79000000003");
        assertTrue(linked.asNormalizedText().contains("Учётная запись привязана"));
        // the same callback again (a reload): the pending linking is spent
        HtmlPage again = browser.getPage(lastCallback);
        assertEquals("STATE_MISMATCH", ((HtmlElement) again.getFirstByXPath("//p[@class='error']"))
                .getAttribute("data-error"));
    }

    @Test
    @DisplayName("F-EMB-05 the session cookie is HttpOnly and SameSite=Lax; a POST without the form's token is "
            + "refused")
    void cookieAndCsrf() throws IOException {
        WebClient browser = browser();
        login(browser, "teacher");
        Cookie cookie = browser.getCookieManager().getCookie(WebSessions.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("lax", cookie.getSameSite().toLowerCase(java.util.Locale.ROOT));
        org.htmlunit.WebRequest post = new org.htmlunit.WebRequest(new URL(app.baseUri() + "/journal/call"),
                org.htmlunit.HttpMethod.POST);
        post.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("lesson", app.lessonKeys().get(0))));
        Page refused = browser.getPage(post);
        assertEquals(403, refused.getWebResponse().getStatusCode());
    }

    @Test
    @DisplayName("F-EMB-05 F-SECT-03 the diary of a student who has not linked asks to link; a parent outside "
            + "the class chat sees the lessons without «Подключиться»")
    void diaryWithoutButton() throws IOException {
        app.sferum().session(app.school().teacher().token()).calls()
                .createLessonCall(app.lessons().get(0).toSdk(), app.classChat());
        WebClient student = browser();
        HtmlPage diary = login(student, "student3");
        assertTrue(diary.asNormalizedText().contains("привяжите учебный профиль VK ID"), diary::asNormalizedText);
        assertNull(row(diary, app.lessonKeys().get(0)).getFirstByXPath(".//button"));

        WebClient parent = browser();
        login(parent, "parent");
        link(parent, "+79000000005");
        diary = parent.getPage(app.baseUri() + "/diary");
        assertEquals("Дневник учащегося", diary.getFirstByXPath("//h1/text()").toString());
        assertNull(row(diary, app.lessonKeys().get(0)).getFirstByXPath(".//button"), diary::asNormalizedText);
    }

    // ------------------------------------------------------------------ helpers

    private String lastCallback;

    private WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setPrintContentOnFailingStatusCode(false);
        browsers.add(browser);
        return browser;
    }

    private HtmlPage login(WebClient browser, String user) throws IOException {
        HtmlPage page = browser.getPage(app.baseUri() + "/");
        assertEquals("/login", page.getUrl().getPath());
        HtmlElement row = page.getFirstByXPath("//tr[@data-user='" + user + "']");
        return button(row, "Войти").click();
    }

    /** From the «Сферум» section through VK ID's pages (variant 1) back to the section. */
    private HtmlPage link(WebClient browser, String phone) throws IOException {
        HtmlPage section = browser.getPage(app.baseUri() + "/sferum");
        HtmlPage page = button(section, "Привязать учебный профиль VK ID").click();
        assertEquals("PHONE", form(page).getAttribute("data-step"));
        form(page).getInputByName("phone").type(phone);
        page = button(form(page), "Продолжить").click();
        assertEquals("PASSWORD", form(page).getAttribute("data-step"));
        form(page).getInputByName("password").type(DemoSchool.PASSWORD);
        page = button(form(page), "Продолжить").click();
        assertEquals("SMS_CODE", form(page).getAttribute("data-step"));
        form(page).getInputByName("sms_code").type(app.emulator().vkIdUsers().lastSmsCode(phone).orElseThrow());
        page = button(form(page), "Продолжить").click();
        assertEquals("CHOOSE_PROFILE", form(page).getAttribute("data-step"));
        page = button(form(page), "Продолжить в учебном профиле").click();
        if ("CHECK_DATA".equals(form(page).getAttribute("data-step"))) {
            lastCallbackWatcher(browser);
            page = button(form(page), "Подтвердить").click();
        }
        assertEquals(app.baseUri().getPort(), page.getUrl().getPort(), "back in the journal");
        assertEquals("/sferum", page.getUrl().getPath());
        return page;
    }

    private void lastCallbackWatcher(WebClient browser) {
        browser.setWebConnection(new org.htmlunit.util.WebConnectionWrapper(browser) {
            @Override
            public org.htmlunit.WebResponse getResponse(org.htmlunit.WebRequest request) throws IOException {
                if (request.getUrl().getPath().equals("/sferum/callback")) {
                    lastCallback = request.getUrl().toString();
                }
                return super.getResponse(request);
            }
        });
    }

    private static HtmlForm form(HtmlPage page) {
        HtmlForm form = page.getFirstByXPath("//form[@data-step]");
        assertNotNull(form, page::asNormalizedText);
        return form;
    }

    private static HtmlElement row(HtmlPage page, String lessonKey) {
        HtmlElement row = page.getFirstByXPath("//tr[@data-lesson='" + lessonKey + "']");
        assertNotNull(row, page::asNormalizedText);
        return row;
    }

    private static HtmlButton button(org.htmlunit.html.DomNode scope, String label) {
        HtmlButton button = scope.getFirstByXPath(".//button[normalize-space()='" + label + "']");
        assertNotNull(button, () -> "no button «" + label + "» in: " + scope.asNormalizedText());
        return button;
    }

    private void assertOnCallPage(Page page) {
        URL url = page.getUrl();
        assertEquals(app.emulator().baseUri().getPort(), url.getPort(), url::toString);
        assertTrue(url.getPath().startsWith("/call/join/"), url::toString);
    }
}
