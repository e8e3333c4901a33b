package org.sferum.sdk.samples.journal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.samples.journal.JournalHtml.Frame;
import org.sferum.sdk.samples.journal.WebSessions.WebSession;

/**
 * The journal's pages and actions. Every POST carries the session's CSRF token; the pages are templates
 * ({@link JournalHtml}) that escape every value.
 */
final class JournalPages {
    /**
     * Where «Перейти в Сферум» leads in production: Sferum's web messenger. The offline demo has no messenger (the
     * emulator has none), so there the link leads to the journal's own page that says so ({@code /sferum/web}).
     */
    static final String SFERUM_WEB = "https://web.vk.me/";
    /** The longest message (docs/chats.md), shown by the counter and enforced by the SDK. */
    static final int MAX_MESSAGE = 9000;
    /** How many linkings one browser may have started and not finished (tabs). */
    private static final int MAX_PENDING = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JournalApp app;
    private final WebSessions sessions = new WebSessions();
    /**
     * The {@code state}s of the linkings each web session started and has not finished (one per tab), so a
     * callback is taken only by its browser.
     */
    private final ConcurrentMap<String, java.util.Set<String>> pendingStates = new ConcurrentHashMap<>();

    JournalPages(JournalApp app) {
        this.app = app;
    }

    void handle(Request r) throws IOException {
        if ("GET".equals(r.method()) && "/favicon.ico".equals(r.path())) {
            try (java.io.InputStream in = JournalPages.class.getResourceAsStream("favicon.svg")) {
                r.resource("image/svg+xml", in.readAllBytes());
            }
            return;
        }
        if ("GET".equals(r.method()) && JournalHtml.SCRIPT_PATH.equals(r.path())) {
            try (java.io.InputStream in = JournalPages.class.getResourceAsStream("live.js")) {
                r.resource("text/javascript; charset=utf-8", in.readAllBytes());
            }
            return;
        }
        WebSession session = sessions.find(r.cookie(WebSessions.COOKIE).orElse(null)).orElse(null);
        if (session == null) {
            session = sessions.open(Optional.empty());
            r.setCookie(WebSessions.cookie(session));
        }
        String path = r.path();
        if ("POST".equals(r.method())) {
            if (!session.csrfMatches(r.form(WebSessions.CSRF_FIELD).orElse(null))) {
                r.html(403, JournalHtml.render("notice.jte", Map.of("frame", new Frame("Ошибка", null, null),
                        "errorText", "Форма устарела. Обновите страницу и попробуйте ещё раз.")));
                return;
            }
            if ("/login".equals(path)) {
                login(r, session);
                return;
            }
        } else if (!"GET".equals(r.method())) {
            r.html(405, JournalHtml.render("notice.jte", Map.of("frame", new Frame("Ошибка", null, null),
                    "errorText", "Метод не поддерживается.", "home", false)));
            return;
        } else if ("/login".equals(path)) {
            loginPage(r, session);
            return;
        }
        if (session.user().isEmpty()) {
            r.redirect("/login");
            return;
        }
        JournalUser user = session.user().get();
        String route = r.method() + " " + path;
        switch (route) {
            case "GET /" -> r.redirect(user.teacher() ? "/journal" : "/diary");
            case "POST /logout" -> {
                sessions.close(session);
                pendingStates.remove(session.id());
                r.setCookie(WebSessions.expiredCookie());
                r.redirect("/login");
            }
            case "GET /events" -> app.live().stream(r.exchange(), user.account(),
                    app.sferum().links().find(user.account()).isPresent());
            case "POST /demo/clock" -> {
                app.advanceClock(Duration.ofMinutes(15));
                app.live().broadcast("clock");
                r.redirect(safeBack(r.form("back").orElse("/")));
            }
            case "GET /sferum/web" -> r.html(200, JournalHtml.render("sferumWeb.jte",
                    Map.of("frame", frame(r, session, "Сферум в браузере"))));
            case "GET /sferum" -> sferumPage(r, session, user);
            case "POST /sferum/link" -> startLink(r, session, user);
            case "GET /sferum/callback" -> callback(r, session, user);
            case "GET /sferum/chat" -> chatPage(r, session, user, chatOf(r.query("id")), "", Optional.empty());
            case "POST /sferum/chat/send" -> send(r, session, user);
            case "POST /sferum/calls/join" -> {
                CallJoin joined = sferumOf(user).calls().join(new CallId(r.form("call").orElse("")));
                r.redirect(callPage(joined, "/sferum?tab=calls"));
            }
            case "GET /sferum/unlink" -> unlinkPage(r, session, user);
            case "POST /sferum/unlink" -> {
                app.sferum().links().unlink(user.account(), "yes".equals(r.form("confirm").orElse("")));
                app.live().broadcast("unlinked");
                r.redirect("/sferum?done=unlinked");
            }
            case "GET /journal" -> journalPage(r, session, user);
            case "POST /journal/call" -> {
                requireTeacher(user);
                SchoolLesson lesson = lessonOf(r.form("lesson"));
                sferumOf(user).calls().createLessonCall(lesson.toSdk(), app.classChat());
                app.live().broadcast("lessons");
                r.redirect("/journal/lesson?key=" + JournalHtml.url(lesson.key()));
            }
            case "GET /journal/lesson" -> lessonPage(r, session, user);
            case "POST /journal/bot" -> {
                requireTeacher(user);
                app.bot().setEnabled("on".equals(r.form("bot").orElse("")));
                r.redirect("/journal");
            }
            case "POST /journal/homework" -> {
                requireTeacher(user);
                SchoolLesson lesson = lessonOf(r.form("lesson"));
                String homework = r.form("homework").orElse("").strip();
                boolean posted = !homework.isEmpty()
                        && app.bot().postHomework(app.classChat(), lesson, homework).isPresent();
                r.redirect("/journal/lesson?key=" + JournalHtml.url(lesson.key()) + (posted ? "&posted=homework"
                        : ""));
            }
            case "POST /journal/announce" -> {
                requireTeacher(user);
                SchoolLesson lesson = lessonOf(r.form("lesson"));
                boolean posted = app.bot().postLessonLink(app.classChat(), lesson, app.baseUri().resolve("/diary"))
                        .isPresent();
                r.redirect("/journal/lesson?key=" + JournalHtml.url(lesson.key()) + (posted ? "&posted=link" : ""));
            }
            case "POST /journal/open" -> {
                requireTeacher(user);
                joinLesson(r, user, lessonOf(r.form("lesson")));
            }
            case "POST /journal/end" -> {
                requireTeacher(user);
                SchoolLesson lesson = lessonOf(r.form("lesson"));
                SferumSession me = sferumOf(user);
                me.calls().endForAll(me.calls().forLesson(lesson.key())
                        .orElseThrow(() -> SferumException.of(ErrorCode.CALL_NOT_FOUND, "no call")).id());
                app.live().broadcast("lessons");
                r.redirect("/journal/lesson?key=" + JournalHtml.url(lesson.key()));
            }
            case "POST /journal/record" -> {
                requireTeacher(user);
                SchoolLesson lesson = lessonOf(r.form("lesson"));
                SferumSession me = sferumOf(user);
                CallId call = me.calls().forLesson(lesson.key())
                        .orElseThrow(() -> SferumException.of(ErrorCode.CALL_NOT_FOUND, "no call")).id();
                if ("stop".equals(r.form("do").orElse(""))) {
                    me.calls().recordings().stop(call);
                } else {
                    me.calls().recordings().start(call, org.sferum.sdk.calls.RecordingRequest.titled(
                            lesson.subject() + ", " + lesson.className() + ", урок " + lesson.number()));
                }
                app.live().broadcast("recording");
                r.redirect("/journal/lesson?key=" + JournalHtml.url(lesson.key()));
            }
            case "GET /diary" -> diaryPage(r, session, user);
            case "POST /diary/join" -> joinLesson(r, user, lessonOf(r.form("lesson")));
            default -> r.html(404, JournalHtml.render("notice.jte",
                    Map.of("frame", frame(r, session, "Страница не найдена"))));
        }
    }

    /**
     * The page of an SDK error.
     *
     * @param r the request
     * @param code the error
     * @return the page
     */
    String errorPage(Request r, ErrorCode code) {
        WebSession session = sessions.find(r.cookie(WebSessions.COOKIE).orElse(null)).orElse(null);
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(r, session, code == ErrorCode.ACCESS_DENIED ? "Привязка отменена" : "Ошибка"));
        params.put("errorCode", code.name());
        params.put("errorText", ErrorTexts.of(code));
        switch (code) {
            case NOT_LINKED, RELINK_REQUIRED, AUTHENTICATION_FAILED, TOKEN_EXPIRED -> params.put("relinkSection", true);
            case ACCESS_DENIED, STATE_MISMATCH, AUTHORIZATION_CODE_INVALID -> {
                if (session != null) {
                    params.put("retryCsrf", session.csrf());
                }
            }
            default -> {
                // the error's text and the way home say it all
            }
        }
        return JournalHtml.render("notice.jte", params);
    }

    /**
     * The page of an unexpected failure.
     *
     * @return the page
     */
    static String internalErrorPage() {
        return JournalHtml.render("notice.jte", Map.of("frame", new Frame("Ошибка", null, null),
                "errorText", "Внутренняя ошибка журнала."));
    }

    // ------------------------------------------------------------------ login

    private void loginPage(Request r, WebSession session) throws IOException {
        r.html(200, JournalHtml.render("login.jte", Map.of("frame", new Frame("Вход в журнал", null, null),
                "csrf", session.csrf(), "users", app.users().values())));
    }

    /** How the demo user links (docs/linking.md, the three variants of the manuals). */
    static String vkIdHint(JournalUser u) {
        String password = org.sferum.sdk.testkit.DemoSchool.PASSWORD;
        return switch (u.login()) {
            case "student-v2" -> "вариант 2: VK ID без учебного профиля — телефон " + u.vkIdPhone() + ", пароль "
                    + password + ", код из СМС, «Создать учебный профиль», «Информация о себе»";
            case "student-v3" -> "вариант 3: VK ID ещё нет — телефон " + u.vkIdPhone()
                    + ", код из СМС, «Информация о себе»";
            default -> "вариант 1: телефон " + u.vkIdPhone() + ", пароль " + password;
        };
    }

    private void login(Request r, WebSession old) throws IOException {
        JournalUser user = app.users().get(r.form("user").orElse(""));
        if (user == null) {
            r.redirect("/login");
            return;
        }
        sessions.close(old);
        pendingStates.remove(old.id());
        WebSession session = sessions.open(Optional.of(user));
        r.setCookie(WebSessions.cookie(session));
        r.redirect(user.teacher() ? "/journal" : "/diary");
    }

    // ------------------------------------------------------------------ the «Сферум» section

    private void sferumPage(Request r, WebSession session, JournalUser user) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(r, session, "Сферум"));
        params.put("csrf", session.csrf());
        params.put("done", r.query("done").orElse(""));
        boolean calls = "calls".equals(r.query("tab").orElse("chats"));
        params.put("callsTab", calls);
        params.put("chats", List.of());
        params.put("calls", List.of());
        params.put("profileName", null);
        if (app.sferum().links().find(user.account()).isPresent()) {
            SferumSession me = app.sferum().session(user.account());
            params.put("profileName", me.me().displayName());
            if (calls) {
                params.put("calls", me.calls().list(PageRequest.ofSize(30)).items());
            } else {
                List<ChatRow> chats = new ArrayList<>();
                for (ChatSummary c : me.chats().list(ChatFilter.ALL, PageRequest.ofSize(30)).items()) {
                    chats.add(new ChatRow(c.id().peerId(), c.title(), c.lastMessage()
                            .map(m -> app.nameOf(m.author()) + ": " + shorten(m.text())).orElse(""),
                            c.unreadCount() > 0 ? String.valueOf(c.unreadCount()) : ""));
                }
                params.put("chats", chats);
            }
        }
        r.html(200, JournalHtml.render("sferum.jte", params));
    }

    /**
     * A chat in the «Чаты» tab.
     *
     * @param peerId the chat's peer id
     * @param title its title
     * @param last the last message, «author: text» shortened, or empty
     * @param unread the unread count, or empty for none
     */
    record ChatRow(long peerId, String title, String last, String unread) {
    }

    /**
     * A message of a chat's history.
     *
     * @param author the author's name
     * @param when when it was sent, {@code dd.MM.yyyy HH:mm}
     * @param text its text
     */
    record MessageRow(String author, String when, String text) {
    }

    /**
     * A lesson of the timetable with its call, if there is one.
     *
     * @param lesson the lesson
     * @param call its call, or {@code null}
     */
    record LessonRow(SchoolLesson lesson, Call call) {
    }

    /**
     * A row of a lesson's attendance.
     *
     * @param name the participant's name
     * @param stays their stays, {@code HH:mm–HH:mm, …}
     * @param minutes the whole time in minutes
     */
    record AttendanceRow(String name, String stays, long minutes) {
    }

    private void startLink(Request r, WebSession session, JournalUser user) throws IOException {
        if (app.sferum().links().find(user.account()).isPresent()) {
            r.redirect("/sferum");
            return;
        }
        LinkStart start = app.sferum().links().start(user.account(), user.role());
        queryParam(start.authorizationUri(), "state").ifPresent(state -> {
            java.util.Set<String> states = pendingStates.computeIfAbsent(session.id(),
                    id -> java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>()));
            synchronized (states) {
                if (states.size() >= MAX_PENDING) {
                    states.remove(states.iterator().next());
                }
                states.add(state);
            }
        });
        r.redirect(start.authorizationUri().toString());
    }

    private void callback(Request r, WebSession session, JournalUser user) throws IOException {
        java.util.Set<String> states = pendingStates.getOrDefault(session.id(), java.util.Set.of());
        if (!states.remove(r.query("state").orElse(""))) {
            // Not the linking this browser started: refuse before the SDK spends the code.
            throw SferumException.of(ErrorCode.STATE_MISMATCH, "the callback's state is not this session's");
        }
        // The safe call (docs/linking.md): the SDK refuses a state started for another account than this session's.
        Link link;
        try {
            link = app.sferum().links().complete(URI.create(app.baseUri() + "/sferum/callback?" + r.rawQuery()),
                    user.account());
        } catch (SferumException e) {
            if (e.code() == ErrorCode.ACCOUNT_ALREADY_LINKED && app.sferum().links().find(user.account()).isPresent()) {
                // another tab of this browser finished first: the account is linked, which is what was asked
                r.redirect("/sferum?done=linked");
                return;
            }
            throw e;
        }
        app.enrol(user, link.user());
        app.live().broadcast("linked");
        r.redirect("/sferum?done=linked");
    }

    private void chatPage(Request r, WebSession session, JournalUser user, ChatId chat, String typed,
                          Optional<ErrorCode> error) throws IOException {
        SferumSession me = sferumOf(user);
        String title = me.chats().get(chat).title();
        List<Message> newest = new ArrayList<>(me.messages().history(chat, HistoryQuery.newestFirst(30)).items());
        if (!newest.isEmpty()) {
            me.messages().markRead(chat, newest.get(0).id());
        }
        Collections.reverse(newest);
        List<MessageRow> messages = new ArrayList<>();
        for (Message m : newest) {
            messages.add(new MessageRow(app.nameOf(m.author()), JournalHtml.dateTime(m.sentAt()), m.text()));
        }
        String here = "/sferum/chat?id=" + chat.peerId();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(r, session, title, "GET".equals(r.method()) ? null : here));
        params.put("csrf", session.csrf());
        params.put("messages", messages);
        params.put("peerId", chat.peerId());
        params.put("key", 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1));
        params.put("typed", typed);
        params.put("error", error.orElse(null));
        // no maxlength in chat.jte: a longer paste is kept and refused visibly, never cut silently
        r.html(error.isPresent() ? 400 : 200, JournalHtml.render("chat.jte", params));
    }

    private void send(Request r, WebSession session, JournalUser user) throws IOException {
        ChatId chat = chatOf(r.form("id"));
        int key;
        try {
            key = Integer.parseInt(r.form("key").orElse(""));
        } catch (NumberFormatException e) {
            key = 0;
        }
        String typed = r.form("text").orElse("");
        try {
            Draft draft = Draft.text(typed);
            sferumOf(user).messages().send(chat, key != 0 ? draft.withRandomId(key) : draft);
        } catch (SferumException e) {
            if (e.category() != org.sferum.sdk.error.ErrorCategory.VALIDATION) {
                throw e;
            }
            // the error next to the field, with what the user typed kept
            chatPage(r, session, user, chat, typed, Optional.of(e.code()));
            return;
        }
        r.redirect("/sferum/chat?id=" + chat.peerId());
    }

    private void unlinkPage(Request r, WebSession session, JournalUser user) throws IOException {
        if (app.sferum().links().find(user.account()).isEmpty()) {
            r.redirect("/sferum");
            return;
        }
        r.html(200, JournalHtml.render("unlink.jte", Map.of("frame", frame(r, session, "Отвязать учётную запись"),
                "csrf", session.csrf())));
    }

    // ------------------------------------------------------------------ the teacher's journal

    private void journalPage(Request r, WebSession session, JournalUser user) throws IOException {
        requireTeacher(user);
        Optional<SferumSession> me = linkedSession(user);
        r.html(200, JournalHtml.render("journal.jte", Map.of("frame", frame(r, session, "Журнал"),
                "csrf", session.csrf(), "className", app.school().className(), "date", JournalHtml.date(app.now()),
                "linked", me.isPresent(), "lessons", lessonRows(me), "botName", app.bot().name(),
                "botOn", app.bot().enabled())));
    }

    /** The timetable with each lesson's call, as the user sees it (no calls when not linked). */
    private List<LessonRow> lessonRows(Optional<SferumSession> me) {
        List<LessonRow> rows = new ArrayList<>();
        for (SchoolLesson l : app.lessons()) {
            rows.add(new LessonRow(l, me.flatMap(s -> s.calls().forLesson(l.key())).orElse(null)));
        }
        return rows;
    }

    private void lessonPage(Request r, WebSession session, JournalUser user) throws IOException {
        requireTeacher(user);
        SchoolLesson lesson = lessonOf(r.query("key"));
        SferumSession me = sferumOf(user);
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(r, session, "Урок"));
        params.put("csrf", session.csrf());
        params.put("lesson", lesson);
        params.put("recording", false);
        params.put("inCall", false);
        params.put("attendance", List.of());
        params.put("absent", "");
        params.put("recordings", List.of());
        params.put("botName", app.bot().name());
        params.put("botOn", app.bot().enabled());
        params.put("posted", r.query("posted").orElse(""));
        Optional<Call> found = me.calls().forLesson(lesson.key());
        params.put("call", found.orElse(null));
        if (found.isPresent()) {
            Call call = found.get();
            List<Recording> recordings = me.calls().recordings().forLesson(lesson.key());
            params.put("recordings", recordings);
            if (call.state() == CallState.RUNNING) {
                params.put("recording", recordings.stream().anyMatch(rec -> rec.stoppedAt().isEmpty()));
                params.put("inCall", me.calls().participants().list(call.id()).stream()
                        .anyMatch(p -> p.user().filter(me.me().id()::equals).isPresent()));
            }
            AttendanceReport report = me.calls().attendance(call.id());
            List<AttendanceRow> attendance = new ArrayList<>();
            for (AttendanceEntry e : report.entries()) {
                List<String> stays = new ArrayList<>();
                e.sessions().forEach(stay -> stays.add(JournalHtml.time(stay.joinedAt()) + "–"
                        + stay.leftAt().map(JournalHtml::time).orElse("…")));
                attendance.add(new AttendanceRow(e.name(), String.join(", ", stays),
                        e.total(report.generatedAt()).toMinutes()));
            }
            params.put("attendance", attendance);
            List<String> absent = new ArrayList<>();
            report.neverJoined().forEach(u -> absent.add(app.nameOf(u)));
            params.put("absent", String.join(", ", absent));
        }
        r.html(200, JournalHtml.render("lesson.jte", params));
    }

    // ------------------------------------------------------------------ the student's diary

    private void diaryPage(Request r, WebSession session, JournalUser user) throws IOException {
        Optional<SferumSession> me = linkedSession(user);
        String title = user.role() == org.sferum.sdk.users.Role.PARENT ? "Дневник учащегося" : "Дневник";
        r.html(200, JournalHtml.render("diary.jte", Map.of("frame", frame(r, session, title),
                "csrf", session.csrf(), "className", app.school().className(), "date", JournalHtml.date(app.now()),
                "linked", me.isPresent(), "lessons", lessonRows(me))));
    }

    private void joinLesson(Request r, JournalUser user, SchoolLesson lesson) throws IOException {
        SferumSession me = sferumOf(user);
        Call call = me.calls().forLesson(lesson.key())
                .orElseThrow(() -> SferumException.of(ErrorCode.CALL_NOT_FOUND, "no call for the lesson"));
        CallJoin joined = me.calls().join(call.id());   // checks the rules at the click, records the stay
        app.live().broadcast("joined");
        r.redirect(callPage(joined, user.teacher() ? "/journal/lesson?key=" + JournalHtml.url(lesson.key()) : "/diary"));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The call page's address (the emulator's, or Sferum's) with a link back to where the user came from.
     *
     * @param joined the join
     * @param backPath the journal's page to come back to
     * @return the address
     */
    private String callPage(CallJoin joined, String backPath) {
        return joined.call().links().orElseThrow().browser() + "?back=" + JournalHtml.url(app.baseUri() + backPath);
    }

    private Frame frame(Request r, WebSession session, String title) {
        return frame(r, session, title, null);
    }

    /** The frame of a page: the navigation bar when someone is logged in; live parts from liveUrl, or here. */
    private Frame frame(Request r, WebSession session, String title, String liveUrl) {
        if (session == null || session.user().isEmpty()) {
            return new Frame(title, null, liveUrl);
        }
        String back = "GET".equals(r.method()) ? r.pathAndQuery() : liveUrl == null ? "/" : liveUrl;
        JournalUser user = session.user().get();
        return new Frame(title, new JournalHtml.Nav(user.teacher(), user.name(), user.roleText(), session.csrf(),
                JournalHtml.time(app.now()), back), liveUrl);
    }

    private Optional<SferumSession> linkedSession(JournalUser user) {
        return app.sferum().links().find(user.account()).map(l -> app.sferum().session(user.account()));
    }

    private SferumSession sferumOf(JournalUser user) {
        return app.sferum().session(user.account());
    }

    private static void requireTeacher(JournalUser user) {
        if (!user.teacher()) {
            throw SferumException.of(ErrorCode.PERMISSION_DENIED, "the journal is for teachers");
        }
    }

    private SchoolLesson lessonOf(Optional<String> key) {
        return key.flatMap(app::lesson)
                .orElseThrow(() -> SferumException.of(ErrorCode.NOT_FOUND, "no such lesson in the timetable"));
    }

    private static ChatId chatOf(Optional<String> id) {
        try {
            return ChatId.of(Long.parseLong(id.orElse("")));
        } catch (IllegalArgumentException e) {
            throw SferumException.of(ErrorCode.CHAT_NOT_FOUND, "no such chat");
        }
    }

    private static Optional<String> queryParam(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return Optional.empty();
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String safeBack(String back) {
        return back.startsWith("/") && !back.startsWith("//") ? back : "/";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
