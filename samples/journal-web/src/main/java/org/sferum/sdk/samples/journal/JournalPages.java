package org.sferum.sdk.samples.journal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.sferum.sdk.samples.journal.WebSessions.WebSession;

/** The journal's pages and actions. Every POST carries the session's CSRF token; every value is escaped. */
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(SchoolLesson.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(SchoolLesson.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(SchoolLesson.ZONE);
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
            r.resource("image/svg+xml", JournalHtml.ICON.getBytes(StandardCharsets.UTF_8));
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
                r.html(403, JournalHtml.page("Ошибка", "", "<p class=\"error\">Форма устарела. Обновите страницу и "
                        + "попробуйте ещё раз.</p><p><a href=\"/\">На главную</a></p>"));
                return;
            }
            if ("/login".equals(path)) {
                login(r, session);
                return;
            }
        } else if (!"GET".equals(r.method())) {
            r.html(405, JournalHtml.page("Ошибка", "", "<p class=\"error\">Метод не поддерживается.</p>"));
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
            case "GET /sferum/web" -> r.html(200, page(r, session, "Сферум в браузере", "<p>В настоящем журнале "
                    + "«Перейти в Сферум» открывает веб-версию Сферума (" + SFERUM_WEB + ") в новой вкладке. В этом "
                    + "демо журнал работает без интернета с эмулятором Сферума, у которого веб-версии нет: чаты и "
                    + "видеоконференции — во вкладках раздела.</p><p><a href=\"/sferum\">← Раздел «Сферум»</a></p>"));
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
                r.redirect("/journal/lesson?key=" + url(lesson.key()));
            }
            case "GET /journal/lesson" -> lessonPage(r, session, user);
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
                r.redirect("/journal/lesson?key=" + url(lesson.key()));
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
                r.redirect("/journal/lesson?key=" + url(lesson.key()));
            }
            case "GET /diary" -> diaryPage(r, session, user);
            case "POST /diary/join" -> joinLesson(r, user, lessonOf(r.form("lesson")));
            default -> r.html(404, page(r, session, "Страница не найдена", "<p><a href=\"/\">На главную</a></p>"));
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
        String relink = switch (code) {
            case NOT_LINKED, RELINK_REQUIRED, AUTHENTICATION_FAILED, TOKEN_EXPIRED ->
                    "<p><a href=\"/sferum\">Раздел «Сферум»</a></p>";
            case ACCESS_DENIED, STATE_MISMATCH, AUTHORIZATION_CODE_INVALID -> session == null ? ""
                    : "<p>" + JournalHtml.postButton("/sferum/link", session.csrf(), new String[0][], "blue",
                    "Попробовать снова") + " <a href=\"/sferum\">Раздел «Сферум»</a></p>";
            default -> "";
        };
        String title = code == ErrorCode.ACCESS_DENIED ? "Привязка отменена" : "Ошибка";
        return page(r, session, title, "<p class=\"error\" data-error=\"" + JournalHtml.escape(code.name()) + "\">"
                + JournalHtml.escape(ErrorTexts.of(code)) + "</p>" + relink + "<p><a href=\"/\">На главную</a></p>");
    }

    // ------------------------------------------------------------------ login

    private void loginPage(Request r, WebSession session) throws IOException {
        StringBuilder body = new StringBuilder("<p>Выберите пользователя демо-журнала. Пароль журнала в демо не "
                + "нужен. Код из СМС эмулятор VK ID показывает на своей странице.</p>\n<table>\n<tr><th>Пользователь</th><th>Роль</th><th>VK ID для привязки (демо)</th>"
                + "<th></th></tr>\n");
        for (JournalUser u : app.users().values()) {
            body.append("<tr data-user=\"").append(JournalHtml.escape(u.login())).append("\"><td>")
                    .append(JournalHtml.escape(u.name())).append("</td><td>").append(JournalHtml.escape(u.roleText()))
                    .append("</td><td class=\"muted\">").append(JournalHtml.escape(vkIdHint(u))).append("</td><td>")
                    .append(JournalHtml.postButton("/login", session.csrf(), new String[][] {{"user", u.login()}}, "blue",
                            "Войти"))
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
        r.html(200, JournalHtml.page("Вход в журнал", "", body.toString()));
    }

    /** How the demo user links (docs/linking.md, the three variants of the manuals). */
    private static String vkIdHint(JournalUser u) {
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
        StringBuilder body = new StringBuilder();
        String done = r.query("done").orElse("");
        if ("linked".equals(done)) {
            body.append("<p class=\"ok\" id=\"notice\">Учётная запись привязана к учебному профилю VK ID.</p>");
        } else if ("unlinked".equals(done)) {
            body.append("<p class=\"ok\" id=\"notice\">Учётная запись отвязана. Вы удалены из всех чатов "
                    + "школы.</p>");
        }
        Optional<Link> link = app.sferum().links().find(user.account());
        if (link.isEmpty()) {
            body.append("<p>Сферум — образовательная платформа: чаты с классом и учителями, онлайн-уроки. "
                    + "Привяжите учётную запись журнала к учебному профилю VK ID один раз.</p>")
                    .append(JournalHtml.postButton("/sferum/link", session.csrf(), new String[0][], "blue",
                            "Привязать учебный профиль VK ID"));
            r.html(200, page(r, session, "Сферум", body.toString()));
            return;
        }
        SferumSession me = app.sferum().session(user.account());
        boolean calls = "calls".equals(r.query("tab").orElse("chats"));
        body.append("<p>Учебный профиль: <strong>").append(JournalHtml.escape(me.me().displayName()))
                .append("</strong> · <a href=\"/sferum/web\" id=\"sferum-web\">Перейти в Сферум</a>")
                .append(" · <a href=\"/sferum/unlink\">Отвязать учётную запись</a></p>\n")
                .append("<nav class=\"tabs\"><a href=\"/sferum?tab=chats\"").append(calls ? "" : " class=\"active\"")
                .append(">Чаты</a><a href=\"/sferum?tab=calls\"").append(calls ? " class=\"active\"" : "")
                .append(">Видеоконференции</a></nav>\n<div class=\"panel\" id=\"panel\" data-live>\n");
        if (calls) {
            callsTab(body, session, me);
        } else {
            chatsTab(body, me);
        }
        body.append("</div>\n");
        r.html(200, page(r, session, "Сферум", body.toString()));
    }

    private void chatsTab(StringBuilder body, SferumSession me) {
        List<ChatSummary> chats = me.chats().list(ChatFilter.ALL, PageRequest.ofSize(30)).items();
        if (chats.isEmpty()) {
            body.append("<p class=\"muted\">Чатов пока нет.</p>");
            return;
        }
        body.append("<table id=\"chats\">\n<tr><th>Чат</th><th>Последнее сообщение</th><th>Непрочитанные</th></tr>\n");
        for (ChatSummary c : chats) {
            body.append("<tr data-chat=\"").append(c.id().peerId()).append("\"><td><a href=\"/sferum/chat?id=")
                    .append(c.id().peerId()).append("\">").append(JournalHtml.escape(c.title())).append("</a></td><td>")
                    .append(c.lastMessage().map(m -> JournalHtml.escape(app.nameOf(m.author()) + ": " + shorten(m.text())))
                            .orElse(""))
                    .append("</td><td class=\"unread\">").append(c.unreadCount() > 0 ? String.valueOf(c.unreadCount()) : "")
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private void callsTab(StringBuilder body, WebSession session, SferumSession me) {
        List<Call> calls = me.calls().list(PageRequest.ofSize(30)).items();
        if (calls.isEmpty()) {
            body.append("<p class=\"muted\">Видеоконференций пока нет.</p>");
            return;
        }
        body.append("<table id=\"calls\">\n<tr><th>Тип</th><th>Название</th><th>Начало</th><th>Состояние</th>"
                + "<th></th></tr>\n");
        for (Call c : calls) {
            String type = switch (c.kind()) {
                case LESSON -> "Онлайн-урок";
                case CHAT -> c.video() ? "Видеозвонок" : "Аудиозвонок";
                case LINK -> "Звонок по ссылке";
            };
            body.append("<tr data-call=\"").append(JournalHtml.escape(c.id().value())).append("\" data-state=\"")
                    .append(c.state().name()).append("\"><td>").append(type).append("</td><td>")
                    .append(JournalHtml.escape(c.title())).append("</td><td>").append(DATE_TIME.format(c.startsAt()))
                    .append("</td><td>").append(stateText(c.state())).append("</td><td>");
            if (c.state() == CallState.RUNNING) {
                body.append(JournalHtml.postButton("/sferum/calls/join", session.csrf(),
                        new String[][] {{"call", c.id().value()}}, "blue", "Перейти"));
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>\n");
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
        StringBuilder body = new StringBuilder("<p><a href=\"/sferum?tab=chats\">← Все чаты</a></p>\n"
                + "<div class=\"panel\" id=\"history\" data-live>\n");
        if (newest.isEmpty()) {
            body.append("<p class=\"muted\">Сообщений пока нет.</p>");
        }
        for (Message m : newest) {
            body.append("<div class=\"message\"><span class=\"who\">").append(JournalHtml.escape(app.nameOf(m.author())))
                    .append("</span> <span class=\"when\">").append(DATE_TIME.format(m.sentAt()))
                    .append("</span><div class=\"text\">").append(JournalHtml.escape(m.text())).append("</div></div>\n");
        }
        body.append("</div>\n");
        // no maxlength: a longer paste is kept and refused visibly, never cut silently
        body.append("<form method=\"post\" action=\"/sferum/chat/send\" id=\"send\">")
                .append(JournalHtml.csrfField(session.csrf()))
                .append("<input type=\"hidden\" name=\"id\" value=\"").append(chat.peerId()).append("\">")
                .append("<input type=\"hidden\" name=\"key\" value=\"").append(1 + RANDOM.nextInt(Integer.MAX_VALUE - 1))
                .append("\"><label for=\"text\">Сообщение</label><textarea id=\"text\" name=\"text\" rows=\"3\" "
                        + "cols=\"60\" required data-max=\"").append(MAX_MESSAGE)
                .append("\" aria-describedby=\"counter").append(error.isPresent() ? " text-error" : "").append("\"")
                .append(error.isPresent() ? " aria-invalid=\"true\"" : "").append(">").append(JournalHtml.escape(typed))
                .append("</textarea>");
        error.ifPresent(code -> body.append("<p class=\"error\" id=\"text-error\" data-error=\"")
                .append(code.name()).append("\">").append(JournalHtml.escape(ErrorTexts.of(code))).append("</p>"));
        body.append("<p id=\"counter\" class=\"counter\">Не больше ").append(MAX_MESSAGE).append(" символов.</p>")
                .append("<button type=\"submit\" class=\"blue\">Отправить</button></form>\n");
        String here = "/sferum/chat?id=" + chat.peerId();
        r.html(error.isPresent() ? 400 : 200, page(r, session, title, body.toString(),
                "GET".equals(r.method()) ? "" : here));
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
        String body = "<p class=\"error\">Вы будете удалены из всех чатов.</p>"
                + "<p>Отвязать учётную запись журнала от учебного профиля VK ID?</p>"
                + "<form method=\"post\" action=\"/sferum/unlink\" id=\"unlink\" class=\"inline\">"
                + JournalHtml.csrfField(session.csrf())
                + "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                + "<button type=\"submit\" class=\"danger\">Да</button></form> "
                + "<a href=\"/sferum\" id=\"cancel\">Нет</a>";
        r.html(200, page(r, session, "Отвязать учётную запись", body));
    }

    // ------------------------------------------------------------------ the teacher's journal

    private void journalPage(Request r, WebSession session, JournalUser user) throws IOException {
        requireTeacher(user);
        Optional<SferumSession> me = linkedSession(user);
        StringBuilder body = new StringBuilder("<p>Класс ").append(JournalHtml.escape(app.school().className()))
                .append(" · ").append(DATE.format(app.now())).append(" · классный чат в Сферуме для онлайн-уроков</p>\n");
        if (me.isEmpty()) {
            body.append("<p class=\"error\">Чтобы создавать звонки для уроков, привяжите учебный профиль VK ID в "
                    + "разделе <a href=\"/sferum\">«Сферум»</a>.</p>\n");
        }
        body.append("<table id=\"lessons\" data-live>\n<tr><th>№</th><th>Время</th><th>Предмет</th><th>Ключ урока</th>"
                + "<th>Сферум</th></tr>\n");
        for (SchoolLesson l : app.lessons()) {
            body.append(lessonRow(l)).append("<td class=\"muted\">").append(JournalHtml.escape(l.key())).append("</td><td>");
            if (me.isPresent()) {
                Optional<Call> call = me.get().calls().forLesson(l.key());
                if (call.isEmpty()) {
                    body.append(JournalHtml.postButton("/journal/call", session.csrf(), new String[][] {{"lesson", l.key()}},
                            "blue", "Создать звонок"));
                } else {
                    body.append("<span data-state=\"").append(call.get().state().name()).append("\">")
                            .append(stateText(call.get().state())).append("</span> · <a href=\"/journal/lesson?key=")
                            .append(JournalHtml.escape(url(l.key()))).append("\">Урок и звонок</a>");
                }
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>\n");
        r.html(200, page(r, session, "Журнал", body.toString()));
    }

    private void lessonPage(Request r, WebSession session, JournalUser user) throws IOException {
        requireTeacher(user);
        SchoolLesson lesson = lessonOf(r.query("key"));
        SferumSession me = sferumOf(user);
        StringBuilder body = new StringBuilder("<p><a href=\"/journal\">← Журнал</a></p>\n<p>")
                .append(JournalHtml.escape(lesson.subject())).append(", ").append(JournalHtml.escape(lesson.className()))
                .append(", урок ").append(lesson.number()).append(", ").append(TIME.format(lesson.startsAt()))
                .append("–").append(TIME.format(lesson.startsAt().plus(SchoolLesson.LENGTH))).append("</p>\n");
        Optional<Call> found = me.calls().forLesson(lesson.key());
        if (found.isEmpty()) {
            body.append("<p>Звонка для урока нет.</p>")
                    .append(JournalHtml.postButton("/journal/call", session.csrf(), new String[][] {{"lesson", lesson.key()}},
                            "blue", "Создать звонок"));
            r.html(200, page(r, session, "Урок", body.toString()));
            return;
        }
        Call call = found.get();
        String[][] key = {{"lesson", lesson.key()}};
        body.append("<div id=\"lesson-live\" data-live>\n<p id=\"call\" data-state=\"").append(call.state().name()).append("\">")
                .append(JournalHtml.escape(call.title())).append(": ").append(stateText(call.state())).append("</p>\n<p>");
        if (call.state() == CallState.RUNNING) {
            body.append(JournalHtml.postButton("/journal/open", session.csrf(), key, "blue", "Открыть звонок")).append(' ');
        }
        if (call.state() != CallState.ENDED) {
            body.append(JournalHtml.postButton("/journal/end", session.csrf(), key, "danger", "Завершить звонок для всех"));
        }
        body.append("</p>\n");
        List<Recording> recordings = me.calls().recordings().forLesson(lesson.key());
        if (call.state() == CallState.RUNNING) {
            boolean recording = recordings.stream().anyMatch(rec -> rec.stoppedAt().isEmpty());
            boolean inCall = me.calls().participants().list(call.id()).stream()
                    .anyMatch(p -> p.user().filter(me.me().id()::equals).isPresent());
            body.append("<p id=\"record\">");
            if (recording) {
                body.append("<span class=\"error\">● Идёт запись</span> ").append(JournalHtml.postButton(
                        "/journal/record", session.csrf(), new String[][] {{"lesson", lesson.key()}, {"do", "stop"}},
                        "danger", "Остановить запись"));
            } else if (inCall) {
                body.append(JournalHtml.postButton("/journal/record", session.csrf(),
                        new String[][] {{"lesson", lesson.key()}, {"do", "start"}}, "blue", "Начать запись"));
            } else {
                body.append("<span class=\"muted\">Чтобы записать урок, откройте звонок: записывает организатор в "
                        + "звонке.</span>");
            }
            body.append("</p>\n");
        }
        body.append("<h2>Посещаемость</h2>\n");
        AttendanceReport report = me.calls().attendance(call.id());
        if (report.entries().isEmpty()) {
            body.append("<p class=\"muted\">Никто ещё не подключался.</p>\n");
        } else {
            body.append("<table id=\"attendance\">\n<tr><th>Участник</th><th>В звонке</th><th>Всего</th></tr>\n");
            for (AttendanceEntry e : report.entries()) {
                body.append("<tr><td>").append(JournalHtml.escape(e.name())).append("</td><td>");
                List<String> stays = new ArrayList<>();
                e.sessions().forEach(s -> stays.add(TIME.format(s.joinedAt()) + "–"
                        + s.leftAt().map(TIME::format).orElse("…")));
                body.append(JournalHtml.escape(String.join(", ", stays))).append("</td><td>")
                        .append(e.total(report.generatedAt()).toMinutes()).append(" мин</td></tr>\n");
            }
            body.append("</table>\n");
        }
        if (!report.neverJoined().isEmpty()) {
            List<String> absent = new ArrayList<>();
            report.neverJoined().forEach(u -> absent.add(app.nameOf(u)));
            body.append("<p>Не подключались: <span id=\"absent\">").append(JournalHtml.escape(String.join(", ", absent)))
                    .append("</span></p>\n");
        }
        body.append("<h2>Записи урока</h2>\n");
        if (recordings.isEmpty()) {
            body.append("<p class=\"muted\" id=\"recordings\">Записей нет.</p>\n");
        } else {
            body.append("<ul id=\"recordings\">");
            for (Recording rec : recordings) {
                body.append("<li data-recording=\"").append(JournalHtml.escape(rec.id().value())).append("\">")
                        .append(JournalHtml.escape(rec.title()));
                if (rec.stoppedAt().isEmpty()) {
                    body.append(" — идёт запись");
                }
                rec.link().ifPresent(link -> body.append(" — <a href=\"").append(JournalHtml.escape(link))
                        .append("\" rel=\"noopener noreferrer\">смотреть</a>"));
                body.append("</li>");
            }
            body.append("</ul>\n");
        }
        body.append("</div>\n");
        r.html(200, page(r, session, "Урок", body.toString()));
    }

    // ------------------------------------------------------------------ the student's diary

    private void diaryPage(Request r, WebSession session, JournalUser user) throws IOException {
        Optional<SferumSession> me = linkedSession(user);
        StringBuilder body = new StringBuilder("<p>Расписание на ").append(DATE.format(app.now())).append(", класс ")
                .append(JournalHtml.escape(app.school().className())).append("</p>\n");
        if (me.isEmpty()) {
            body.append("<p class=\"error\">Чтобы подключаться к онлайн-урокам, привяжите учебный профиль VK ID в "
                    + "разделе <a href=\"/sferum\">«Сферум»</a>.</p>\n");
        }
        body.append("<table id=\"lessons\" data-live>\n<tr><th>№</th><th>Время</th><th>Предмет</th><th>Онлайн-урок</th></tr>\n");
        for (SchoolLesson l : app.lessons()) {
            body.append(lessonRow(l)).append("<td>");
            Optional<Call> call = me.flatMap(s -> s.calls().forLesson(l.key()));
            if (call.isPresent()) {
                switch (call.get().state()) {
                    case SCHEDULED -> body.append("<button type=\"button\" class=\"grey\" disabled "
                            + "data-state=\"SCHEDULED\">Подключиться</button>");
                    case RUNNING -> body.append(JournalHtml.postButton("/diary/join", session.csrf(),
                            new String[][] {{"lesson", l.key()}}, "blue", "Подключиться"));
                    case ENDED -> body.append("<span class=\"muted\" data-state=\"ENDED\">Урок завершён</span>");
                }
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>\n");
        r.html(200, page(r, session, user.role() == org.sferum.sdk.users.Role.PARENT ? "Дневник учащегося"
                : "Дневник", body.toString()));
    }

    private void joinLesson(Request r, JournalUser user, SchoolLesson lesson) throws IOException {
        SferumSession me = sferumOf(user);
        Call call = me.calls().forLesson(lesson.key())
                .orElseThrow(() -> SferumException.of(ErrorCode.CALL_NOT_FOUND, "no call for the lesson"));
        CallJoin joined = me.calls().join(call.id());   // checks the rules at the click, records the stay
        app.live().broadcast("joined");
        r.redirect(callPage(joined, user.teacher() ? "/journal/lesson?key=" + url(lesson.key()) : "/diary"));
    }

    // ------------------------------------------------------------------ helpers

    private String lessonRow(SchoolLesson l) {
        return "<tr data-lesson=\"" + JournalHtml.escape(l.key()) + "\"><td>" + l.number() + "</td><td>"
                + TIME.format(l.startsAt()) + "–" + TIME.format(l.startsAt().plus(SchoolLesson.LENGTH)) + "</td><td>"
                + JournalHtml.escape(l.subject()) + "</td>";
    }

    /**
     * The call page's address (the emulator's, or Sferum's) with a link back to where the user came from.
     *
     * @param joined the join
     * @param backPath the journal's page to come back to
     * @return the address
     */
    private String callPage(CallJoin joined, String backPath) {
        return joined.call().links().orElseThrow().browser() + "?back=" + url(app.baseUri() + backPath);
    }

    private String page(Request r, WebSession session, String title, String body) {
        return page(r, session, title, body, "");
    }

    private String page(Request r, WebSession session, String title, String body, String liveUrl) {
        if (session == null || session.user().isEmpty()) {
            return JournalHtml.page(title, "", body);
        }
        String back = "GET".equals(r.method()) ? r.pathAndQuery() : liveUrl.isEmpty() ? "/" : liveUrl;
        JournalUser user = session.user().get();
        Instant now = app.now();
        String nav = "<nav>" + (user.teacher() ? "<a href=\"/journal\">Журнал</a>" : "<a href=\"/diary\">Дневник</a>")
                + "<a href=\"/sferum\">Сферум</a>" + JournalHtml.escape(user.name()) + " (" + JournalHtml.escape(user.roleText())
                + ") " + JournalHtml.postButton("/logout", session.csrf(), new String[0][], "link", "Выйти")
                + " <span class=\"clock\" id=\"clock\" data-live>Часы эмулятора: " + TIME.format(now) + "</span> "
                + JournalHtml.postButton("/demo/clock", session.csrf(), new String[][] {{"back", back}}, "link",
                        "+15 мин") + "</nav>";
        return JournalHtml.page(title, nav, body, liveUrl);
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

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stateText(CallState state) {
        return switch (state) {
            case SCHEDULED -> "запланирован";
            case RUNNING -> "идёт";
            case ENDED -> "завершён";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
