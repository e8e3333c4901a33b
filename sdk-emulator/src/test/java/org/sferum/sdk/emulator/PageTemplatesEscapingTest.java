package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.emulator.LoginPages.PageError;
import org.sferum.sdk.testkit.engine.CallPageView;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * Every template family of the emulator (VK ID's pages, the call page) shows a hostile value — markup, both quotes,
 * an ampersand — as the very text it is, read back with jsoup: never an element, never a broken attribute.
 */
class PageTemplatesEscapingTest {
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'y' <b>жирный</b> &amp;";
    private static final String BACK = "https://school.example/journal?a=1&b=\"><script>alert(1)</script>";
    private static final CallPageView CALL = new CallPageView("key-1", HOSTILE, CallState.RUNNING,
            new CallSettings(true, true));

    private static Document parse(String html) {
        Document page = Jsoup.parse(html);
        assertTrue(page.select("script, b").isEmpty(), () -> "markup from a value on " + html);
        return page;
    }

    private static Participant participant(String id, String name, CallRole role, Long user) {
        return new Participant(new ParticipantId(id), Optional.ofNullable(user).map(UserId::of), name, role, false,
                true, false, false, false, Instant.EPOCH);
    }

    @Test
    @DisplayName("F-LINK-02 the VK ID pages show a hostile name, flow id and explanation as text")
    void vkIdPages() {
        Document check = parse(LoginPages.step(Step.CHECK_DATA, HOSTILE, Optional.of(new Person(UserId.of(5),
                HOSTILE, HOSTILE + "!")), Optional.of(new PageError(ErrorCode.CONFLICT, Optional.empty()))));
        assertEquals(List.of(HOSTILE + "!", HOSTILE), check.select("dd").eachText());
        assertEquals(HOSTILE, Pages.only(check, "form[data-step=CHECK_DATA] input[name=flow_id]").val());
        assertEquals("CONFLICT", Pages.only(check, "p.error").attr("data-code"));

        Document failure = parse(LoginPages.failure(new PageError(ErrorCode.NOT_FOUND, Optional.empty()), HOSTILE));
        assertEquals(HOSTILE, failure.select("main > p").last().text());
        assertTrue(failure.select("form").isEmpty());
    }

    @Test
    @DisplayName("F-CALL-07 the call page shows a hostile title, guest name, member name, back link and text as text")
    void callPages() {
        Document visitor = parse(CallPages.visitor(CALL, Optional.of(BACK)));
        assertEquals(HOSTILE, Pages.only(visitor, "h1").text());
        assertTrue(visitor.title().startsWith(HOSTILE), visitor::title);
        assertEquals(BACK, Pages.only(visitor, "a#back").attr("href"));

        Participant teacher = participant("u1", HOSTILE, CallRole.ORGANISER, 1L);
        Participant guest = participant("g1", HOSTILE + "?", CallRole.PARTICIPANT, null);
        Document seat = parse(CallPages.guest(new CallPageView.Guest(CALL, new ParticipantId("g1"), HOSTILE + "?",
                GuestStatus.IN_CALL, List.of(teacher, guest))));
        assertEquals(HOSTILE + "?", Pages.only(seat, "section#guest").attr("data-name"));
        assertEquals("Вы в звонке как «" + HOSTILE + "?».", Pages.only(seat, "p.status").text());
        assertTrue(Pages.only(seat, "li[data-participant=u1]").text().startsWith(HOSTILE + " (организатор)"));

        WaitingParticipant waiting = new WaitingParticipant(new ParticipantId("g2"), Optional.empty(), HOSTILE,
                Instant.EPOCH);
        Document member = parse(CallPages.member(CALL, HOSTILE, Optional.of(teacher), List.of(teacher, guest),
                List.of(waiting), true, "csrf\"&<", Optional.of(BACK)));
        assertEquals("true", Pages.only(member, "section#member").attr("data-in-call"));
        assertEquals("Вы в звонке как «" + HOSTILE + "» (организатор).", Pages.only(member, "p.status").text());
        assertTrue(Pages.only(member, "li[data-participant=g1]").text().startsWith(HOSTILE + "? (гость)"));
        assertTrue(Pages.only(member, "#waiting li[data-participant=g2]").text().startsWith(HOSTILE + " Впустить"));
        for (var form : member.select("form[data-form]")) {
            assertEquals("csrf\"&<", form.selectFirst("input[name=csrf]").val(), form::outerHtml);
            assertEquals(BACK, form.selectFirst("input[name=back]").val(), form::outerHtml);
        }
        assertEquals("g1", Pages.only(member, "form[data-form=remove]:has(input[value=g1]) input[name=participant]")
                .val());

        Document refusal = parse(CallPages.refusal(ErrorCode.INVALID_ARGUMENT, CALL, HOSTILE));
        assertEquals(HOSTILE, Pages.only(refusal, "p.error[data-error=INVALID_ARGUMENT]").text());

        Document password = parse(CallPages.askPassword(HOSTILE));
        assertEquals("Номер звонка: " + HOSTILE, password.select("form p").first().text());
        assertEquals(CallPages.SHORT_PATH + HOSTILE, Pages.only(password, "form[data-form=password]").attr("action"));
    }
}
