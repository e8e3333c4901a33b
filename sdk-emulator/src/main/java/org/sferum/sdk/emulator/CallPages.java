package org.sferum.sdk.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.engine.CallPageView;

/**
 * Renders Sferum's call page as plain HTML in Russian ({@code docs/wire/call-page.md}): the call's title and state,
 * the form to join anonymously, where a guest stands with the participants and the buttons to leave or come back,
 * and the refusals. Machine-readable markers: {@value #ERROR_ATTRIBUTE} on a refusal (an {@link ErrorCode} name),
 * {@value #STATUS_ATTRIBUTE}, {@value #PARTICIPANT_ATTRIBUTE} and {@value #NAME_ATTRIBUTE} on the guest's section,
 * {@value #STATE_ATTRIBUTE} on the page's {@code <main>}. The pages are the templates {@code call*.jte}, which escape
 * every value.
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
        ErrorCode refused = call.state() == CallState.SCHEDULED ? ErrorCode.CALL_NOT_STARTED
                : call.state() == CallState.ENDED ? ErrorCode.CALL_ENDED
                : !call.settings().anonymousAllowed() ? ErrorCode.ANONYMOUS_NOT_ALLOWED : null;
        return Templates.render("callVisitor.jte", new VisitorView(call.title(), call.state().name(),
                back.orElse(null), refused == null ? null : Refusal.of(refused), call.settings().waitingRoom(),
                call.linkKey()));
    }

    /**
     * The form that asks for the password of short credentials ({@code GET /call/join/short/ID}).
     *
     * @param shortId the short id from the path
     * @return the page
     */
    static String askPassword(String shortId) {
        return Templates.render("callPassword.jte", shortId);
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
        List<ParticipantView> participants = new ArrayList<>();
        for (Participant p : guest.participants()) {
            participants.add(ParticipantView.of(p, guest.participant(), List.of()));
        }
        boolean inCall = guest.status() == GuestStatus.IN_CALL;
        String button = inCall || guest.status() == GuestStatus.WAITING ? LEAVE
                : guest.status() != GuestStatus.CALL_ENDED ? REJOIN : null;
        return Templates.render("callGuest.jte", new GuestView(call.title(), call.state().name(),
                guest.status().name(), guest.participant().value(), guest.name(), statusText(guest), inCall,
                participants, button, LEAVE.equals(button) ? "Выйти" : "Вернуться", call.linkKey()));
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
        return Templates.render("callRefusal.jte", new RefusalView(call == null ? "Звонок" : call.title(),
                call == null ? null : call.state().name(), new Refusal(code.name(), text),
                call == null ? null : call.linkKey()));
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

    private static String statusText(CallPageView.Guest guest) {
        switch (guest.status()) {
            case IN_CALL:
                return "Вы в звонке как «" + guest.name() + "».";
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
        boolean admin = me.map(p -> p.role() != CallRole.PARTICIPANT).orElse(false);
        Forms forms = new Forms(call.linkKey(), csrf, back.orElse(null));
        ErrorCode refused = call.state() == CallState.ENDED ? ErrorCode.CALL_ENDED
                : call.state() == CallState.SCHEDULED ? ErrorCode.CALL_NOT_STARTED : null;
        List<ActionView> selfActions = new ArrayList<>();
        List<ActionView> adminActions = new ArrayList<>();
        List<ParticipantView> people = new ArrayList<>();
        List<WaitingView> waitingViews = new ArrayList<>();
        if (refused == null && me.isPresent()) {
            Participant self = me.get();
            selfActions.add(forms.of(HAND, self.handRaised() ? "Опустить руку" : "Поднять руку ✋", "secondary", null));
            selfActions.add(forms.of(MICROPHONE, self.microphone() ? "Выключить микрофон" : "Включить микрофон",
                    "secondary", null));
            selfActions.add(forms.of(CAMERA, self.camera() ? "Выключить камеру" : "Включить камеру", "secondary",
                    null));
            selfActions.add(forms.of(LEAVE, "Выйти", "secondary", null));
            if (admin) {
                adminActions.add(recording ? forms.of(STOP_RECORDING, "Остановить запись", "secondary", null)
                        : forms.of(RECORD, "Начать запись", null, null));
                adminActions.add(forms.of(END, "Завершить звонок для всех", "danger", null));
            }
            for (Participant p : participants) {
                List<ActionView> controls = new ArrayList<>();
                if (admin && !p.id().equals(self.id())) {
                    if (p.microphone()) {
                        controls.add(forms.of(MUTE, "Выключить микрофон", "secondary", p.id().value()));
                    }
                    controls.add(forms.of(REMOVE, "Удалить", "danger", p.id().value()));
                }
                people.add(ParticipantView.of(p, self.id(), controls));
            }
            if (admin) {
                for (WaitingParticipant w : waiting) {
                    waitingViews.add(new WaitingView(w.id().value(), w.name(),
                            forms.of(ADMIT, "Впустить", null, w.id().value())));
                }
            }
        }
        return Templates.render("callMember.jte", new MemberView(call.title(), call.state().name(),
                back.orElse(null), String.valueOf(me.isPresent()), me.map(p -> p.role().name()).orElse(""),
                refused == null ? null : Refusal.of(refused), userName, forms.of(ENTER, "Присоединиться", null, null),
                me.map(Participant::name).orElse(""), admin, selfActions, adminActions, recording, people,
                waitingViews));
    }

    /**
     * A refusal's paragraph: {@code <p class="error" data-error="CODE">}.
     *
     * @param code the {@link ErrorCode}'s name
     * @param text the Russian text
     */
    record Refusal(String code, String text) {
        static Refusal of(ErrorCode code) {
            return new Refusal(code.name(), CallPages.text(code));
        }
    }

    /**
     * What {@code callVisitor.jte} shows.
     *
     * @param title the call's title
     * @param state the call's state
     * @param back the address the visitor came from, or {@code null}
     * @param refusal why the visitor cannot join, or {@code null} when the join form is shown
     * @param waitingRoom whether the organiser admits from a waiting room
     * @param linkKey the call's link key
     */
    record VisitorView(String title, String state, String back, Refusal refusal, boolean waitingRoom,
                       String linkKey) {
    }

    /**
     * What {@code callGuest.jte} shows.
     *
     * @param title the call's title
     * @param state the call's state
     * @param status the guest's {@link GuestStatus}
     * @param participant the guest's participant id
     * @param name the guest's name
     * @param statusText where the guest stands, in Russian
     * @param inCall whether the participants are listed
     * @param participants everyone in the call
     * @param buttonAction the action of the guest's button, or {@code null} for none
     * @param buttonLabel the button's text
     * @param linkKey the call's link key
     */
    record GuestView(String title, String state, String status, String participant, String name, String statusText,
                     boolean inCall, List<ParticipantView> participants, String buttonAction, String buttonLabel,
                     String linkKey) {
    }

    /**
     * What {@code callRefusal.jte} shows.
     *
     * @param title the call's title, or «Звонок»
     * @param state the call's state, or {@code null} when the call is not known
     * @param refusal the refusal
     * @param linkKey the call's link key, or {@code null} when the call is not known
     */
    record RefusalView(String title, String state, Refusal refusal, String linkKey) {
    }

    /**
     * What {@code callMember.jte} shows.
     *
     * @param title the call's title
     * @param state the call's state
     * @param back the address the user came from, or {@code null}
     * @param inCall {@code "true"} when the member has a seat now, {@code "false"} otherwise
     * @param role the member's role's name, or empty
     * @param refusal why the call cannot be joined now, or {@code null}
     * @param userName the signed-in user's name
     * @param enter the form that joins
     * @param selfName the name of the member's seat
     * @param admin whether the member organises the call
     * @param selfActions the member's own buttons
     * @param adminActions the organiser's buttons
     * @param recording whether a recording runs
     * @param participants everyone in the call
     * @param waiting those in the waiting room
     */
    record MemberView(String title, String state, String back, String inCall, String role, Refusal refusal,
                      String userName, ActionView enter, String selfName, boolean admin, List<ActionView> selfActions,
                      List<ActionView> adminActions, boolean recording, List<ParticipantView> participants,
                      List<WaitingView> waiting) {
    }

    /**
     * One button of a signed-in member: a POST form with the session's token ({@code callAction.jte}).
     *
     * @param linkKey the call's link key
     * @param action the {@value #ACTION} value
     * @param label the button's text
     * @param cssClass the button's class, or {@code null}
     * @param csrf the session's form token
     * @param back the address the user came from, or {@code null}
     * @param participant the participant acted on, or {@code null}
     */
    record ActionView(String linkKey, String action, String label, String cssClass, String csrf, String back,
                      String participant) {
    }

    /**
     * A participant in a list ({@code callParticipant.jte}).
     *
     * @param id the participant id
     * @param camera {@code "true"} or {@code "false"}
     * @param microphone {@code "true"} or {@code "false"}
     * @param hand {@code "true"} or {@code "false"}
     * @param name the participant's name
     * @param marks the role, «это вы» and the media, after the name
     * @param controls the organiser's buttons for this participant
     */
    record ParticipantView(String id, String camera, String microphone, String hand, String name, String marks,
                           List<ActionView> controls) {
        static ParticipantView of(Participant p, ParticipantId self, List<ActionView> controls) {
            List<String> media = new ArrayList<>();
            media.add(p.camera() ? "камера включена" : "камера выключена");
            media.add(p.microphone() ? "микрофон включён" : "микрофон выключен");
            if (p.screenSharing()) {
                media.add("показывает экран");
            }
            if (p.handRaised()) {
                media.add("рука поднята ✋");
            }
            String role = p.role() == CallRole.ORGANISER ? " (организатор)"
                    : p.role() == CallRole.ADMIN ? " (администратор)" : p.anonymous() ? " (гость)" : "";
            String marks = role + (p.id().equals(self) ? " — это вы" : "") + " — " + String.join(", ", media);
            return new ParticipantView(p.id().value(), String.valueOf(p.camera()), String.valueOf(p.microphone()),
                    String.valueOf(p.handRaised()), p.name(), marks, controls);
        }
    }

    /**
     * Someone in the waiting room, with the button that admits them.
     *
     * @param id the participant id
     * @param name their name
     * @param admit the organiser's button
     */
    record WaitingView(String id, String name, ActionView admit) {
    }

    /** Makes a member's buttons for one page. */
    private record Forms(String linkKey, String csrf, String back) {
        ActionView of(String action, String label, String cssClass, String participant) {
            return new ActionView(linkKey, action, label, cssClass, csrf, back, participant);
        }
    }
}
