package org.sferum.sdk.samples.journal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallState;

/**
 * HTML of the journal: the pages are the templates of {@code samples/journal-web/src/main/jte}, which jte-maven-plugin
 * compiles into classes of this package at build time. Their content type is HTML, so every {@code ${…}} is escaped
 * for where it stands; nothing here builds markup by hand. This class renders them and holds the small helpers the
 * templates call (times, call states, hidden fields).
 */
final class JournalHtml {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            JournalHtml.class.getClassLoader(), JournalHtml.class.getPackageName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(SchoolLesson.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(SchoolLesson.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(SchoolLesson.ZONE);

    private JournalHtml() {
    }

    /**
     * Renders a page.
     *
     * @param template the template's file name, such as {@code "chat.jte"}
     * @param params the template's parameters by name
     * @return the HTML
     */
    static String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, params, output);
        return output.toString();
    }

    /**
     * What every page's frame ({@code layout.jte}) shows.
     *
     * @param title the title, plain text
     * @param nav the navigation bar, or {@code null} when nobody is logged in
     * @param liveUrl the address the page's live parts come from, or {@code null} for the browser's
     */
    record Frame(String title, Nav nav, String liveUrl) {
    }

    /**
     * The navigation bar of a logged-in user ({@code nav.jte}).
     *
     * @param teacher whether the first link is the journal (else the diary)
     * @param userName the user's name
     * @param roleText the user's role, in Russian
     * @param csrf the session's form token
     * @param clock the emulator's clock, {@code HH:mm}
     * @param back where «+15 мин» comes back to
     */
    record Nav(boolean teacher, String userName, String roleText, String csrf, String clock, String back) {
    }

    /**
     * Hidden fields of a form, in order.
     *
     * @param namesAndValues a name, its value, the next name, …
     * @return the fields
     */
    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String dateTime(Instant at) {
        return DATE_TIME.format(at);
    }

    static String date(Instant at) {
        return DATE.format(at);
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String stateText(CallState state) {
        return switch (state) {
            case SCHEDULED -> "запланирован";
            case RUNNING -> "идёт";
            case ENDED -> "завершён";
        };
    }

    static String callType(Call c) {
        return switch (c.kind()) {
            case LESSON -> "Онлайн-урок";
            case CHAT -> c.video() ? "Видеозвонок" : "Аудиозвонок";
            case LINK -> "Звонок по ссылке";
        };
    }

    /** Where the journal's script is served. */
    static final String SCRIPT_PATH = "/static/live.js";
}
