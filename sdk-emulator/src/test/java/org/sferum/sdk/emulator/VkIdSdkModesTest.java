package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The VK ID Web SDK's modes on the emulator (F-EMB-04, F-LINK-11, issue 9 item 3; docs/wire/vk-id.md, "The VK ID Web
 * SDK's modes"): with {@code origin} the last step posts the result to {@code window.opener}; the SDK's background
 * requests and {@code /method/*} answer CORS.
 */
class VkIdSdkModesTest extends VkIdTestBase {
    private static final String APP_ORIGIN = "https://school.example";
    private static final String REDIRECT_ORIGIN = "http://127.0.0.1:8765";

    /** The opener page's script, read by its three assignments. */
    private record Script(JsonNode message, String targetOrigin, String fallback) {
        static Script of(String page) {
            return new Script(Wire.parse(var(page, "message")), Wire.parse(var(page, "targetOrigin")).asText(),
                    Wire.parse(var(page, "fallback")).asText());
        }

        /** The value of {@code var NAME = …;} in the page's one script, which jsoup finds. */
        private static String var(String page, String name) {
            String prefix = "var " + name + " = ";
            for (String line : scriptOf(page).split("\n")) {
                String statement = line.strip();
                if (statement.startsWith(prefix) && statement.endsWith(";")) {
                    return statement.substring(prefix.length(), statement.length() - 1);
                }
            }
            throw new AssertionError(prefix + "… not in the script of " + page);
        }
    }

    /** The text of the page's one inline script, exactly as sent (what the CSP hash covers). */
    private static String scriptOf(String page) {
        Elements scripts = Jsoup.parse(page).select("script");
        assertEquals(1, scripts.size(), page);
        return scripts.first().data();
    }

    private URI withOrigin(URI authorize, String state) {
        String uri = authorize.toString();
        if (state != null) {
            uri = uri.replaceFirst("state=[^&]*", "state=" + VkIdWire.form("x", state).substring(2));
        }
        return URI.create(uri + "&origin=" + VkIdWire.form("x", APP_ORIGIN).substring(2));
    }

    /** Walks variant 1 up to «Проверьте данные» and returns the flow id. */
    private String loginUpToCheck(URI authorize, SeededUser user) {
        HttpResponse<String> phone = wire.get(authorize);
        assertEquals(200, phone.statusCode(), phone::body);
        String flow = VkIdWire.flowId(phone.body());
        wire.submit(flow, "phone", "phone", user.phone());
        wire.submit(flow, "password", "password", DemoSchool.PASSWORD);
        wire.submit(flow, "sms_code", "sms_code", code(user.phone()));
        assertEquals("Проверьте данные",
                Jsoup.parse(wire.submit(flow, "continue_in_profile").body()).selectFirst("h1").text());
        return flow;
    }

    @Test
    @DisplayName("F-EMB-04 F-LINK-11 with origin, «Подтвердить» answers a page posting the code to window.opener, addressed to the redirect URI's origin")
    void confirmPostsToOpener() {
        VkIdWire.Authorization authorization = wire.authorization();
        String flow = loginUpToCheck(withOrigin(authorization.uri(), null), school.teacher());
        HttpResponse<String> page = wire.submit(flow, "confirm");
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Script script = Script.of(page.body());
        assertEquals(OpenerPage.ACTION_PREFIX + authorization.state(), script.message().get("action").asText());
        JsonNode payload = script.message().get("payload");
        assertEquals(authorization.state(), payload.get("state").asText());
        assertEquals(600, payload.get("expires_in").asInt());
        assertEquals("code_v2", payload.get("type").asText());
        assertEquals(REDIRECT_ORIGIN, script.targetOrigin(), "never the origin parameter");
        assertTrue(scriptOf(page.body()).contains("window.opener.postMessage(message, targetOrigin)"));
        assertTrue(scriptOf(page.body()).contains("window.location.replace(fallback)"));

        Map<String, String> fallback = new java.util.LinkedHashMap<>();
        URI location = URI.create(script.fallback());
        UrlForm.decodeInto(location.getRawQuery(), fallback);
        assertEquals(VkIdWire.REDIRECT_URI, script.fallback().substring(0, script.fallback().indexOf('?')));
        assertEquals(payload.get("code").asText(), fallback.get("code"));
        assertEquals(payload.get("device_id").asText(), fallback.get("device_id"));

        Map<String, String> callback = Map.of("code", payload.get("code").asText(), "state",
                payload.get("state").asText(), "device_id", payload.get("device_id").asText());
        JsonNode tokens = wire.exchange(authorization, callback);
        assertEquals(school.teacher().id().value(), tokens.get("user_id").asLong(), "the posted code is a real one");
    }

    @Test
    @DisplayName("F-EMB-04 F-LINK-11 the opener page's CSP allows exactly its own inline script (by SHA-256) and nothing else")
    void openerPageCspAllowsExactlyItsScript() throws Exception {
        VkIdWire.Authorization authorization = wire.authorization();
        String flow = loginUpToCheck(withOrigin(authorization.uri(), null), school.teacher());
        HttpResponse<String> page = wire.submit(flow, "confirm");
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy, not the strict default plus another: " + policies);
        String policy = policies.get(0);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(scriptOf(page.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
        List<String> scriptSrc = new java.util.ArrayList<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+");
            if (parts[0].equals("script-src")) {
                scriptSrc.addAll(List.of(parts).subList(1, parts.length));
            }
        }
        assertEquals(List.of(hash), scriptSrc, "script-src names this script's hash and nothing else: " + policy);
        assertTrue(policy.startsWith(EmulatorHttpServer.CONTENT_SECURITY_POLICY), "the strict default stays: " + policy);
        HttpResponse<String> other = wire.get(wire.authorization().uri());
        assertEquals(List.of(EmulatorHttpServer.CONTENT_SECURITY_POLICY),
                other.headers().allValues("Content-Security-Policy"), "other pages keep the strict default");
    }

    @Test
    @DisplayName("F-EMB-04 F-LINK-11 with origin, «Отмена» posts {error: access_denied, state}")
    void cancelPostsAccessDenied() {
        VkIdWire.Authorization authorization = wire.authorization();
        String flow = loginUpToCheck(withOrigin(authorization.uri(), null), school.students().get(0));
        Script script = Script.of(wire.submit(flow, "cancel").body());
        assertEquals(Wire.parse("{\"error\":\"access_denied\",\"state\":\"" + authorization.state() + "\"}"),
                script.message().get("payload"));
        assertEquals(OpenerPage.ACTION_PREFIX + authorization.state(), script.message().get("action").asText());
        assertTrue(script.fallback().contains("error=access_denied"));
    }

    @Test
    @DisplayName("F-LINK-11 a state with markup cannot break out of the opener page's script")
    void stateIsEscapedInTheScript() {
        String state = "a</script><script>alert(1)</script>\u2028";
        VkIdWire.Authorization authorization = wire.authorization();
        String flow = loginUpToCheck(withOrigin(authorization.uri(), state), school.teacher());
        String page = wire.submit(flow, "confirm").body();
        assertFalse(page.contains("<script>alert"), page);
        assertEquals(1, Jsoup.parse(page).select("script").size(), "one script element only");
        assertEquals(state, Script.of(page).message().get("payload").get("state").asText());
    }

    @Test
    @DisplayName("F-LINK-11 without origin the last step still redirects")
    void withoutOriginRedirects() {
        VkIdWire.Authorization authorization = wire.authorization();
        String flow = loginUpToCheck(authorization.uri(), school.teacher());
        Map<String, String> callback = VkIdWire.redirectQuery(wire.submit(flow, "confirm"));
        assertEquals(authorization.state(), callback.get("state"));
    }

    private static void assertCors(HttpHeaders headers) {
        assertEquals(APP_ORIGIN, headers.firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", headers.firstValue("Access-Control-Allow-Credentials").orElse(null));
    }

    private HttpResponse<String> sdkPost(String path) {
        return wire.send(HttpRequest.newBuilder(URI.create(wire.base + path)).header("Origin", APP_ORIGIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("app_id=51000000&events=%5B%5D")).build());
    }

    private HttpResponse<String> preflight(String path) {
        return wire.send(HttpRequest.newBuilder(URI.create(wire.base + path)).header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    @DisplayName("F-EMB-04 the SDK's vkid_sdk_get_config and stat_events_vkid_sdk answer with credentialed CORS and preflights")
    void sdkBackgroundRequests() {
        HttpResponse<String> config = sdkPost("/vkid_sdk_get_config");
        assertEquals(Wire.parse("{\"response\":{\"active\":0}}"), VkIdWire.ok(config));
        assertCors(config.headers());
        HttpResponse<String> stats = sdkPost("/stat_events_vkid_sdk");
        assertEquals(Wire.parse("{\"response\":1}"), VkIdWire.ok(stats));
        assertCors(stats.headers());
        for (String path : new String[] {"/vkid_sdk_get_config", "/stat_events_vkid_sdk"}) {
            HttpResponse<String> pre = preflight(path);
            assertEquals(204, pre.statusCode());
            assertCors(pre.headers());
            assertEquals("content-type", pre.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        }
        assertEquals(405, wire.get(URI.create(wire.base + "/vkid_sdk_get_config")).statusCode());
        assertEquals(404, wire.get(URI.create(wire.base + "/vkid_sdk_get_configX")).statusCode());
    }

    @Test
    @DisplayName("F-EMB-04 /method/* answers CORS preflights and echoes Origin with credentials")
    void methodCors() {
        HttpResponse<String> pre = preflight("/method/statEvents.addVKID");
        assertEquals(204, pre.statusCode());
        assertCors(pre.headers());
        HttpResponse<String> answer = wire.send(HttpRequest.newBuilder(URI.create(wire.base + "/method/users.get"))
                .header("Origin", APP_ORIGIN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("v=5.199&access_token="
                        + school.teacher().token().secret())).build());
        assertCors(answer.headers());
        assertEquals(school.teacher().id().value(), Wire.json(answer).get("response").get(0).get("id").asLong());
    }
}
