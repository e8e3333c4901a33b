package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;

/**
 * Raw VK ID requests against a running emulator with {@link HttpClient} only, as a school system (sdk-core) or a
 * browser sends them: authorization URIs with PKCE, the token endpoint with the form body or the query string, the
 * other {@code /oauth2/*} endpoints, and the login pages read as text.
 */
final class VkIdWire {
    /** The demo client's loopback redirect URI {@code http://127.0.0.1/sferum/callback} with a port (ignored). */
    static final String REDIRECT_URI = "http://127.0.0.1:8765/sferum/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    final SferumEmulator emulator;
    final URI base;
    final HttpClient http;

    VkIdWire(SferumEmulator emulator) {
        this.emulator = emulator;
        this.base = emulator.baseUri();
        this.http = HttpClient.newBuilder().sslContext(emulator.sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a school system keeps of one authorization request. */
    record Authorization(URI uri, String state, String verifier, String nonce) {
    }

    /** A fresh authorization request of the demo client with PKCE S256, a state and a nonce. */
    Authorization authorization() {
        String verifier = random(32);
        String state = random(32);
        String nonce = random(32);
        URI uri = URI.create(base + "/authorize?" + form("response_type", "code", "client_id", DemoSchool.CLIENT_ID,
                "redirect_uri", REDIRECT_URI, "state", state, "code_challenge", challenge(verifier),
                "code_challenge_method", "S256", "scope", "vkid.personal_info", "nonce", nonce));
        return new Authorization(uri, state, verifier, nonce);
    }

    /** Variant 1 with the emulator's driver: phone, password, SMS code, the profile, confirm; the callback query. */
    Map<String, String> loginWithProfile(Authorization authorization, SeededUser user) {
        VkIdLogin login = emulator.vkIdUsers().open(authorization.uri());
        assertEquals(Step.PASSWORD, login.enterPhone(user.phone()));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(emulator.vkIdUsers().lastSmsCode(user.phone())
                .orElseThrow()));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        return login.confirm();
    }

    /** The authorization-code grant's parameters for a callback. */
    static Map<String, String> codeGrant(Authorization authorization, Map<String, String> callback) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", callback.get("code"));
        params.put("code_verifier", authorization.verifier());
        params.put("client_id", DemoSchool.CLIENT_ID);
        params.put("device_id", callback.get("device_id"));
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", callback.get("state"));
        return params;
    }

    /** Exchanges a callback's code (form body) and returns the 200 answer. */
    JsonNode exchange(Authorization authorization, Map<String, String> callback) {
        return ok(post("/oauth2/auth", null, form(codeGrant(authorization, callback))));
    }

    /** A POST with a raw query (or none) and a raw form body. */
    HttpResponse<String> post(String path, String query, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** A POST of form pairs. */
    HttpResponse<String> postForm(String path, String... pairs) {
        return post(path, null, form(pairs));
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Checks a 200 JSON answer and parses it. */
    static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return Wire.parse(response.body());
    }

    /** Checks a 400 OAuth error answer and parses it. */
    static JsonNode error(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response::body);
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = Wire.parse(response.body());
        assertTrue(body.path("error").isTextual(), body::toString);
        assertTrue(body.path("error_description").isTextual(), body::toString);
        return body;
    }

    /** The query parameters of a redirect's {@code Location}. */
    static Map<String, String> redirectQuery(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response::body);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = new LinkedHashMap<>();
        UrlForm.decodeInto(location.getRawQuery(), query);
        return query;
    }

    /** The hidden flow id of a login page. */
    static String flowId(String page) {
        Element flowId = Jsoup.parse(page).selectFirst("form input[type=hidden][name=flow_id]");
        assertTrue(flowId != null, page);
        return flowId.attr("value");
    }

    /** POSTs a login page's form: the flow id, the pressed button and the fields. */
    HttpResponse<String> submit(String flowId, String action, String... fields) {
        String[] pairs = new String[fields.length + 4];
        pairs[0] = "flow_id";
        pairs[1] = flowId;
        System.arraycopy(fields, 0, pairs, 2, fields.length);
        pairs[pairs.length - 2] = "action";
        pairs[pairs.length - 1] = action;
        return postForm("/authorize", pairs);
    }

    static String form(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return form(map);
    }

    static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
