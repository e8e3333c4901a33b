package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.testkit.engine.CallService.ParticipantAction;

/**
 * The call page in a headless browser (HtmlUnit, no JavaScript needed): a person opens a running call's join link,
 * types a name, joins anonymously, waits, is admitted by the organiser, sees the participants, leaves; a call that
 * does not let anonymous people in shows the refusal.
 */
class CallPageBrowserTest extends EmulatorTestBase {
    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setPrintContentOnFailingStatusCode(false);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    @DisplayName("F-CALL-03 F-CALL-07 a guest joins through the browser, waits, is admitted and sees who is in the call")
    void joinWaitAdmit() throws IOException {
        Call call = emulator.engine().calls().startCallByLink(teacher.id(), "Консультация по алгебре",
                new CallSettings(true, true));
        HtmlPage page = browser.getPage(call.links().orElseThrow().browser());
        assertEquals(200, page.getWebResponse().getStatusCode());
        assertEquals("Консультация по алгебре", page.getFirstByXPath("//h1/text()").toString());
        assertTrue(page.asNormalizedText().contains("Видео и звук — в приложении Сферум"), page::asNormalizedText);

        HtmlForm form = page.getFirstByXPath("//form[@data-form='join']");
        form.getInputByName("name").type("Гость Иванов");
        HtmlButton join = form.getFirstByXPath(".//button[@type='submit']");
        assertEquals("Присоединиться анонимно", join.asNormalizedText());
        HtmlPage waiting = join.click();

        assertEquals(page.getUrl(), waiting.getUrl(), "303 back to the call page");
        HtmlElement guest = waiting.getHtmlElementById("guest");
        assertEquals("WAITING", guest.getAttribute("data-status"));
        String participant = guest.getAttribute("data-participant");
        assertTrue(waiting.asNormalizedText().contains("Ожидайте, организатор скоро впустит вас"),
                waiting::asNormalizedText);
        Cookie cookie = browser.getCookieManager().getCookie("sferum_call_guest");
        assertTrue(cookie.isHttpOnly());
        assertEquals("/call/", cookie.getPath());

        emulator.engine().calls().actOnParticipant(teacher.id(), call.id(), new ParticipantId(participant),
                ParticipantAction.ADMIT);
        HtmlPage in = (HtmlPage) waiting.refresh();
        assertEquals("IN_CALL", in.getHtmlElementById("guest").getAttribute("data-status"));
        assertTrue(in.asNormalizedText().contains("Вы в звонке как «Гость Иванов»"), in::asNormalizedText);
        List<DomElement> people = in.getByXPath("//ul[@id='participants']/li");
        assertEquals(2, people.size());
        assertTrue(people.get(0).asNormalizedText().contains("(организатор)"));
        assertTrue(people.get(1).asNormalizedText().contains("Гость Иванов (гость) — это вы"));
        assertEquals(participant, people.get(1).getAttribute("data-participant"));

        HtmlButton leave = in.getFirstByXPath("//form[@data-form='leave']//button");
        assertEquals("Выйти", leave.asNormalizedText());
        HtmlPage left = leave.click();
        assertEquals("LEFT", left.getHtmlElementById("guest").getAttribute("data-status"));
        HtmlButton back = left.getFirstByXPath("//form[@data-form='rejoin']//button");
        assertEquals("Вернуться", back.asNormalizedText());
        HtmlPage again = back.click();
        assertEquals("IN_CALL", again.getHtmlElementById("guest").getAttribute("data-status"));
    }

    @Test
    @DisplayName("F-CALL-07 a call that does not let anonymous people in shows the refusal and no form")
    void anonymousForbidden() throws IOException {
        Call call = emulator.engine().calls().startCallByLink(teacher.id(), "Только для класса", CallSettings.DEFAULT);
        HtmlPage page = browser.getPage(call.links().orElseThrow().browser());
        DomElement error = page.getFirstByXPath("//p[@class='error']");
        assertEquals("ANONYMOUS_NOT_ALLOWED", error.getAttribute("data-error"));
        assertTrue(error.asNormalizedText().startsWith("Организатор не разрешил анонимных участников"));
        assertNull(page.getFirstByXPath("//form[@data-form='join']"));
    }

    @Test
    @DisplayName("F-CALL-03 an unknown link shows a 404 page")
    void unknownLink() throws IOException {
        HtmlPage page = browser.getPage(emulator.baseUri() + "/call/join/nosuchkey");
        assertEquals(404, page.getWebResponse().getStatusCode());
        DomElement error = page.getFirstByXPath("//p[@class='error']");
        assertEquals("CALL_NOT_FOUND", error.getAttribute("data-error"));
    }
}
