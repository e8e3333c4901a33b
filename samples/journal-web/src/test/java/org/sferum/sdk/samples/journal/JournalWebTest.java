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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.assertj.SferumAssertions;
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
        assertNotNull(section.getAnchorByText("Отвязать учётную запись"));
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
        assertTrue(empty.getTextAreaByName("text").hasAttribute("required"));
        empty.getTextAreaByName("text").removeAttribute("required"); // as a browser without validation sends it
        HtmlPage refused = button(empty, "Отправить").click();
        assertEquals("MESSAGE_EMPTY", refused.getHtmlElementById("text-error").getAttribute("data-error"));
        assertTrue(refused.getHtmlElementById("text-error").asNormalizedText().contains("Сообщение пустое."));

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
        // the call page knows the teacher from her VK ID login: straight into the call, as the organiser
        HtmlElement member = callPage.getHtmlElementById("member");
        assertEquals("true", member.getAttribute("data-in-call"));
        assertEquals("ORGANISER", member.getAttribute("data-role"));
        HtmlPage hand = button(callPage, "Поднять руку ✋").click();
        assertEquals("true", ((HtmlElement) hand.getFirstByXPath("//ul[@id='participants']/li")).getAttribute("data-hand"));
        assertTrue(((HtmlElement) hand.getHtmlElementById("back")).getAttribute("href")
                .startsWith(app.baseUri() + "/journal/lesson"), "a link back to the lesson page");
        // F-CALL-10 recording from the lesson page of the journal
        now = hand.getAnchorByText("← Вернуться").click();
        now = button(now, "Начать запись").click();
        assertTrue(now.getHtmlElementById("record").asNormalizedText().contains("Идёт запись"));
        app.emulator().advanceClock(Duration.ofMinutes(1));
        now = button(now, "Остановить запись").click();
        assertTrue(now.getHtmlElementById("attendance").asNormalizedText().contains("Анна Смирнова"));
        assertTrue(now.getHtmlElementById("absent").asNormalizedText().contains("Иван Петров"));
        assertTrue(now.getHtmlElementById("recordings").asNormalizedText().contains("Математика, 5в, урок 1"),
                now::asNormalizedText);
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
        HtmlPage studentCall = blue.click();
        assertOnCallPage(studentCall);
        assertEquals("true", studentCall.getHtmlElementById("member").getAttribute("data-in-call"),
                studentCall::asNormalizedText);
        assertNull(studentCall.getFirstByXPath("//button[normalize-space()='Завершить звонок для всех']"),
                "no organiser's buttons for a student");
        assertEquals("/diary", new URL(studentCall.getHtmlElementById("back").getAttribute("href")).getPath());

        // «Отвязать учётную запись» with the confirmation
        HtmlPage section2 = studentBrowser.getPage(app.baseUri() + "/sferum");
        HtmlPage confirm = section2.getAnchorByText("Отвязать учётную запись").click();
        assertTrue(confirm.asNormalizedText().contains("Вы будете удалены из всех чатов"));
        HtmlPage no = confirm.getAnchorByText("Нет").click();
        assertNotNull(no.getAnchorByText("Отвязать учётную запись"), "«Нет» keeps the link");
        confirm = no.getAnchorByText("Отвязать учётную запись").click();
        HtmlPage unlinked = button(confirm, "Да").click();
        assertTrue(unlinked.asNormalizedText().contains("Учётная запись отвязана"), unlinked::asNormalizedText);
        assertNotNull(unlinked.getFirstByXPath("//button[normalize-space()='Привязать учебный профиль VK ID']"));
        assertTrue(app.sferum().links().find(SchoolAccountId.of("journal-student1")).isEmpty());
        // The student left the class chat; the failure would list who the emulator holds in it.
        SferumAssertions.assertThat(app.emulator().engine()).chat(app.classChat()).isOwnedBy(app.school().teacher())
                .doesNotHaveMember(app.school().students().get(0));
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
        assertEquals("Привязка отменена", refused.getFirstByXPath("//h1/text()").toString());
        HtmlPage again = button(refused, "Попробовать снова").click();
        assertEquals("PHONE", form(again).getAttribute("data-step"), "«Попробовать снова» starts VK ID again");

        HtmlPage linked = link(browser, "+79000000003");
        assertTrue(linked.asNormalizedText().contains("Учётная запись привязана"));
        // the same callback again (a reload): the pending linking is spent
        HtmlPage replay = browser.getPage(lastCallback);
        assertEquals("STATE_MISMATCH", ((HtmlElement) replay.getFirstByXPath("//p[@class='error']"))
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
    @DisplayName("F-EMB-05 F-SECT-03 the diary of a student who has not linked asks to link; the parent sees the "
            + "child's lesson button and joins the call page straight into the call")
    void parentJoins() throws IOException {
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
        HtmlPage call = button(row(diary, app.lessonKeys().get(0)), "Подключиться").click();
        assertOnCallPage(call);
        assertEquals("true", call.getHtmlElementById("member").getAttribute("data-in-call"), call::asNormalizedText);
        assertTrue(call.getHtmlElementById("participants").asNormalizedText().contains("Ольга Петрова — это вы"));
        HtmlPage left = button(call, "Выйти").click();
        assertEquals("false", left.getHtmlElementById("member").getAttribute("data-in-call"));
        assertNotNull(left.getFirstByXPath("//button[normalize-space()='Присоединиться']"));
    }

    @Test
    @DisplayName("F-EMB-05 F-LINK-01 demo users of linking variants 2 (VK ID without a profile) and 3 (no VK ID) "
            + "are on the login page, link, and end up in the class chat")
    void variantsTwoAndThree() throws IOException {
        for (String login : List.of("student-v2", "student-v3")) {
            WebClient browser = browser();
            HtmlPage loginPage = browser.getPage(app.baseUri() + "/login");
            HtmlElement row = loginPage.getFirstByXPath("//tr[@data-user='" + login + "']");
            assertTrue(row.asNormalizedText().contains(login.endsWith("2") ? "вариант 2" : "вариант 3"));
            button(row, "Войти").click();
            HtmlPage linked = link(browser, login.endsWith("2") ? JournalApp.VARIANT_2_PHONE
                    : JournalApp.VARIANT_3_PHONE);
            assertTrue(linked.asNormalizedText().contains("Учётная запись привязана"), linked::asNormalizedText);
            assertTrue(linked.getHtmlElementById("chats").asNormalizedText().contains("5в — классный чат"),
                    linked::asNormalizedText);
        }
    }

    @Test
    @DisplayName("F-EMB-05 F-LINK-07 F-SECT-02 unlinking and linking again: the chats and the lesson calls are back")
    void relink() throws IOException {
        WebClient teacher = browser();
        login(teacher, "teacher");
        link(teacher, TEACHER_PHONE);
        WebClient student = browser();
        login(student, "student1");
        link(student, STUDENT_PHONE);
        for (WebClient b : List.of(teacher, student)) {
            HtmlPage confirm = b.getPage(app.baseUri() + "/sferum/unlink");
            button(confirm, "Да").click();
        }
        link(teacher, TEACHER_PHONE);
        HtmlPage section = link(student, STUDENT_PHONE);
        assertTrue(section.getHtmlElementById("chats").asNormalizedText().contains("5в — классный чат"),
                section::asNormalizedText);
        HtmlPage journal = teacher.getPage(app.baseUri() + "/journal");
        HtmlPage lesson = button(row(journal, app.lessonKeys().get(0)), "Создать звонок").click();
        assertEquals("RUNNING", lesson.getHtmlElementById("call").getAttribute("data-state"), lesson::asNormalizedText);
        HtmlPage diary = student.getPage(app.baseUri() + "/diary");
        assertEquals("blue", button(row(diary, app.lessonKeys().get(0)), "Подключиться").getAttribute("class"));
    }

    @Test
    @DisplayName("F-EMB-05 F-MSG-01 the chat form keeps what was typed: an over-long message is refused next to "
            + "the field with the text kept and a counter of the limit; a label names the field")
    void chatFormKeepsText() throws IOException {
        WebClient browser = browser();
        login(browser, "teacher");
        link(browser, TEACHER_PHONE);
        HtmlPage chat = browser.getPage(app.baseUri() + "/sferum/chat?id=" + app.classChat().peerId());
        HtmlForm send = chat.getHtmlElementById("send");
        HtmlTextArea text = send.getTextAreaByName("text");
        assertEquals("Сообщение", ((HtmlElement) chat.getFirstByXPath("//label[@for='text']")).asNormalizedText());
        assertEquals("", text.getAttribute("maxlength"), "no silent cut");
        assertTrue(chat.getHtmlElementById("counter").asNormalizedText().contains("9000"));
        String tooLong = "я".repeat(10_000);
        text.setText(tooLong);
        HtmlPage refused = button(send, "Отправить").click();
        assertEquals(400, refused.getWebResponse().getStatusCode());
        assertEquals("MESSAGE_TOO_LONG", refused.getHtmlElementById("text-error").getAttribute("data-error"));
        HtmlTextArea kept = ((HtmlForm) refused.getHtmlElementById("send")).getTextAreaByName("text");
        assertEquals(tooLong, kept.getText(), "the typed text is kept whole");
        assertEquals("true", kept.getAttribute("aria-invalid"));
        assertTrue(refused.getHtmlElementById("history").asNormalizedText().contains("Добро пожаловать"),
                "the chat stays on the page");
        // a 5,000-character word wraps instead of widening the page
        String word = "а".repeat(5_000);
        kept.setText(word);
        HtmlPage sent = button(refused.getHtmlElementById("send"), "Отправить").click();
        assertTrue(sent.getHtmlElementById("history").asNormalizedText().contains(word));
        assertTrue(Jsoup.parse(sent.getWebResponse().getContentAsString()).selectFirst("style").data()
                .contains(".message .text{white-space:pre-wrap;overflow-wrap:anywhere}"));
    }

    @Test
    @DisplayName("F-EMB-05 F-MSG-01 a hostile message (<script>, quotes, &) is text on the chat page, in the «Чаты» "
            + "tab and in the kept field of a refused message, never markup")
    void hostileTextIsEscaped() throws IOException {
        WebClient browser = browser();
        login(browser, "teacher");
        link(browser, TEACHER_PHONE);
        String hostile = "<script>alert(\"x\")</script> & 'y' <b>жирный</b> &amp;";
        String chatUri = app.baseUri() + "/sferum/chat?id=" + app.classChat().peerId();
        HtmlPage chat = browser.getPage(chatUri);
        HtmlForm send = chat.getHtmlElementById("send");
        send.getTextAreaByName("text").setText(hostile);
        HtmlPage sent = button(send, "Отправить").click();
        Document page = Jsoup.parse(sent.getWebResponse().getContentAsString());
        assertEquals(hostile, page.select("#history .message .text").last().wholeText());
        assertEquals(List.of("/static/live.js"), page.select("script").eachAttr("src"), "no other script");
        assertTrue(page.select("main b").isEmpty(), "no markup from the message");

        HtmlPage tab = browser.getPage(app.baseUri() + "/sferum?tab=chats");
        Document chats = Jsoup.parse(tab.getWebResponse().getContentAsString());
        assertTrue(chats.select("#chats td").eachText().contains("Анна Смирнова: " + hostile),
                () -> chats.select("#chats").outerHtml());
        assertTrue(chats.select("main script, main b").isEmpty());

        String tooLong = hostile + "я".repeat(9_000);
        HtmlForm again = ((HtmlPage) browser.getPage(chatUri)).getHtmlElementById("send");
        again.getTextAreaByName("text").setText(tooLong);
        Document refused = Jsoup.parse(button(again, "Отправить").click().getWebResponse().getContentAsString());
        assertEquals(tooLong, refused.selectFirst("form#send textarea[name=text]").val(), "kept as typed");
        assertEquals("MESSAGE_TOO_LONG", refused.selectFirst("#text-error").attr("data-error"));
    }

    @Test
    @DisplayName("F-EMB-05 «+15 мин» returns to the page it was pressed on; «Перейти в Сферум» stays in the "
            + "offline demo; /favicon.ico answers; one spelling of «учётная»")
    void smallDefects() throws IOException {
        WebClient browser = browser();
        login(browser, "student1");
        link(browser, STUDENT_PHONE);
        HtmlPage calls = browser.getPage(app.baseUri() + "/sferum?tab=calls");
        java.time.Instant before = app.emulator().engine().clock().instant();
        HtmlPage after = button(calls, "+15 мин").click();
        assertEquals("/sferum", after.getUrl().getPath());
        assertEquals("tab=calls", after.getUrl().getQuery());
        Duration moved = Duration.between(before, app.emulator().engine().clock().instant());
        assertTrue(moved.compareTo(Duration.ofMinutes(15)) >= 0 && moved.compareTo(Duration.ofMinutes(16)) < 0,
                moved::toString);
        HtmlPage section = browser.getPage(app.baseUri() + "/sferum");
        String href = section.getAnchorByText("Перейти в Сферум").getHrefAttribute();
        assertEquals("/sferum/web", href);
        assertFalse(section.asXml().contains("учетн"));
        Page icon = browser.getPage(app.baseUri() + "/favicon.ico");
        assertEquals(200, icon.getWebResponse().getStatusCode());
        assertEquals("image/svg+xml", icon.getWebResponse().getContentType());
    }

    @Test
    @DisplayName("F-EMB-05 F-LINK-01 two «Привязать» tabs in one browser: whichever finishes, both end linked")
    void twoLinkTabs() throws IOException {
        WebClient browser = browser();
        login(browser, "student2");
        HtmlPage first = button(browser.getPage(app.baseUri() + "/sferum"), "Привязать учебный профиль VK ID").click();
        HtmlPage second = button(browser.getPage(app.baseUri() + "/sferum"), "Привязать учебный профиль VK ID")
                .click();
        HtmlPage done = walkVkId(browser, second, "+79000000003");
        assertTrue(done.asNormalizedText().contains("Учётная запись привязана"), done::asNormalizedText);
        HtmlPage alsoDone = walkVkId(browser, first, "+79000000003");
        assertEquals("/sferum", alsoDone.getUrl().getPath(), alsoDone::asNormalizedText);
        assertNull(alsoDone.getFirstByXPath("//p[@class='error']"), alsoDone::asNormalizedText);
    }

    // ------------------------------------------------------------------ helpers

    private String lastCallback;

    @Test
    @DisplayName("F-EMB-08 the journal posts homework and a lesson's link into the class chat through the school's MAX bot (on by default); the class chat shows the bot's messages; turned off, nothing is posted")
    void schoolBotPostsIntoClassChat() throws IOException {
        WebClient teacherBrowser = browser();
        HtmlPage journal = login(teacherBrowser, "teacher");
        assertEquals("on", journal.getHtmlElementById("bot-setting").getAttribute("data-on"), "on by default");
        link(teacherBrowser, TEACHER_PHONE);
        String lessonUrl = app.baseUri() + "/journal/lesson?key=" + java.net.URLEncoder.encode(app.lessonKeys()
                .get(0), java.nio.charset.StandardCharsets.UTF_8);
        HtmlPage lesson = teacherBrowser.getPage(lessonUrl);
        HtmlForm homework = lesson.getHtmlElementById("homework");
        homework.<HtmlTextArea>getTextAreaByName("homework").type("№15, №16 на странице 42");
        HtmlPage posted = button(homework, "Отправить в чат класса").click();
        assertTrue(posted.getHtmlElementById("bot-posted").asNormalizedText()
                .contains("отправил домашнее задание в чат класса"), posted::asNormalizedText);
        posted = button(posted, "Отправить ссылку на урок в чат класса").click();
        assertTrue(posted.getHtmlElementById("bot-posted").asNormalizedText().contains("отправил ссылку на урок"),
                posted::asNormalizedText);

        // the class chat, as the teacher sees it on Sferum: the bot's two messages, by «Бот школы»
        HtmlPage section = teacherBrowser.getPage(app.baseUri() + "/sferum");
        HtmlPage chat = section.getAnchorByText("5в — классный чат").click();
        String history = chat.getHtmlElementById("history").asNormalizedText();
        assertTrue(history.contains("Домашнее задание по уроку «Математика»"), history);
        assertTrue(history.contains("№15, №16 на странице 42"), history);
        assertTrue(history.contains("Онлайн-урок «Математика» начинается"), history);
        assertTrue(history.contains("Бот школы"), history);

        // off: the lesson page says so, and the journal posts nothing
        journal = teacherBrowser.getPage(app.baseUri() + "/journal");
        journal = button(journal.getHtmlElementById("bot-setting"), "Выключить").click();
        assertEquals("off", journal.getHtmlElementById("bot-setting").getAttribute("data-on"));
        lesson = teacherBrowser.getPage(lessonUrl);
        assertTrue(lesson.getHtmlElementById("bot-off").asNormalizedText().contains("выключен"));
        assertNull(lesson.getElementById("homework"));
    }

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

    /** From the «Сферум» section through VK ID's pages (any of the three variants) back to the section. */
    private HtmlPage link(WebClient browser, String phone) throws IOException {
        HtmlPage section = browser.getPage(app.baseUri() + "/sferum");
        return walkVkId(browser, button(section, "Привязать учебный профиль VK ID").click(), phone);
    }

    /** Walks VK ID's pages as a person would, reading the SMS code the demo emulator shows on its page. */
    private HtmlPage walkVkId(WebClient browser, HtmlPage page, String phone) throws IOException {
        lastCallbackWatcher(browser);
        for (int steps = 0; steps < 10 && page.getUrl().getPort() == app.emulator().baseUri().getPort(); steps++) {
            HtmlForm form = form(page);
            switch (form.getAttribute("data-step")) {
                case "PHONE" -> form.getInputByName("phone").type(phone);
                case "PASSWORD" -> form.getInputByName("password").type(DemoSchool.PASSWORD);
                case "SMS_CODE" -> {
                    HtmlElement shown = page.getFirstByXPath("//p[@data-emulator-sms]");
                    assertNotNull(shown, "the demo emulator shows the SMS code on the page");
                    assertTrue(shown.asNormalizedText().contains("Демо-эмулятор"));
                    form.getInputByName("sms_code").type(shown.getAttribute("data-emulator-sms"));
                }
                case "ABOUT_YOU" -> {
                    JournalUser user = app.users().values().stream().filter(u -> u.vkIdPhone().equals(phone))
                            .findFirst().orElseThrow();
                    form.getInputByName("last_name").type(user.name().split(" ")[1]);
                    form.getInputByName("first_name").type(user.name().split(" ")[0]);
                    form.getInputByName("birth_date").type("01.09.2014");
                    ((org.htmlunit.html.HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='female']"))
                            .setChecked(true);
                }
                default -> {
                    // the buttons only
                }
            }
            HtmlButton next = form.getFirstByXPath(".//button[normalize-space()='Продолжить' or "
                    + "normalize-space()='Продолжить в учебном профиле' or normalize-space()='Создать учебный "
                    + "профиль' or normalize-space()='Подтвердить']");
            assertNotNull(next, page::asNormalizedText);
            page = next.click();
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
