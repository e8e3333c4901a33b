package org.sferum.sdk.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;

/**
 * Anonymous guests of the emulator's calls, walking its HTML call page ({@code docs/wire/call-page.md}) over HTTP as
 * a browser would, with one cookie per guest: the ticket's {@code secret} is the value of the page's guest cookie.
 * A page's {@code data-error} becomes the {@link SferumException} subclass of that {@link ErrorCode}; its
 * {@code data-status} becomes the {@link GuestStatus}. Only links of this emulator are followed. Thread-safe.
 */
public final class EmulatorCallGuests implements CallGuests {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http;

    /**
     * Creates the guests of an emulator.
     *
     * @param baseUri where the emulator listens, without a trailing slash
     * @param sslContext the context for an emulator over TLS
     */
    EmulatorCallGuests(URI baseUri, SSLContext sslContext) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.http = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(sslContext, "sslContext"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public GuestTicket join(String joinLink, String name) {
        Checks.notNull(joinLink, "join link");
        Checks.notNull(name, "name");
        URI page = pageOf(joinLink);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(CallPages.ACTION, CallPages.JOIN);
        form.put(CallPages.NAME, name);
        HttpResponse<String> joined = post(page, form, null);
        expectRedirect(joined);
        String secret = secretOf(joined).orElseThrow(() -> SferumException.of(ErrorCode.MALFORMED_RESPONSE,
                "the call page let the guest in but set no guest cookie"));
        Map<String, String> guest = guestOf(get(page, secret));
        return new GuestTicket(new ParticipantId(guest.getOrDefault(CallPages.PARTICIPANT_ATTRIBUTE, "")),
                guest.getOrDefault(CallPages.NAME_ATTRIBUTE, name.strip()), secret);
    }

    @Override
    public GuestStatus rejoin(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        URI page = pageOf(guest);
        expectRedirect(post(page, Map.of(CallPages.ACTION, CallPages.REJOIN), guest.secret()));
        return statusOf(get(page, guest.secret()));
    }

    @Override
    public GuestStatus status(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        return statusOf(get(pageOf(guest), guest.secret()));
    }

    @Override
    public void leave(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        expectRedirect(post(pageOf(guest), Map.of(CallPages.ACTION, CallPages.LEAVE), guest.secret()));
    }

    @Override
    public String recordingLink(GuestTicket guest, RecordingId recording) {
        Checks.notNull(guest, "guest");
        Checks.notNull(recording, "recording");
        HttpResponse<String> response = get(URI.create(baseUri + CallPages.RECORD_PATH
                + URLEncoder.encode(recording.value(), StandardCharsets.UTF_8).replace("+", "%20")), guest.secret());
        expectRedirect(response);
        return response.headers().firstValue("Location").orElseThrow();
    }

    @Override
    public String toString() {
        return "EmulatorCallGuests[" + baseUri + "]";
    }

    /** The emulator's page of a join link: only links of this emulator's call page are followed. */
    private URI pageOf(String joinLink) {
        String prefix = baseUri + CallPages.JOIN_PATH;
        String key = joinLink.startsWith(prefix) ? joinLink.substring(prefix.length()) : "";
        int end = key.indexOf('?');
        key = end < 0 ? key : key.substring(0, end);
        end = key.indexOf('#');
        key = end < 0 ? key : key.substring(0, end);
        if (key.isEmpty() || !key.matches("[A-Za-z0-9_-]+")) {
            throw SferumException.of(ErrorCode.CALL_NOT_FOUND, "not a join link of the emulator at " + baseUri
                    + "; ask the organiser for the link again");
        }
        return URI.create(prefix + key);
    }

    /** The page of a guest's call, as {@code GET /call/guest} tells. */
    private URI pageOf(GuestTicket guest) {
        HttpResponse<String> response = get(URI.create(baseUri + CallPages.GUEST_PATH), guest.secret());
        expectRedirect(response);
        return baseUri.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static GuestStatus statusOf(HttpResponse<String> response) {
        String status = guestOf(response).getOrDefault(CallPages.STATUS_ATTRIBUTE, "");
        try {
            return GuestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "the call page shows an unknown guest status");
        }
    }

    /** The attributes of the guest's section of a page, or the page's refusal. */
    private static Map<String, String> guestOf(HttpResponse<String> response) {
        refusalOf(response).ifPresent(e -> {
            throw e;
        });
        Element guest = response.statusCode() == 200 ? page(response).selectFirst("section#guest") : null;
        if (guest == null) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "the call page answered HTTP "
                    + response.statusCode() + " without the guest's status");
        }
        Map<String, String> attributes = new HashMap<>();
        guest.attributes().forEach(attribute -> attributes.put(attribute.getKey(), attribute.getValue()));
        return attributes;
    }

    private static void expectRedirect(HttpResponse<String> response) {
        if (response.statusCode() == 303 && response.headers().firstValue("Location").isPresent()) {
            return;
        }
        throw refusalOf(response).orElseGet(() -> SferumException.of(ErrorCode.MALFORMED_RESPONSE,
                "the call page answered HTTP " + response.statusCode() + " without a refusal"));
    }

    private static Optional<SferumException> refusalOf(HttpResponse<String> response) {
        Element error = page(response).selectFirst("p[" + CallPages.ERROR_ATTRIBUTE + "]");
        if (error == null) {
            return Optional.empty();
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(error.attr(CallPages.ERROR_ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.UNKNOWN;
        }
        return Optional.of(SferumException.of(code, "the call page refused: «"
                + error.text() + "»"));
    }

    private static Optional<String> secretOf(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        for (String cookie : cookies) {
            String first = cookie.split(";", 2)[0].strip();
            if (first.startsWith(CallPages.COOKIE + "=") && first.length() > CallPages.COOKIE.length() + 1) {
                return Optional.of(first.substring(CallPages.COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The page as a browser's HTML parser reads it. */
    private static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private HttpResponse<String> get(URI uri, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        return send(withCookie(request, secret).build());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> fields, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(RedirectUris.query(fields), StandardCharsets.UTF_8));
        return send(withCookie(request, secret).build());
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder request, String secret) {
        return secret == null ? request : request.header("Cookie", CallPages.COOKIE + "=" + secret);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SferumException.of(ErrorCode.TRANSPORT_FAILURE, "the emulator's call page at " + baseUri
                    + " could not be reached: " + e.getClass().getSimpleName(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SferumException.of(ErrorCode.TRANSPORT_FAILURE, "interrupted while calling the emulator's call "
                    + "page", null, null, e);
        }
    }
}
