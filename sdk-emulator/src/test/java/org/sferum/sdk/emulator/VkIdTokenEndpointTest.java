package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.emulator.VkIdWire.Authorization;

/**
 * VK ID's token endpoint and the other {@code /oauth2/*} endpoints over raw HTTP (F-LINK-11): the exchange with the
 * form body and with the query string, the ID token checked with Nimbus against the published JWKS, refresh with
 * rotation, logout, revoke, user_info, public_info, and every error row of docs/wire/vk-id.md.
 */
class VkIdTokenEndpointTest extends VkIdTestBase {

    private Map<String, String> grant(Authorization authorization, SeededUser user) {
        return VkIdWire.codeGrant(authorization, wire.loginWithProfile(authorization, user));
    }

    private JsonNode refuse(Map<String, String> params, String error, String reason) {
        JsonNode body = VkIdWire.error(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        assertEquals(error, body.get("error").asText(), body::toString);
        if (reason == null) {
            assertFalse(body.has("error_reason"), body::toString);
        } else {
            assertEquals(reason, body.path("error_reason").asText(), body::toString);
        }
        if (params.containsKey("state")) {
            assertEquals(params.get("state"), body.path("state").asText(), "the state is echoed");
        }
        for (String name : List.of("code", "code_verifier", "refresh_token", "device_id")) {
            String secret = params.get(name);
            if (secret != null && secret.length() > 8) {
                assertFalse(body.toString().contains(secret), () -> name + " echoed: " + body);
            }
        }
        return body;
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    private Map<String, String> refreshParams(String refreshToken, String deviceId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        params.put("client_id", DemoSchool.CLIENT_ID);
        params.put("device_id", deviceId);
        params.put("state", "refresh-state");
        return params;
    }

    private HttpResponse<String> userInfo(String accessToken) {
        return wire.postForm("/oauth2/user_info", "client_id", DemoSchool.CLIENT_ID, "access_token", accessToken);
    }

    @Test
    @DisplayName("F-LINK-11 the code exchange (form body) answers the tokens and an RS256 ID token that verifies against the JWKS")
    void exchangeAndIdToken() throws Exception {
        SeededUser teacher = school.teacher();
        Authorization authorization = wire.authorization();
        Map<String, String> params = grant(authorization, teacher);
        JsonNode tokens = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        EmulatorTestBase.assertFields(tokens, "access_token", "refresh_token", "id_token", "token_type",
                "expires_in", "user_id", "state", "scope");
        assertTrue(tokens.get("access_token").asText().startsWith("vk2.a."), tokens::toString);
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertEquals(3600, tokens.get("expires_in").asLong());
        assertEquals(teacher.id().value(), tokens.get("user_id").asLong());
        assertTrue(tokens.get("user_id").isIntegralNumber());
        assertEquals(authorization.state(), tokens.get("state").asText());
        assertEquals("vkid.personal_info", tokens.get("scope").asText());

        SignedJWT jwt = SignedJWT.parse(tokens.get("id_token").asText());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        JWKSet jwks = JWKSet.parse(VkIdWire.ok(wire.get(emulator.baseUri().resolve("/.well-known/jwks.json")))
                .toString());
        assertEquals(1, jwks.getKeys().size());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertFalse(key.isPrivate(), "only the public key is published");
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(emulator.baseUri().toString(), claims.getIssuer());
        assertEquals(List.of(DemoSchool.CLIENT_ID), claims.getAudience());
        JsonNode rawClaims = Wire.parse(new String(Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString()),
                java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(rawClaims.get("aud").isTextual(), "aud is a string: " + rawClaims);
        assertEquals(Long.toString(teacher.id().value()), claims.getSubject());
        assertEquals(authorization.nonce(), claims.getStringClaim("nonce"));
        assertEquals(START.getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond());
        assertEquals(START.getEpochSecond() + 3600, claims.getExpirationTime().toInstant().getEpochSecond());

        JsonNode me = new Wire(emulator).call(tokens.get("access_token").asText(), "users.get").get("response")
                .get(0);
        assertEquals(teacher.id().value(), me.get("id").asLong(), "the access token works on the VK API");
    }

    @Test
    @DisplayName("F-LINK-11 the exchange reads the query string and the form body alike (VK's web SDK puts all but code in the query)")
    void exchangeWithQueryString() {
        Map<String, String> params = grant(wire.authorization(), school.teacher());
        Map<String, String> query = with(params, "code", null);
        String body = VkIdWire.form("code", params.get("code"));
        JsonNode tokens = VkIdWire.ok(wire.post("/oauth2/auth", VkIdWire.form(query), body));
        assertEquals(school.teacher().id().value(), tokens.get("user_id").asLong());

        Map<String, String> other = grant(wire.authorization(), school.students().get(0));
        String wrongInQuery = VkIdWire.form(with(other, "client_id", "42"));
        JsonNode bodyWins = VkIdWire.ok(wire.post("/oauth2/auth", wrongInQuery,
                VkIdWire.form("client_id", DemoSchool.CLIENT_ID)));
        assertEquals(school.students().get(0).id().value(), bodyWins.get("user_id").asLong(), "the body wins");
    }

    @Test
    @DisplayName("F-LINK-11 a refresh answers new tokens without an ID token and rotates the refresh token")
    void refresh() {
        Map<String, String> params = grant(wire.authorization(), school.teacher());
        JsonNode first = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        Map<String, String> refresh = refreshParams(first.get("refresh_token").asText(), params.get("device_id"));
        JsonNode second = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(refresh)));
        EmulatorTestBase.assertFields(second, "access_token", "refresh_token", "token_type", "expires_in", "user_id",
                "state", "scope");
        assertEquals("refresh-state", second.get("state").asText());
        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText());
        assertEquals(200, userInfo(second.get("access_token").asText()).statusCode());
        refuse(refreshParams("vk2.a.unknown-token-000000000", params.get("device_id")), "invalid_grant",
                "refresh_token_unknown");

        clock.advance(Duration.ofDays(61));
        refuse(refreshParams(second.get("refresh_token").asText(), params.get("device_id")), "invalid_grant",
                "refresh_token_expired");
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 4: a rotated refresh token replayed revokes the whole grant (RFC 9700 §4.14.2)")
    void refreshReuseRevokesTheFamily() {
        Map<String, String> params = grant(wire.authorization(), school.teacher());
        JsonNode first = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        Map<String, String> refresh = refreshParams(first.get("refresh_token").asText(), params.get("device_id"));
        JsonNode second = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(refresh)));
        String access = second.get("access_token").asText();
        assertEquals(200, userInfo(access).statusCode());

        refuse(refresh, "invalid_grant", "refresh_token_revoked");
        assertEquals("invalid_token", VkIdWire.error(userInfo(access)).get("error").asText(),
                "the newest access token of the grant is revoked too");
        assertEquals(5, new Wire(emulator).call(access, "users.get").get("error").get("error_code").asInt(),
                "the VK API refuses it too");
        refuse(refreshParams(second.get("refresh_token").asText(), params.get("device_id")), "invalid_grant",
                "refresh_token_revoked");
    }

    @Test
    @DisplayName("F-LINK-11 user_info shows the educational profile only, with the phone masked; public_info checks the ID token")
    void userInfoAndPublicInfo() {
        SeededUser teacher = school.teacher();
        Authorization authorization = wire.authorization();
        JsonNode tokens = wire.exchange(authorization, wire.loginWithProfile(authorization, teacher));
        JsonNode user = VkIdWire.ok(userInfo(tokens.get("access_token").asText())).get("user");
        EmulatorTestBase.assertFields(user, "user_id", "first_name", "last_name", "phone", "avatar", "sex",
                "birthday", "verified");
        assertEquals(Long.toString(teacher.id().value()), user.get("user_id").asText());
        assertEquals("Анна", user.get("first_name").asText());
        assertEquals("Смирнова", user.get("last_name").asText());
        assertEquals("+7 *** ***-**-01", user.get("phone").asText());
        assertFalse(user.get("verified").asBoolean());

        JsonNode publicInfo = VkIdWire.ok(wire.postForm("/oauth2/public_info", "client_id", DemoSchool.CLIENT_ID,
                "id_token", tokens.get("id_token").asText())).get("user");
        EmulatorTestBase.assertFields(publicInfo, "user_id", "first_name", "last_name", "avatar");
        assertEquals(Long.toString(teacher.id().value()), publicInfo.get("user_id").asText());
        assertEquals("С.", publicInfo.get("last_name").asText());

        for (String[] bad : List.of(new String[] {"42", tokens.get("id_token").asText()},
                new String[] {DemoSchool.CLIENT_ID, "not.a.jwt"},
                new String[] {DemoSchool.CLIENT_ID, tokens.get("id_token").asText() + "x"})) {
            JsonNode error = VkIdWire.error(wire.postForm("/oauth2/public_info", "client_id", bad[0],
                    "id_token", bad[1]));
            assertEquals("invalid_id_token", error.get("error").asText());
        }
        clock.advance(Duration.ofHours(2));
        assertEquals("invalid_id_token", VkIdWire.error(wire.postForm("/oauth2/public_info", "client_id",
                DemoSchool.CLIENT_ID, "id_token", tokens.get("id_token").asText())).get("error").asText(),
                "an expired ID token");
        assertEquals("invalid_token", VkIdWire.error(userInfo(tokens.get("access_token").asText()))
                .get("error").asText(), "the access token lives one hour");
    }

    @Test
    @DisplayName("F-LINK-07 F-LINK-11 logout ends the access token; revoke ends it and the grant's refresh tokens")
    void logoutAndRevoke() {
        Map<String, String> params = grant(wire.authorization(), school.teacher());
        JsonNode tokens = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        String access = tokens.get("access_token").asText();
        JsonNode done = VkIdWire.ok(wire.postForm("/oauth2/logout", "client_id", DemoSchool.CLIENT_ID,
                "access_token", access));
        assertEquals(1, done.get("response").asInt());
        assertEquals("invalid_token", VkIdWire.error(userInfo(access)).get("error").asText());
        assertEquals("invalid_token", VkIdWire.error(wire.postForm("/oauth2/logout", "client_id",
                DemoSchool.CLIENT_ID, "access_token", access)).get("error").asText());

        JsonNode refreshed = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(
                refreshParams(tokens.get("refresh_token").asText(), params.get("device_id")))));
        String access2 = refreshed.get("access_token").asText();
        assertEquals(1, VkIdWire.ok(wire.post("/oauth2/revoke", VkIdWire.form("client_id", DemoSchool.CLIENT_ID),
                VkIdWire.form("access_token", access2))).get("response").asInt());
        assertEquals("invalid_token", VkIdWire.error(userInfo(access2)).get("error").asText());
        refuse(refreshParams(refreshed.get("refresh_token").asText(), params.get("device_id")), "invalid_grant",
                "refresh_token_revoked");
        assertEquals(5, new Wire(emulator).call(access2, "users.get").get("error").get("error_code").asInt(),
                "the VK API refuses it too");
        assertEquals("invalid_token", VkIdWire.error(wire.postForm("/oauth2/revoke", "client_id",
                DemoSchool.CLIENT_ID, "access_token", "vk2.a.nope")).get("error").asText());
    }

    @Test
    @DisplayName("F-LINK-11 each error row of the token endpoint: error, error_reason, HTTP 400, the state echoed, no secret echoed")
    void errorRows() {
        Authorization authorization = wire.authorization();
        Map<String, String> params = grant(authorization, school.teacher());
        refuse(with(params, "code_verifier", null), "invalid_request", "missing_parameter");
        refuse(with(params, "grant_type", null), "invalid_request", "missing_parameter");
        refuse(with(params, "grant_type", "password"), "unsupported_grant_type", "unsupported_grant_type");
        refuse(with(params, "client_id", "42"), "invalid_client", "unknown_client");
        refuse(with(params, "code", "not-a-code-000000000000"), "invalid_grant", "code_unknown");
        refuse(with(params, "code_verifier", VkIdWire.random(32)), "invalid_grant", "code_verifier_mismatch");
        refuse(with(params, "redirect_uri", "http://127.0.0.1:8765/other"), "invalid_grant", "redirect_uri_mismatch");
        refuse(with(params, "device_id", "another-device-0000000"), "invalid_grant", "device_id_mismatch");

        JsonNode tokens = VkIdWire.ok(wire.post("/oauth2/auth", null, VkIdWire.form(params)));
        refuse(params, "invalid_grant", "code_used");
        assertEquals("invalid_token", VkIdWire.error(userInfo(tokens.get("access_token").asText()))
                .get("error").asText(), "a replayed code revokes the tokens it gave");

        Map<String, String> late = grant(wire.authorization(), school.students().get(0));
        clock.advance(Duration.ofSeconds(601));
        refuse(late, "invalid_grant", "code_expired");
    }

    @Test
    @DisplayName("the other endpoints need their parameters; unknown paths, GET and malformed bodies are refused in JSON")
    void malformedRequests() {
        assertEquals("missing_parameter", VkIdWire.error(wire.postForm("/oauth2/user_info", "client_id",
                DemoSchool.CLIENT_ID)).get("error_reason").asText());
        assertEquals("missing_parameter", VkIdWire.error(wire.postForm("/oauth2/logout", "access_token", "x"))
                .get("error_reason").asText());
        HttpResponse<String> unknown = wire.postForm("/oauth2/nope", "client_id", DemoSchool.CLIENT_ID);
        assertEquals(404, unknown.statusCode());
        assertEquals("invalid_request", Wire.parse(unknown.body()).get("error").asText());
        HttpResponse<String> get = wire.get(URI.create(emulator.baseUri() + "/oauth2/auth?grant_type=x"));
        assertEquals(405, get.statusCode());
        assertEquals("POST, OPTIONS", get.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> badEscape = wire.post("/oauth2/auth", null, "grant_type=%zz");
        assertEquals("invalid_request", VkIdWire.error(badEscape).get("error").asText());
    }
}
