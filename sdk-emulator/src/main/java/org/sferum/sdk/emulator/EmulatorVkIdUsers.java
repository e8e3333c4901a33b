package org.sferum.sdk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/**
 * {@link VkIdUsers} over a running emulator's HTTP face: {@link #open} walks the VK ID login pages as a browser
 * would (GET the authorization URI, post each page's form, stop at the redirect back to the school system), and the
 * SMS codes and accounts go through the control API ({@code docs/wire/vk-id.md}, "Emulator control API"). A page
 * that shows an error throws the matching {@code SferumException}, as the fake does. Works over TLS with the
 * emulator's {@link SferumEmulator#sslContext()}. Thread-safe; each {@link VkIdLogin} is one user's.
 *
 * <pre>{@code
 * VkIdUsers vkId = emulator.vkIdUsers();   // or new EmulatorVkIdUsers(uri, sslContext) for a process
 * VkIdLogin login = vkId.open(start.authorizationUri());
 * login.enterPhone("+79000000001");
 * }</pre>
 */
public final class EmulatorVkIdUsers implements VkIdUsers {
    private final URI baseUri;
    private final VkIdBrowser browser;

    /**
     * Connects to an emulator over plain HTTP, or over HTTPS whose certificate the JVM trusts.
     *
     * @param baseUri the emulator's base URI, such as {@code http://127.0.0.1:8080}
     */
    public EmulatorVkIdUsers(URI baseUri) {
        this(baseUri, defaultContext());
    }

    /**
     * Connects to an emulator with an SSL context for its certificate.
     *
     * @param baseUri the emulator's base URI, such as {@code https://127.0.0.1:8443}
     * @param sslContext a context that trusts the emulator's certificate ({@link SferumEmulator#sslContext()})
     */
    public EmulatorVkIdUsers(URI baseUri, SSLContext sslContext) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.browser = new VkIdBrowser(sslContext);
    }

    /**
     * Opens the authorization URI and returns the user on the phone page.
     *
     * @param authorizationUri from {@code LinkStart.authorizationUri()}
     * @return the user on the first page
     * @throws SferumException {@code INVALID_ARGUMENT} when VK ID refuses the request (an error page, or an
     *     immediate redirect back with an OAuth error); {@code TRANSPORT_FAILURE} when the emulator is unreachable
     */
    @Override
    public VkIdLogin open(URI authorizationUri) {
        return EmulatorVkIdLogin.open(browser, Objects.requireNonNull(authorizationUri, "authorizationUri"));
    }

    /**
     * Returns the last SMS code sent to a phone, from {@code GET /_emulator/sms}.
     *
     * @param phone the phone, in any accepted format
     * @return the code, if one was sent
     * @throws SferumException {@code INVALID_PHONE} for a malformed phone
     */
    @Override
    public Optional<String> lastSmsCode(String phone) {
        URI uri = baseUri.resolve("/_emulator/sms?phone="
                + URLEncoder.encode(Objects.requireNonNull(phone, "phone"), StandardCharsets.UTF_8));
        HttpResponse<String> response = browser.get(uri);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body = control(response);
        return Optional.of(body.path("code").asText());
    }

    /**
     * Creates a VK ID account with a password and no educational profile, with
     * {@code POST /_emulator/vkid/accounts}.
     *
     * @param phone the phone
     * @param password the password
     * @throws SferumException as the engine refuses it, for example {@code INVALID_PHONE} or {@code CONFLICT}
     */
    @Override
    public void createAccountWithoutProfile(String phone, String password) {
        ObjectNode request = JsonNodes.object();
        request.put("phone", Objects.requireNonNull(phone, "phone"));
        request.put("password", Objects.requireNonNull(password, "password"));
        control(browser.postJson(baseUri.resolve("/_emulator/vkid/accounts"), request.toString()));
    }

    @Override
    public String toString() {
        return "EmulatorVkIdUsers[" + baseUri + "]";
    }

    private static JsonNode control(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JsonNodes.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw SferumException.of(ErrorCode.MALFORMED_RESPONSE, "the control API answered HTTP "
                    + response.statusCode() + " without JSON; is this a Sferum emulator?");
        }
        if (response.statusCode() == 200 && body != null && body.isObject()) {
            return body;
        }
        JsonNode error = body == null ? null : body.path("error");
        String code = error == null ? "" : error.path("code").asText("");
        String message = error == null ? "" : error.path("message").asText("");
        throw SferumException.of(errorCode(code), "the emulator's control API refused the request (HTTP "
                + response.statusCode() + "): " + message);
    }

    private static ErrorCode errorCode(String code) {
        try {
            return ErrorCode.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "not_found".equals(code) ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_ARGUMENT;
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default SSL context", e);
        }
    }
}
