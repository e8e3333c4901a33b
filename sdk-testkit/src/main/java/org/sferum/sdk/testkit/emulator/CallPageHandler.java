package org.sferum.sdk.testkit.emulator;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.calls.RecordingId;
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

    /**
     * Creates the handler and points the engine's join links at it.
     *
     * @param engine the engine
     * @param baseUri where the emulator listens, without a trailing slash
     */
    CallPageHandler(PlatformEngine engine, URI baseUri) {
        this.engine = engine;
        this.baseUri = baseUri;
        this.secure = "https".equals(baseUri.getScheme());
        engine.serveCallLinksAt(baseUri + CallPages.JOIN_PATH);
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
            call = engine.callPage(link(key));
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
            return;
        }
        Optional<CallPageView.Guest> guest = guestOf(exchange, call);
        Html.send(exchange, 200, guest.map(CallPages::guest).orElseGet(() -> CallPages.visitor(call)));
    }

    private void act(EmulatorExchange exchange, String key) throws IOException {
        Map<String, String> form = VkCallReader.read(exchange).params();
        CallPageView call;
        try {
            call = engine.callPage(link(key));
        } catch (SferumException e) {
            refuse(exchange, e.code(), null);
            return;
        }
        String action = form.getOrDefault(CallPages.ACTION, CallPages.JOIN);
        try {
            switch (action) {
                case CallPages.JOIN:
                    if (guestOf(exchange, call).isPresent()) {
                        // this browser already has a seat in this call: joining again is coming back with it, so
                        // a removed guest stays out (REMOVED_FROM_CALL) unless readmitted
                        engine.guestRejoin(seat(exchange, call));
                        break;
                    }
                    GuestTicket ticket = engine.guestJoin(link(key), form.get(CallPages.NAME));
                    exchange.getResponseHeaders().add("Set-Cookie", cookie(ticket.secret()));
                    break;
                case CallPages.LEAVE:
                    engine.guestLeave(seat(exchange, call));
                    break;
                case CallPages.REJOIN:
                    engine.guestRejoin(seat(exchange, call));
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
            link = engine.joinLinkByShortCredentials(shortId, password);
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
            redirect(exchange, CallPages.JOIN_PATH + engine.guestPage(secret.get()).call().linkKey());
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
            redirect(exchange, engine.guestRecordingLink(secret.get(), recording));
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
            CallPageView.Guest guest = engine.guestPage(secret.get());
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
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(CallPages.COOKIE + "=")) {
                    String value = trimmed.substring(CallPages.COOKIE.length() + 1);
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
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
