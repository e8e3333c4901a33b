package org.sferum.sdk.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * The HTTP side of {@link EmulatorVkIdUsers}: GETs and form POSTs without following redirects (the redirect back to
 * the school system is the result), over TLS with the given context. Transport failures become
 * {@code TRANSPORT_FAILURE}. Thread-safe.
 */
final class VkIdBrowser {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    /**
     * Creates the browser.
     *
     * @param sslContext the context for {@code https} URIs
     */
    VkIdBrowser(SSLContext sslContext) {
        this.http = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(sslContext, "sslContext"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * Sends a GET.
     *
     * @param uri the URI
     * @return the response
     */
    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
    }

    /**
     * POSTs a form, {@code application/x-www-form-urlencoded} in UTF-8.
     *
     * @param uri the URI
     * @param fields the fields, in order
     * @return the response
     */
    HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(RedirectUris.query(fields), StandardCharsets.UTF_8))
                .build());
    }

    /**
     * POSTs a JSON body.
     *
     * @param uri the URI
     * @param json the body
     * @return the response
     */
    HttpResponse<String> postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /**
     * Returns the query parameters of a URI, decoded, in order.
     *
     * @param uri the URI
     * @return the parameters
     */
    static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        try {
            UrlForm.decodeInto(uri.getRawQuery(), query);
        } catch (VkFailure e) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "the redirect's query is not valid UTF-8 "
                    + "form encoding");
        }
        return query;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SferumException.of(ErrorCode.TRANSPORT_FAILURE, "the emulator at " + request.uri().getScheme()
                    + "://" + request.uri().getAuthority() + " could not be reached: " + e.getClass().getSimpleName(),
                    null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SferumException.of(ErrorCode.TRANSPORT_FAILURE, "interrupted while calling the emulator",
                    null, null, e);
        }
    }
}
