package org.sferum.sdk.emulator;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.CallRole;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Media;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.calls.RecordingRequest;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.testkit.engine.CallService;
import org.sferum.sdk.users.UserId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.testkit.engine.CallPageView;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Sferum's call page under {@code /call/} ({@code docs/wire/call-page.md}): {@code GET /call/join/KEY} shows
 * the call to a visitor (with the form to join anonymously) or to a guest with a seat (their cookie);
 * {@code POST /call/join/KEY} joins, leaves or comes back and redirects (303) to the page; {@code GET /call/guest}
 * sends a guest to their call's page; {@code GET /call/record/ID} refuses a recording to a guest. The engine decides
 * everything; this class only translates. The guest's secret lives in an HttpOnly, SameSite=Lax cookie (Secure over
 * TLS) and is never logged.
 */
final class CallPageHandler implements EmulatorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CallPageHandler.class);

    private final PlatformEngine engine;
    private final URI baseUri;
    private final boolean secure;
    private final VkIdBrowserSessions sessions;
    /** The join links of calls ended from this page, so that their members still see the ended call. */
    private final Map<CallId, String> endedLinks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates the handler and points the engine's join links at it.
     *
     * @param engine the engine
     * @param baseUri where the emulator listens, without a trailing slash
     * @param sessions the browser sessions VK ID's pages leave, so that the page knows a signed-in user
     */
    CallPageHandler(PlatformEngine engine, URI baseUri, VkIdBrowserSessions sessions) {
        this.engine = engine;
        this.sessions = sessions;
        this.baseUri = baseUri;
        this.secure = "https".equals(baseUri.getScheme());
        engine.calls().serveCallLinksAt(baseUri + CallPages.JOIN_PATH);
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean get = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        boolean post = "POST".equalsIgnoreCase(method);
        try {
            if (path.startsWith(CallPages.SHORT_PATH) && path.length() > CallPages.SHORT_PATH.length() && get) {
                byShortCredentials(exchange, path.substring(CallPages.SHORT_PATH.length()));
            } else if (path.startsWith(CallPages.JOIN_PATH) && key(path).isPresent() && (get || post)) {
                if (get) {
                    show(exchange, key(path).get());
                } else {
                    act(exchange, key(path).get());
                }
            } else if (path.equals(CallPages.GUEST_PATH) && get) {
                toGuestsCall(exchange);
            } else if (path.startsWith(CallPages.RECORD_PATH) && path.length() > CallPages.RECORD_PATH.length()
                    && get) {
                recording(exchange, path.substring(CallPages.RECORD_PATH.length()));
            } else if (get || post) {
                refuse(exchange, ErrorCode.CALL_NOT_FOUND, null);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                Html.send(exchange, 405, CallPages.refusal(ErrorCode.INVALID_ARGUMENT, null,
                        "Используйте GET или POST."));
            }
        } catch (VkFailure e) {
            Html.send(exchange, 400, CallPages.refusal(ErrorCode.INVALID_ARGUMENT, null,
                    "Запрос не удалось прочитать."));
        } catch (RuntimeException e) {
            LOG.error("call page {} {} failed unexpectedly", method, CallPages.JOIN_PATH, Redacted.of(e));
            Html.send(exchange, 500, CallPages.refusal(ErrorCode.SERVICE_UNAVAILABLE, null));
        }
    }

    private static Optional<String> key(String path) {
        String key = path.substring(CallPages.JOIN_PATH.length());
        return key.isEmpty() || key.contains("/") ? Optional.empty() : Optional.of(key);
    }

    private String link(String key) {
        return baseUri + CallPages.JOIN_PATH + key;
    }

    private void show(EmulatorExchange exchange, String key) throws IOException {
        CallPageView call;
        try {
            call = engine.calls().callPage(link(key));
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
            return;
        }
        Optional<String> back = back(VkCallReader.read(exchange).params().get(CallPages.BACK));
        Optional<VkIdBrowserSessions.Session> session = sessions.of(exchange);
        if (session.isPresent()) {
            Optional<Call> mine = memberCall(session.get().user(), link(key));
            if (mine.isPresent()) {
                Html.send(exchange, 200, memberPage(session.get(), call, mine.get(), back));
                return;
            }
        }
        Optional<CallPageView.Guest> guest = guestOf(exchange, call);
        Html.send(exchange, 200, guest.map(CallPages::guest).orElseGet(() -> CallPages.visitor(call, back)));
    }

    /**
     * The call of a join link as a signed-in user takes part in it: only a call they are invited to (a member of
     * its chat, or one who joined it), and only while it runs or after it ended, never a stranger's.
     */
    private Optional<Call> memberCall(UserId user, String link) {
        try {
            return engine.calls().callsOf(user).stream()
                    .filter(c -> c.links().map(CallLinks::browser).filter(link::equals).isPresent()
                            || (c.state() == CallState.ENDED && endedLinks.getOrDefault(c.id(), "").equals(link)))
                    .findFirst();
        } catch (SferumException e) {
            return Optional.empty();
        }
    }

    private String memberPage(VkIdBrowserSessions.Session session, CallPageView view, Call call,
                              Optional<String> back) {
        UserId user = session.user();
        if (call.state() != CallState.RUNNING) {
            return CallPages.member(view, engine.users().person(user).displayName(), Optional.empty(), List.of(), List.of(), false,
                    session.csrf(), back);
        }
        List<Participant> participants = engine.calls().callParticipants(user, call.id());
        Optional<Participant> me = participants.stream().filter(p -> p.user().filter(user::equals).isPresent())
                .findFirst();
        boolean admin = me.map(p -> p.role() != CallRole.PARTICIPANT).orElse(false);
        List<WaitingParticipant> waiting = admin ? engine.calls().waitingRoom(user, call.id()) : List.of();
        boolean recording = admin && engine.calls().recordings(user, call.id()).stream()
                .anyMatch(r -> r.stoppedAt().isEmpty());
        return CallPages.member(view, engine.users().person(user).displayName(), me, participants, waiting, recording,
                session.csrf(), back);
    }

    /** Acts as the signed-in member; answers and returns true when the action was a member's. */
    private boolean actAsMember(EmulatorExchange exchange, CallPageView view, Map<String, String> form,
                                String action) throws IOException {
        Optional<VkIdBrowserSessions.Session> session = sessions.of(exchange);
        if (session.isEmpty()) {
            return false;
        }
        UserId user = session.get().user();
        String link = link(view.linkKey());
        Optional<Call> mine = memberCall(user, link);
        if (mine.isEmpty()) {
            return false;
        }
        if (!session.get().csrfMatches(form.get(CallPages.CSRF))) {
            Html.send(exchange, 403, CallPages.refusal(ErrorCode.PERMISSION_DENIED, view,
                    "Форма устарела. Откройте страницу звонка снова."));
            return true;
        }
        CallId id = mine.get().id();
        Optional<String> back = back(form.get(CallPages.BACK));
        try {
            switch (action) {
                case CallPages.JOIN, CallPages.ENTER -> engine.calls().joinCallByLink(user, link);
                case CallPages.LEAVE -> engine.calls().leaveCall(user, id);
                case CallPages.HAND -> engine.calls().raiseHand(user, id, !self(user, id).handRaised());
                case CallPages.CAMERA -> engine.calls().setMedia(user, id, Media.CAMERA, !self(user, id).camera());
                case CallPages.MICROPHONE ->
                        engine.calls().setMedia(user, id, Media.MICROPHONE, !self(user, id).microphone());
                case CallPages.ADMIT -> engine.calls().actOnParticipant(user, id, participant(form),
                        CallService.ParticipantAction.ADMIT);
                case CallPages.MUTE -> engine.calls().actOnParticipant(user, id, participant(form),
                        CallService.ParticipantAction.MUTE);
                case CallPages.REMOVE -> engine.calls().actOnParticipant(user, id, participant(form),
                        CallService.ParticipantAction.REMOVE);
                case CallPages.RECORD -> engine.calls().startRecording(user, id, RecordingRequest.titled(
                        view.title().length() <= RecordingRequest.MAX_TITLE_LENGTH ? view.title()
                                : view.title().substring(0, RecordingRequest.MAX_TITLE_LENGTH)));
                case CallPages.STOP_RECORDING -> engine.calls().stopRecording(user, id);
                case CallPages.END -> {
                    endedLinks.put(id, link);
                    engine.calls().endCallForAll(user, id);
                }
                default -> {
                    Html.send(exchange, 400, CallPages.refusal(ErrorCode.INVALID_ARGUMENT, view,
                            "Не удалось выполнить действие: страница его не знает. Обновите страницу."));
                    return true;
                }
            }
        } catch (SferumException e) {
            refuse(exchange, e.code(), view);
            return true;
        }
        redirect(exchange, CallPages.JOIN_PATH + view.linkKey()
                + back.map(b -> "?" + CallPages.BACK + "=" + URLEncoder.encode(b, StandardCharsets.UTF_8)).orElse(""));
        return true;
    }

    private Participant self(UserId user, CallId id) {
        return engine.calls().callParticipants(user, id).stream().filter(p -> p.user().filter(user::equals)
                .isPresent()).findFirst().orElseThrow(() -> SferumException.of(ErrorCode.PARTICIPANT_NOT_FOUND,
                "you are not in this call now; join it first"));
    }

    private static ParticipantId participant(Map<String, String> form) {
        String id = form.get(CallPages.PARTICIPANT);
        if (id == null || id.isEmpty()) {
            throw SferumException.of(ErrorCode.PARTICIPANT_NOT_FOUND, "no participant named");
        }
        return new ParticipantId(id);
    }

    /** The address the user came from: an absolute http(s) URL only, shown as a link and never redirected to. */
    static Optional<String> back(String raw) {
        if (raw == null || raw.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? Optional.of(uri.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private void act(EmulatorExchange exchange, String key) throws IOException {
        Map<String, String> form = VkCallReader.read(exchange).params();
        CallPageView call;
        try {
            call = engine.calls().callPage(link(key));
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
            return;
        }
        String action = form.getOrDefault(CallPages.ACTION, CallPages.JOIN);
        if (actAsMember(exchange, call, form, action)) {
            return;
        }
        try {
            switch (action) {
                case CallPages.JOIN:
                    if (guestOf(exchange, call).isPresent()) {
                        // this browser already has a seat in this call: joining again is coming back with it, so
                        // a removed guest stays out (REMOVED_FROM_CALL) unless readmitted
                        engine.calls().guestRejoin(seat(exchange, call));
                        break;
                    }
                    GuestTicket ticket = engine.calls().guestJoin(link(key), form.get(CallPages.NAME));
                    exchange.getResponseHeaders().add("Set-Cookie", cookie(ticket.secret()));
                    break;
                case CallPages.LEAVE:
                    engine.calls().guestLeave(seat(exchange, call));
                    break;
                case CallPages.REJOIN:
                    engine.calls().guestRejoin(seat(exchange, call));
                    break;
                default:
                    Html.send(exchange, 400, CallPages.refusal(ErrorCode.INVALID_ARGUMENT, call,
                            "Не удалось выполнить действие: страница его не знает. Обновите страницу."));
                    return;
            }
        } catch (SferumException e) {
            refuse(exchange, e.code(), call);
            return;
        }
        redirect(exchange, CallPages.JOIN_PATH + call.linkKey());
    }

    /**
     * {@code GET /call/join/short/ID?password=…}: the call's page for the right password; without one, a form
     * that asks for it; a wrong one is refused like an unknown id.
     */
    private void byShortCredentials(EmulatorExchange exchange, String shortId) throws IOException {
        String password = VkCallReader.read(exchange).params().get(CallPages.PASSWORD);
        if (password == null || password.isEmpty()) {
            Html.send(exchange, 200, CallPages.askPassword(shortId));
            return;
        }
        String link;
        try {
            link = engine.calls().joinLinkByShortCredentials(shortId, password);
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
            return;
        }
        redirect(exchange, URI.create(link).getPath());
    }

    private void toGuestsCall(EmulatorExchange exchange) throws IOException {
        Optional<String> secret = cookieOf(exchange);
        if (secret.isEmpty()) {
            refuse(exchange, ErrorCode.PARTICIPANT_NOT_FOUND, null);
            return;
        }
        try {
            redirect(exchange, CallPages.JOIN_PATH + engine.calls().guestPage(secret.get()).call().linkKey());
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
        }
    }

    private void recording(EmulatorExchange exchange, String id) throws IOException {
        Optional<String> secret = cookieOf(exchange);
        if (secret.isEmpty()) {
            refuse(exchange, ErrorCode.EDUCATIONAL_PROFILE_REQUIRED, null);
            return;
        }
        RecordingId recording;
        try {
            recording = new RecordingId(id);
        } catch (IllegalArgumentException e) {
            refuse(exchange, ErrorCode.RECORDING_NOT_FOUND, null);
            return;
        }
        try {
            redirect(exchange, engine.calls().guestRecordingLink(secret.get(), recording));
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
        }
    }

    /** The guest of the cookie, when their seat is in this call. */
    private Optional<CallPageView.Guest> guestOf(EmulatorExchange exchange, CallPageView call) {
        Optional<String> secret = cookieOf(exchange);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            CallPageView.Guest guest = engine.calls().guestPage(secret.get());
            return guest.call().linkKey().equals(call.linkKey()) ? Optional.of(guest) : Optional.empty();
        } catch (SferumException e) {
            return Optional.empty();
        }
    }

    /** The secret of the cookie's seat in this call, or {@code PARTICIPANT_NOT_FOUND}. */
    private String seat(EmulatorExchange exchange, CallPageView call) {
        Optional<CallPageView.Guest> guest = guestOf(exchange, call);
        if (guest.isEmpty()) {
            throw SferumException.of(ErrorCode.PARTICIPANT_NOT_FOUND, "no guest seat in this call");
        }
        return cookieOf(exchange).orElseThrow();
    }

    private static Optional<String> cookieOf(EmulatorExchange exchange) {
        return VkIdBrowserSessions.cookie(exchange, CallPages.COOKIE);
    }

    private String cookie(String secret) {
        return CallPages.COOKIE + "=" + secret + "; Path=/call/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private static void refuse(EmulatorExchange exchange, ErrorCode code, CallPageView call) throws IOException {
        Html.send(exchange, CallPages.status(code), CallPages.refusal(code, call));
    }

    private static void redirect(EmulatorExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }
}
