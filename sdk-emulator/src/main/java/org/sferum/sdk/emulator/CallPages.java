package org.sferum.sdk.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.engine.CallPageView;

/**
 * Renders Sferum's call page as plain HTML in Russian ({@code docs/wire/call-page.md}): the call's title and state,
 * the form to join anonymously, where a guest stands with the participants and the buttons to leave or come back,
 * and the refusals. Machine-readable markers: {@value #ERROR_ATTRIBUTE} on a refusal (an {@link ErrorCode} name),
 * {@value #STATUS_ATTRIBUTE}, {@value #PARTICIPANT_ATTRIBUTE} and {@value #NAME_ATTRIBUTE} on the guest's section,
 * {@value #STATE_ATTRIBUTE} on the page's {@code <main>}. Every text that comes from outside is escaped.
 */
final class CallPages {
    /** Everything the call pages serve is under this path (the session cookies are limited to it). */
    static final String PATH_PREFIX = "/call/";
    /** The path of the call pages: this followed by the link key. */
    static final String JOIN_PATH = "/call/join/";
    /** The path of recordings: this followed by the recording id. */
    static final String RECORD_PATH = "/call/record/";
    /** Where short credentials open a call: this path, the short id, and {@code ?password=}. */
    static final String SHORT_PATH = "/call/join/short/";
    /** The password field of the short-credentials form. */
    static final String PASSWORD = "password";
    /** The path that sends a guest to their call's page. */
    static final String GUEST_PATH = "/call/guest";
    /** The cookie with the guest's secret. */
    static final String COOKIE = "sferum_call_guest";
    /** The form field naming what a POST does. */
    static final String ACTION = "action";
    /** The form field with the guest's name. */
    static final String NAME = "name";
    /** {@value} joins anonymously. */
    static final String JOIN = "join";
    /** {@value} leaves the call. */
    static final String LEAVE = "leave";
    /** {@value} comes back with the same seat. */
    static final String REJOIN = "rejoin";
    /** The attribute naming a refusal's {@link ErrorCode}. */
    static final String ERROR_ATTRIBUTE = "data-error";
    /** The attribute naming the guest's {@link GuestStatus}. */
    static final String STATUS_ATTRIBUTE = "data-status";
    /** The attribute with a participant id. */
    static final String PARTICIPANT_ATTRIBUTE = "data-participant";
    /** The attribute with the guest's name. */
    static final String NAME_ATTRIBUTE = "data-name";
    /** The attribute naming the call's {@link CallState}. */
    static final String STATE_ATTRIBUTE = "data-call-state";
    /** {@value} joins as the signed-in user (docs/wire/call-page.md, "Who the page knows"). */
    static final String ENTER = "enter";
    /** {@value} raises or lowers the user's hand. */
    static final String HAND = "hand";
    /** {@value} turns the user's camera on or off. */
    static final String CAMERA = "camera";
    /** {@value} turns the user's microphone on or off. */
    static final String MICROPHONE = "microphone";
    /** {@value} admits someone from the waiting room (organiser). */
    static final String ADMIT = "admit";
    /** {@value} mutes a participant (organiser). */
    static final String MUTE = "mute";
    /** {@value} removes a participant (organiser). */
    static final String REMOVE = "remove";
    /** {@value} starts recording (organiser). */
    static final String RECORD = "record";
    /** {@value} stops recording (organiser). */
    static final String STOP_RECORDING = "stop-recording";
    /** {@value} ends the call for everyone (organiser). */
    static final String END = "end";
    /** The form field naming the participant an organiser acts on. */
    static final String PARTICIPANT = "participant";
    /** The form field (and query parameter) with the address of the page the user came from. */
    static final String BACK = "back";
    /** The form field with the session's form token. */
    static final String CSRF = "csrf";
    /** The note that the page carries no media. */
    static final String NO_MEDIA = "Видео и звук — в приложении Сферум.";

    private CallPages() {
    }

    /**
     * The page of a call for a visitor without a seat: its state and, when it can be joined anonymously, the form.
     *
     * @param call the call
     * @return the page
     */
    static String visitor(CallPageView call) {
        return visitor(call, Optional.empty());
    }

    /**
     * The page of a call for a visitor without a seat, with a link back to where they came from.
     *
     * @param call the call
     * @param back the address the visitor came from, if known
     * @return the page
     */
    static String visitor(CallPageView call, Optional<String> back) {
        StringBuilder body = new StringBuilder(backLink(back));
        body.append("<h1>").append(Html.escape(call.title())).append("</h1>\n");
        if (call.state() == CallState.SCHEDULED) {
            body.append(error(ErrorCode.CALL_NOT_STARTED));
        } else if (call.state() == CallState.ENDED) {
            body.append(error(ErrorCode.CALL_ENDED));
        } else if (!call.settings().anonymousAllowed()) {
            body.append(error(ErrorCode.ANONYMOUS_NOT_ALLOWED));
        } else {
            body.append("<p>Звонок идёт.");
            if (call.settings().waitingRoom()) {
                body.append(" Организатор впустит вас из зала ожидания.");
            }
            body.append("</p>\n");
            body.append("<form method=\"post\" action=\"").append(JOIN_PATH).append(Html.escape(call.linkKey()))
                    .append("\" data-form=\"").append(JOIN).append("\">\n")
                    .append("<input type=\"hidden\" name=\"").append(ACTION).append("\" value=\"").append(JOIN)
                    .append("\">\n")
                    .append("<label>Ваше имя <input type=\"text\" name=\"").append(NAME)
                    .append("\" maxlength=\"64\" required autocomplete=\"name\"></label>\n")
                    .append("<button type=\"submit\">Присоединиться анонимно</button>\n</form>\n");
        }
        body.append(note());
        return page(call.title(), call.state(), body.toString());
    }

    /**
     * The form that asks for the password of short credentials ({@code GET /call/join/short/ID}).
     *
     * @param shortId the short id from the path
     * @return the page
     */
    static String askPassword(String shortId) {
        String body = "<h1>Вход в звонок по номеру</h1>\n"
                + "<form method=\"get\" action=\"" + SHORT_PATH + Html.escape(shortId) + "\" data-form=\""
                + PASSWORD + "\">\n"
                + "<p>Номер звонка: " + Html.escape(shortId) + "</p>\n"
                + "<label>Пароль <input type=\"password\" name=\"" + PASSWORD + "\" required></label>\n"
                + "<button type=\"submit\">Войти</button>\n</form>\n" + note();
        return page("Вход в звонок по номеру", null, body);
    }

    /**
     * The page of a call for a guest with a seat in it: where they stand, the participants while in the call, and
     * the buttons.
     *
     * @param guest the guest's view
     * @return the page
     */
    static String guest(CallPageView.Guest guest) {
        CallPageView call = guest.call();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(call.title())).append("</h1>\n");
        body.append("<section id=\"guest\" ").append(STATUS_ATTRIBUTE).append("=\"").append(guest.status().name())
                .append("\" ").append(PARTICIPANT_ATTRIBUTE).append("=\"").append(Html.escape(guest.participant()
                        .value())).append("\" ").append(NAME_ATTRIBUTE).append("=\"").append(Html.escape(guest.name()))
                .append("\">\n");
        body.append("<p class=\"status\">").append(statusText(guest)).append("</p>\n");
        if (guest.status() == GuestStatus.IN_CALL) {
            body.append("<h2>Участники</h2>\n<ul id=\"participants\">\n");
            for (Participant p : guest.participants()) {
                body.append(participant(p, guest));
            }
            body.append("</ul>\n");
        }
        if (guest.status() == GuestStatus.IN_CALL || guest.status() == GuestStatus.WAITING) {
            body.append(button(call, LEAVE, "Выйти"));
        } else if (guest.status() != GuestStatus.CALL_ENDED) {
            body.append(button(call, REJOIN, "Вернуться"));
        }
        body.append("</section>\n");
        body.append(note());
        return page(call.title(), call.state(), body.toString());
    }

    /**
     * A page that refuses what was asked.
     *
     * @param code the refusal's code
     * @param call the call it is about, when known
     * @return the page
     */
    static String refusal(ErrorCode code, CallPageView call) {
        return refusal(code, call, text(code));
    }

    /**
     * A page that refuses what was asked, with its own text.
     *
     * @param code the refusal's code
     * @param call the call it is about, when known
     * @param text what happened and what to do, in Russian
     * @return the page
     */
    static String refusal(ErrorCode code, CallPageView call, String text) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(call == null ? "Звонок" : Html.escape(call.title())).append("</h1>\n");
        body.append(error(code, text));
        if (call != null) {
            body.append("<p><a href=\"").append(JOIN_PATH).append(Html.escape(call.linkKey()))
                    .append("\">Вернуться на страницу звонка</a></p>\n");
        }
        body.append(note());
        return page(call == null ? "Звонок" : call.title(), call == null ? null : call.state(), body.toString());
    }

    /**
     * Returns the HTTP status of a refusal.
     *
     * @param code the refusal's code
     * @return 400, 403, 404 or 409 by the code's category; 500 for anything else
     */
    static int status(ErrorCode code) {
        switch (code.category()) {
            case VALIDATION:
                return 400;
            case AUTHENTICATION:
            case PERMISSION:
                return 403;
            case NOT_FOUND:
                return 404;
            case CONFLICT:
                return 409;
            case RATE_LIMIT:
                return 429;
            default:
                return 500;
        }
    }

    /**
     * Returns the Russian text of a refusal.
     *
     * @param code the refusal's code
     * @return the text
     */
    static String text(ErrorCode code) {
        switch (code) {
            case CALL_NOT_FOUND:
                return "Звонок не найден. Проверьте ссылку или попросите организатора прислать её снова.";
            case CALL_NOT_STARTED:
                return "Звонок ещё не начался. Откройте ссылку, когда он начнётся.";
            case CALL_ENDED:
                return "Звонок завершён.";
            case ANONYMOUS_NOT_ALLOWED:
                return "Организатор не разрешил анонимных участников. Войдите в Сферум с образовательным профилем.";
            case REMOVED_FROM_CALL:
                return "Организатор удалил вас из звонка. Вернуться можно, только если он снова впустит вас.";
            case PARTICIPANT_NOT_FOUND:
                return "Вы ещё не в этом звонке. Откройте ссылку на звонок и присоединитесь.";
            case EDUCATIONAL_PROFILE_REQUIRED:
                return "Записи звонков доступны только пользователям с образовательным профилем.";
            case RECORDING_NOT_FOUND:
                return "Запись не найдена.";
            case INVALID_ARGUMENT:
                return "Введите имя длиной от 1 до 64 символов.";
            case LIMIT_REACHED:
                return "В звонке уже максимальное число участников.";
            case TOO_MANY_ATTEMPTS:
                return "Слишком много неверных паролей. Попробуйте позже или попросите у организатора ссылку.";
            default:
                return "Не удалось выполнить действие. Попробуйте ещё раз.";
        }
    }

    private static String error(ErrorCode code) {
        return error(code, text(code));
    }

    private static String error(ErrorCode code, String text) {
        return "<p class=\"error\" " + ERROR_ATTRIBUTE + "=\"" + code.name() + "\">" + Html.escape(text)
                + "</p>\n";
    }

    private static String statusText(CallPageView.Guest guest) {
        switch (guest.status()) {
            case IN_CALL:
                return "Вы в звонке как «" + Html.escape(guest.name()) + "».";
            case WAITING:
                return "Ожидайте, организатор скоро впустит вас.";
            case REJECTED:
                return "Организатор не впустил вас в звонок.";
            case REMOVED:
                return "Организатор удалил вас из звонка.";
            case LEFT:
                return "Вы вышли из звонка.";
            case CALL_ENDED:
            default:
                return "Звонок завершён.";
        }
    }

    private static String participant(Participant p, CallPageView.Guest guest) {
        return participantItem(p, guest.participant(), "");
    }

    private static String button(CallPageView call, String action, String label) {
        return "<form method=\"post\" action=\"" + JOIN_PATH + Html.escape(call.linkKey()) + "\" data-form=\""
                + action + "\">\n<input type=\"hidden\" name=\"" + ACTION + "\" value=\"" + action + "\">\n"
                + "<button type=\"submit\">" + label + "</button>\n</form>\n";
    }

    private static String note() {
        return "<p class=\"note\">" + NO_MEDIA + "</p>\n";
    }

    /**
     * What a signed-in member of a call sees (docs/wire/call-page.md, "Who the page knows").
     *
     * @param call the call's page view
     * @param userName the member's name
     * @param me the member's seat, when in the call now
     * @param participants everyone in the call now
     * @param waiting those in the waiting room, for an organiser or admin; empty otherwise
     * @param recording whether a recording runs, for an organiser or admin
     * @param csrf the session's form token
     * @param back the address the user came from, if known
     * @return the page
     */
    static String member(CallPageView call, String userName, Optional<Participant> me, List<Participant> participants,
                         List<WaitingParticipant> waiting, boolean recording, String csrf, Optional<String> back) {
        StringBuilder body = new StringBuilder();
        body.append(backLink(back));
        body.append("<h1>").append(Html.escape(call.title())).append("</h1>\n");
        boolean admin = me.map(p -> p.role() != CallRole.PARTICIPANT).orElse(false);
        body.append("<section id=\"member\" data-in-call=\"").append(me.isPresent()).append("\" data-role=\"")
                .append(me.map(p -> p.role().name()).orElse("")).append("\">\n");
        if (call.state() == CallState.ENDED) {
            body.append(error(ErrorCode.CALL_ENDED));
        } else if (call.state() == CallState.SCHEDULED) {
            body.append(error(ErrorCode.CALL_NOT_STARTED));
        } else if (me.isEmpty()) {
            body.append("<p>Вы вошли как ").append(Html.escape(userName)).append(".</p>\n")
                    .append(action(call, ENTER, "Присоединиться", "", csrf, back, ""));
        } else {
            Participant self = me.get();
            body.append("<p class=\"status\">Вы в звонке как «").append(Html.escape(self.name())).append("»")
                    .append(admin ? " (организатор)" : "").append(".</p>\n<p>")
                    .append(action(call, HAND, self.handRaised() ? "Опустить руку" : "Поднять руку ✋", "secondary",
                            csrf, back, ""))
                    .append(action(call, MICROPHONE, self.microphone() ? "Выключить микрофон" : "Включить микрофон",
                            "secondary", csrf, back, ""))
                    .append(action(call, CAMERA, self.camera() ? "Выключить камеру" : "Включить камеру",
                            "secondary", csrf, back, ""))
                    .append(action(call, LEAVE, "Выйти", "secondary", csrf, back, "")).append("</p>\n");
            if (admin) {
                body.append("<p>")
                        .append(recording ? action(call, STOP_RECORDING, "Остановить запись", "secondary", csrf, back,
                                "") : action(call, RECORD, "Начать запись", "", csrf, back, ""))
                        .append(action(call, END, "Завершить звонок для всех", "danger", csrf, back, ""))
                        .append("</p>\n");
                if (recording) {
                    body.append("<p id=\"recording\">● Идёт запись</p>\n");
                }
            }
            body.append("<h2>Участники</h2>\n<ul id=\"participants\" class=\"people\">\n");
            for (Participant p : participants) {
                StringBuilder controls = new StringBuilder();
                if (admin && !p.id().equals(self.id())) {
                    if (p.microphone()) {
                        controls.append(action(call, MUTE, "Выключить микрофон", "secondary", csrf, back,
                                p.id().value()));
                    }
                    controls.append(action(call, REMOVE, "Удалить", "danger", csrf, back, p.id().value()));
                }
                body.append(participantItem(p, self.id(), controls.toString()));
            }
            body.append("</ul>\n");
            if (admin && !waiting.isEmpty()) {
                body.append("<h2>Зал ожидания</h2>\n<ul id=\"waiting\" class=\"people\">\n");
                for (WaitingParticipant w : waiting) {
                    body.append("<li ").append(PARTICIPANT_ATTRIBUTE).append("=\"").append(Html.escape(w.id().value()))
                            .append("\">").append(Html.escape(w.name())).append(' ')
                            .append(action(call, ADMIT, "Впустить", "", csrf, back, w.id().value())).append("</li>\n");
                }
                body.append("</ul>\n");
            }
        }
        body.append("</section>\n");
        body.append(note());
        return page(call.title(), call.state(), body.toString());
    }

    private static String backLink(Optional<String> back) {
        return back.map(b -> "<a class=\"back\" id=\"back\" href=\"" + Html.escape(b)
                + "\" rel=\"noopener noreferrer\">← Вернуться</a>\n").orElse("");
    }

    private static String action(CallPageView call, String action, String label, String cssClass, String csrf,
                                 Optional<String> back, String participant) {
        StringBuilder form = new StringBuilder("<form method=\"post\" class=\"inline\" action=\"").append(JOIN_PATH)
                .append(Html.escape(call.linkKey())).append("\" data-form=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"").append(ACTION).append("\" value=\"").append(action)
                .append("\"><input type=\"hidden\" name=\"").append(CSRF).append("\" value=\"")
                .append(Html.escape(csrf)).append("\">");
        back.ifPresent(b -> form.append("<input type=\"hidden\" name=\"").append(BACK).append("\" value=\"")
                .append(Html.escape(b)).append("\">"));
        if (!participant.isEmpty()) {
            form.append("<input type=\"hidden\" name=\"").append(PARTICIPANT).append("\" value=\"")
                    .append(Html.escape(participant)).append("\">");
        }
        return form.append("<button type=\"submit\"").append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"")
                .append(">").append(Html.escape(label)).append("</button></form>\n").toString();
    }

    private static String participantItem(Participant p, org.sferum.sdk.calls.ParticipantId self, String controls) {
        List<String> marks = new ArrayList<>();
        marks.add(p.camera() ? "камера включена" : "камера выключена");
        marks.add(p.microphone() ? "микрофон включён" : "микрофон выключен");
        if (p.screenSharing()) {
            marks.add("показывает экран");
        }
        if (p.handRaised()) {
            marks.add("рука поднята ✋");
        }
        StringBuilder li = new StringBuilder();
        li.append("<li ").append(PARTICIPANT_ATTRIBUTE).append("=\"").append(Html.escape(p.id().value()))
                .append("\" data-camera=\"").append(p.camera()).append("\" data-microphone=\"")
                .append(p.microphone()).append("\" data-hand=\"").append(p.handRaised()).append("\">")
                .append(Html.escape(p.name()));
        if (p.role() == CallRole.ORGANISER) {
            li.append(" (организатор)");
        } else if (p.role() == CallRole.ADMIN) {
            li.append(" (администратор)");
        } else if (p.anonymous()) {
            li.append(" (гость)");
        }
        if (p.id().equals(self)) {
            li.append(" — это вы");
        }
        return li.append(" — ").append(String.join(", ", marks)).append(' ').append(controls).append("</li>\n")
                .toString();
    }

    private static String page(String title, CallState state, String body) {
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " — звонок Сферума (эмулятор)</title>\n<style>" + EmulatorStyle.CSS + "</style>\n</head>\n<body>\n<main"
                + (state == null ? "" : " " + STATE_ATTRIBUTE + "=\"" + state.name() + "\"") + ">\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
