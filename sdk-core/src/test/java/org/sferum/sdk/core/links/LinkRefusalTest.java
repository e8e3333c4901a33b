package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.users.Role;

/**
 * Every refusal of {@code docs/wire/vk-id.md}: each one writes neither a link nor tokens, and tokens issued
 * before the refusal are revoked (F-LINK-11).
 */
class LinkRefusalTest extends LinkingFixture {

    /** Completes a fresh linking and expects a code; nothing may be written. */
    private SferumException completeRefused(ErrorCode code) {
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        SferumException e = refused(code, () -> links().complete(callback));
        assertNothingWritten(ACCOUNT);
        return e;
    }

    /** An ID-token refusal: the exchange happened, nothing was written, and the new tokens were revoked. */
    private void idTokenRefused(ErrorCode code) {
        SferumException e = completeRefused(code);
        assertInstanceOf(AuthenticationException.class, e);
        assertEquals(1, vkId.to("/oauth2/auth").size());
        assertTrue(vkId.to("/method/users.get").isEmpty(), "the profile is not read with a refused token");
        assertEquals(1, vkId.revoked.size(), "the tokens of the refused exchange are revoked");
        assertTrue(e.requestId().isPresent(), "the exchange's request id is carried");
    }

    private void claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        vkId.claims = change;
    }

    @Test
    @DisplayName("F-LINK-11 a replayed, expired or unknown code is AUTHORIZATION_CODE_INVALID (error_reason)")
    void codeInvalid() {
        for (String reason : List.of("code_used", "code_expired", "code_unknown", "device_id_mismatch")) {
            vkId.once("/oauth2/auth", (r, p) -> FakeVkId.oauthError("invalid_grant", reason,
                    "code=" + p.get("code") + " " + reason));
            SferumException e = completeRefused(ErrorCode.AUTHORIZATION_CODE_INVALID);
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(400, "{\"error\":\"invalid_grant\"}"));
        completeRefused(ErrorCode.AUTHORIZATION_CODE_INVALID);
        assertTrue(vkId.revoked.isEmpty());
    }

    @Test
    @DisplayName("F-LINK-11 the fake's own replay check: the same code sent twice is refused the second time")
    void codeReplayedAtVkId() {
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        LinkStart again = links().start(ACCOUNT, Role.TEACHER);
        links().complete(callback);
        links().unlink(ACCOUNT, true);
        Map<String, String> replay = new LinkedHashMap<>(callback);
        replay.put("state", again.state());
        SferumException e = refused(ErrorCode.AUTHORIZATION_CODE_INVALID, () -> links().complete(replay));
        assertTrue(e.getMessage().contains("code_used"), e.getMessage());
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 the other /oauth2/auth errors: missing parameter, unknown client")
    void otherExchangeErrors() {
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.oauthError("invalid_request", "missing_parameter", "x"));
        assertInstanceOf(ValidationException.class, completeRefused(ErrorCode.INVALID_ARGUMENT));
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.oauthError("invalid_client", "unknown_client", "x"));
        completeRefused(ErrorCode.INVALID_ARGUMENT);
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(503, "busy"));
        completeRefused(ErrorCode.SERVICE_UNAVAILABLE);
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(200, "<html>"));
        completeRefused(ErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    @DisplayName("F-LINK-11 an unknown state is STATE_MISMATCH and nothing is sent")
    void unknownState() {
        Map<String, String> callback = new LinkedHashMap<>(callback(ACCOUNT, Role.TEACHER));
        callback.put("state", "x".repeat(43));
        refused(ErrorCode.STATE_MISMATCH, () -> links().complete(callback));
        callback.remove("state");
        refused(ErrorCode.STATE_MISMATCH, () -> links().complete(callback));
        assertTrue(vkId.to("/oauth2/auth").isEmpty());
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 a replayed callback (second complete of the same callback) is STATE_MISMATCH and"
            + " writes nothing")
    void replayedCallback() {
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        Link first = links().complete(callback);
        var tokens = tokenStore.get(ACCOUNT).orElseThrow();
        int sent = vkId.requests.size();

        refused(ErrorCode.STATE_MISMATCH, () -> links().complete(callback));

        assertEquals(sent, vkId.requests.size(), "nothing is sent");
        assertEquals(first, linkStore.findByAccount(ACCOUNT).orElseThrow());
        assertEquals(tokens, tokenStore.get(ACCOUNT).orElseThrow());
    }

    @Test
    @DisplayName("F-LINK-11 a replayed callback after a refusal is STATE_MISMATCH too: a state is used once")
    void stateUsedOnceEvenWhenRefused() {
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(503, "busy"));
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        refused(ErrorCode.SERVICE_UNAVAILABLE, () -> links().complete(callback));
        refused(ErrorCode.STATE_MISMATCH, () -> links().complete(callback));
        assertEquals(1, vkId.to("/oauth2/auth").size());
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 a linking older than 10 minutes is STATE_MISMATCH; at 10 minutes it still completes")
    void pendingExpires() {
        Map<String, String> late = callback(ACCOUNT, Role.TEACHER);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        refused(ErrorCode.STATE_MISMATCH, () -> links().complete(late));
        assertTrue(vkId.to("/oauth2/auth").isEmpty());
        assertNothingWritten(ACCOUNT);

        Map<String, String> inTime = callback(ACCOUNT, Role.TEACHER);
        clock.advance(Duration.ofMinutes(10));
        links().complete(inTime);
    }

    @Test
    @DisplayName("F-LINK-11 an answer that does not echo the state is STATE_MISMATCH")
    void stateNotEchoed() {
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(200, "{\"access_token\":\"vk2.a.T\",\"refresh_token\":"
                + "\"vk2.a.R\",\"id_token\":\"a.b.c\",\"expires_in\":3600,\"user_id\":100001,\"state\":\"other\"}"));
        completeRefused(ErrorCode.STATE_MISMATCH);
    }

    @Test
    @DisplayName("F-LINK-11 a callback with error=access_denied is ACCESS_DENIED, and its linking is dropped")
    void accessDenied() {
        LinkStart start = links().start(ACCOUNT, Role.TEACHER);
        Map<String, String> cancel = Map.of("error", "access_denied", "error_description", "User denied",
                "state", start.state());
        SferumException e = refused(ErrorCode.ACCESS_DENIED, () -> links().complete(cancel));
        assertInstanceOf(AuthenticationException.class, e);
        assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
        assertTrue(linkStore.takePending(start.state()).isEmpty(), "the pending linking is gone");
        refused(ErrorCode.INVALID_ARGUMENT, () -> links().complete(Map.of("error", "invalid_request")));
        refused(ErrorCode.ACCESS_DENIED, () -> links().complete(Map.of("error", "<script>")));
        assertTrue(vkId.requests.isEmpty());
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 a callback without code or device_id is INVALID_ARGUMENT")
    void incompleteCallback() {
        for (String missing : List.of("code", "device_id")) {
            Map<String, String> callback = new LinkedHashMap<>(callback(ACCOUNT, Role.TEACHER));
            callback.remove(missing);
            SferumException e = refused(ErrorCode.INVALID_ARGUMENT, () -> links().complete(callback));
            assertTrue(e.getMessage().contains(missing), e.getMessage());
        }
        assertTrue(vkId.requests.isEmpty());
    }

    @Test
    @DisplayName("F-LINK-11 a verifier that does not match the challenge is PKCE_MISMATCH")
    void pkceMismatch() {
        LinkStart start = links().start(ACCOUNT, Role.TEACHER);
        String other = Secrets.challenge("another-verifier-another-verifier-another-verifier");
        URI tampered = URI.create(start.authorizationUri().toString().replaceAll("code_challenge=[^&]+",
                "code_challenge=" + other));
        Map<String, String> callback = vkId.authorize(tampered);
        refused(ErrorCode.PKCE_MISMATCH, () -> links().complete(callback));
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 a code issued for another redirect URI is REDIRECT_URI_MISMATCH")
    void redirectMismatch() {
        LinkStart start = links().start(ACCOUNT, Role.TEACHER);
        URI tampered = URI.create(start.authorizationUri().toString().replace("sferum%2Fcallback", "evil"));
        Map<String, String> callback = vkId.authorize(tampered);
        refused(ErrorCode.REDIRECT_URI_MISMATCH, () -> links().complete(callback));
        assertNothingWritten(ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-11 an ID token signed by another key is ID_TOKEN_SIGNATURE_INVALID")
    void badSignature() {
        RSAKey attacker = FakeVkId.newKey("emulator-1");
        vkId.signer = set -> FakeVkId.sign(set, attacker);
        idTokenRefused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
        assertEquals(1, vkId.jwksFetches.get(), "the kid is known: the set is not fetched again");
    }

    @Test
    @DisplayName("F-LINK-11 an ID token naming a key VK ID does not publish is ID_TOKEN_SIGNATURE_INVALID, after"
            + " fetching the set once more; more such tokens within the rate limit's interval fetch nothing")
    void unknownKey() {
        link(OTHER, Role.TEACHER);
        assertEquals(1, vkId.jwksFetches.get());
        vkId.userId = FakeVkId.USER + 1;
        RSAKey stranger = FakeVkId.newKey("stranger");
        vkId.signer = set -> FakeVkId.sign(set, stranger);
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        refused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID, () -> links().complete(callback));
        assertTrue(linkStore.findByAccount(ACCOUNT).isEmpty() && tokenStore.get(ACCOUNT).isEmpty());
        assertEquals(2, vkId.jwksFetches.get(), "the kept set is fetched once more for the unknown kid");
        refused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID, () -> links().complete(callback(ACCOUNT, Role.TEACHER)));
        refused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID, () -> links().complete(callback(ACCOUNT, Role.TEACHER)));
        assertEquals(2, vkId.jwksFetches.get(), "two fetches per 30 s at most (Nimbus's rate limit), however many"
                + " tokens name unknown keys");
    }

    @Test
    @DisplayName("F-LINK-11 a tampered payload fails the signature")
    void tamperedPayload() {
        Function<JWTClaimsSet, String> honest = vkId.signer;
        vkId.signer = set -> {
            String[] parts = honest.apply(set).split("\\.");
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    set.toString().replace("100001", "100002").getBytes(StandardCharsets.UTF_8));
            return parts[0] + "." + forged + "." + parts[2];
        };
        idTokenRefused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("F-LINK-11 an unsigned ID token (alg none) is ID_TOKEN_ALGORITHM_NOT_ALLOWED")
    void algNone() {
        vkId.signer = set -> new PlainJWT(set).serialize();
        idTokenRefused(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED);
        assertEquals(0, vkId.jwksFetches.get(), "the algorithm is checked before any key is looked up");
    }

    @Test
    @DisplayName("F-LINK-11 an HMAC ID token keyed with the RSA public key's bytes is ID_TOKEN_ALGORITHM_NOT_ALLOWED")
    void hmacWithPublicKey() throws JOSEException {
        byte[] publicKeyBytes = vkId.key.toRSAPublicKey().getEncoded();
        MACSigner mac = new MACSigner(publicKeyBytes);
        vkId.signer = set -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(vkId.key.getKeyID()).build(), set);
                jwt.sign(mac);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        };
        SferumException e = completeRefused(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED);
        assertTrue(e.getMessage().contains("HMAC") && e.getMessage().contains("HS256"), e.getMessage());
    }

    @Test
    @DisplayName("F-LINK-11 an RS384 or encrypted ID token is refused too: only RS256")
    void otherAlgorithms() {
        vkId.signer = set -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384)
                        .keyID(vkId.key.getKeyID()).build(), set);
                jwt.sign(new RSASSASigner(vkId.key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        };
        idTokenRefused(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    @DisplayName("F-LINK-11 a malformed ID token is ID_TOKEN_INVALID")
    void malformed() {
        vkId.signer = set -> "not-a-jwt";
        idTokenRefused(ErrorCode.ID_TOKEN_INVALID);
    }

    @Test
    @DisplayName("F-LINK-11 another issuer is ID_TOKEN_ISSUER_MISMATCH")
    void wrongIssuer() {
        claims(b -> b.issuer("https://evil.example"));
        idTokenRefused(ErrorCode.ID_TOKEN_ISSUER_MISMATCH);
    }

    @Test
    @DisplayName("F-LINK-11 another audience is ID_TOKEN_AUDIENCE_MISMATCH")
    void wrongAudience() {
        claims(b -> b.audience("52000000"));
        idTokenRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    @DisplayName("F-LINK-11 a token expired more than 60 s ago is ID_TOKEN_EXPIRED; 59 s is within the skew")
    void expired() {
        long now = START.getEpochSecond();
        claims(b -> b.expirationTime(new Date((now - 61) * 1000)));
        idTokenRefused(ErrorCode.ID_TOKEN_EXPIRED);
        claims(b -> b.expirationTime(null));
        completeRefused(ErrorCode.ID_TOKEN_INVALID);
        claims(b -> b.expirationTime(new Date((now - 59) * 1000)));
        link(ACCOUNT, Role.TEACHER);
    }

    @Test
    @DisplayName("F-LINK-11 another nonce is NONCE_MISMATCH; a missing one too")
    void wrongNonce() {
        claims(b -> b.claim("nonce", "x".repeat(43)));
        idTokenRefused(ErrorCode.NONCE_MISMATCH);
        claims(b -> b.claim("nonce", null));
        completeRefused(ErrorCode.NONCE_MISMATCH);
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 9: an extra audience without azp, or with azp naming another client, is ID_TOKEN_AUDIENCE_MISMATCH")
    void extraAudienceNeedsAzp() {
        claims(b -> b.audience(java.util.List.of(FakeVkId.CLIENT_ID, "52000000")));
        idTokenRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
        vkId.revoked.clear();
        vkId.requests.clear();
        claims(b -> b.audience(java.util.List.of(FakeVkId.CLIENT_ID, "52000000")).claim("azp", "52000000"));
        idTokenRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
        vkId.revoked.clear();
        vkId.requests.clear();
        claims(b -> b.claim("azp", "52000000"));
        idTokenRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
        claims(b -> b.audience(java.util.List.of(FakeVkId.CLIENT_ID, "52000000")).claim("azp", FakeVkId.CLIENT_ID));
        link(ACCOUNT, Role.TEACHER);
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 9: an iat or nbf more than 60 s in the future is ID_TOKEN_INVALID; 59 s is within the skew")
    void issuedInTheFuture() {
        long now = START.getEpochSecond();
        claims(b -> b.issueTime(new Date((now + 61) * 1000)));
        idTokenRefused(ErrorCode.ID_TOKEN_INVALID);
        vkId.revoked.clear();
        vkId.requests.clear();
        claims(b -> b.notBeforeTime(new Date((now + 3600) * 1000)));
        idTokenRefused(ErrorCode.ID_TOKEN_INVALID);
        claims(b -> b.issueTime(new Date((now + 59) * 1000)).notBeforeTime(new Date((now + 59) * 1000)));
        link(ACCOUNT, Role.TEACHER);
    }

    @Test
    @DisplayName("F-LINK-11 a sub other than the exchange's user_id is ID_TOKEN_INVALID")
    void subMismatch() {
        claims(b -> b.subject("100002"));
        idTokenRefused(ErrorCode.ID_TOKEN_INVALID);
    }

    @Test
    @DisplayName("F-LINK-11 the checks run in the contract's order: algorithm, signature, iss, aud, exp, nonce, sub")
    void order() {
        long now = START.getEpochSecond();
        UnaryOperator<JWTClaimsSet.Builder> allWrong = b -> b.issuer("x").audience("y").subject("1")
                .expirationTime(new Date((now - 3600) * 1000)).claim("nonce", "z");
        claims(allWrong);
        vkId.signer = set -> new PlainJWT(set).serialize();
        completeRefused(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED);
        RSAKey attacker = FakeVkId.newKey("emulator-1");
        vkId.signer = set -> FakeVkId.sign(set, attacker);
        completeRefused(ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
        vkId.signer = vkId::rs256;
        completeRefused(ErrorCode.ID_TOKEN_ISSUER_MISMATCH);
        claims(b -> allWrong.apply(b).issuer(FakeVkId.ISSUER));
        completeRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
        claims(b -> allWrong.apply(b).issuer(FakeVkId.ISSUER).audience(FakeVkId.CLIENT_ID));
        completeRefused(ErrorCode.ID_TOKEN_EXPIRED);
        claims(b -> allWrong.apply(b).issuer(FakeVkId.ISSUER).audience(FakeVkId.CLIENT_ID)
                .expirationTime(new Date((now + 60) * 1000)));
        completeRefused(ErrorCode.NONCE_MISMATCH);
    }

    @Test
    @DisplayName("F-LINK-11 without keys, VK ID's public_info refuses a bad token (ID_TOKEN_INVALID) and the local"
            + " checks still run")
    void publicInfoRefuses() {
        useClient(builder().idTokenKeys(IdTokenKeys.none()).build());
        RSAKey attacker = FakeVkId.newKey("emulator-1");
        vkId.signer = set -> FakeVkId.sign(set, attacker);
        idTokenRefused(ErrorCode.ID_TOKEN_INVALID);
        assertEquals(1, vkId.to("/oauth2/public_info").size());

        vkId.signer = vkId::rs256;
        vkId.once("/oauth2/public_info", (r, p) -> FakeVkId.json(200, "{\"user\":{\"user_id\":100002}}"));
        completeRefused(ErrorCode.ID_TOKEN_INVALID);

        claims(b -> b.claim("nonce", "x".repeat(43)));
        completeRefused(ErrorCode.NONCE_MISMATCH);
        assertEquals(0, vkId.jwksFetches.get());
    }

    @Test
    @DisplayName("F-LINK-11 an ID token refusal says why without quoting the token")
    void refusalMessages() {
        claims(b -> b.audience("52000000"));
        SferumException e = completeRefused(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
        for (String secret : vkId.secrets) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }
}
