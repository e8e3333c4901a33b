package org.sferum.sdk.testkit.engine.vkid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;

class VkIdTokensTest {
    private final VkIdFixture f = new VkIdFixture();
    private final SeededUser teacher = f.school.teacher();
    private final List<String> secrets = new ArrayList<>();
    private final List<SferumException> refusals = new ArrayList<>();

    private <T extends SferumException> T refused(Class<T> type, ErrorCode code, GrantError cause, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(Optional.ofNullable(cause), GrantError.of(e), e.getMessage());
        if (cause != null) {
            assertEquals(cause.code(), e.code());
        }
        refusals.add(e);
        return e;
    }

    /** A linking walked up to the redirect, its secrets remembered. */
    private final class Linking {
        final VkIdFixture.Start start;
        final Map<String, String> redirect;

        Linking(String redirectUri) {
            start = new VkIdFixture.Start(redirectUri);
            redirect = f.variantOne(start, teacher.phone());
            secrets.add(redirect.get("code"));
            secrets.add(start.verifier);
            secrets.add(f.code(teacher.phone()));
        }

        Linking() {
            this(DemoSchool.REDIRECT_URI);
        }

        TokenGrant exchange() {
            return remember(f.exchange(start, redirect));
        }

        TokenGrant exchange(String clientId, String verifier, String redirectUri, String deviceId) {
            return remember(f.vkId.exchangeCode(clientId, redirect.get("code"), verifier, redirectUri, deviceId));
        }
    }

    private TokenGrant remember(TokenGrant grant) {
        secrets.add(grant.accessToken());
        secrets.add(grant.refreshToken());
        return grant;
    }

    private void assertNoSecretsInMessages() {
        assertFalse(refusals.isEmpty());
        for (SferumException e : refusals) {
            for (String secret : secrets) {
                assertFalse(e.getMessage().contains(secret), e.getMessage());
            }
            assertFalse(e.getMessage().contains(teacher.phone()), e.getMessage());
        }
    }

    @Test
    @DisplayName("F-LINK-11 a replayed authorization code is refused and revokes the tokens first issued for it")
    void codeReplay() {
        Linking linking = new Linking();
        TokenGrant first = linking.exchange();
        TokenGrant refreshed = remember(f.vkId.refresh(DemoSchool.CLIENT_ID, first.refreshToken(),
                linking.redirect.get("device_id")));
        assertEquals(teacher.id(), f.engine.users().authenticate(first.accessToken()));

        refused(AuthenticationException.class, ErrorCode.AUTHORIZATION_CODE_INVALID, GrantError.CODE_USED,
                linking::exchange);

        for (String access : List.of(first.accessToken(), refreshed.accessToken())) {
            refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, null,
                    () -> f.engine.users().authenticate(access));
            refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, GrantError.INVALID_TOKEN,
                    () -> f.vkId.userInfo(access));
        }
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_REVOKED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, refreshed.refreshToken(), linking.redirect.get("device_id")));
        assertEquals(teacher.id(), f.engine.users().authenticate(teacher.token().secret()), "other tokens are untouched");
        refused(AuthenticationException.class, ErrorCode.AUTHORIZATION_CODE_INVALID, GrantError.CODE_UNKNOWN,
                () -> f.vkId.exchangeCode(DemoSchool.CLIENT_ID, "no-such-code", linking.start.verifier,
                        DemoSchool.REDIRECT_URI, linking.redirect.get("device_id")));
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 a code exchanged from many threads at once gives tokens once")
    void concurrentExchange() throws Exception {
        Linking linking = new Linking();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        f.exchange(linking.start, linking.redirect);
                        return true;
                    } catch (AuthenticationException e) {
                        assertEquals(Optional.of(GrantError.CODE_USED), GrantError.of(e));
                        return false;
                    }
                }));
            }
            go.countDown();
            int successes = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                successes += result.get() ? 1 : 0;
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("F-LINK-11 a code verifier that does not match the S256 challenge is PKCE_MISMATCH")
    void pkceMismatch() {
        Linking linking = new Linking();
        String device = linking.redirect.get("device_id");
        refused(AuthenticationException.class, ErrorCode.PKCE_MISMATCH, GrantError.CODE_VERIFIER_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, RandomSecrets.random(32), DemoSchool.REDIRECT_URI, device));
        refused(AuthenticationException.class, ErrorCode.PKCE_MISMATCH, GrantError.CODE_VERIFIER_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, "short", DemoSchool.REDIRECT_URI, device));
        refused(AuthenticationException.class, ErrorCode.PKCE_MISMATCH, GrantError.CODE_VERIFIER_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, RandomSecrets.sha256(linking.start.verifier),
                        DemoSchool.REDIRECT_URI, device));
        assertEquals(teacher.id(), linking.exchange().user(), "a refused exchange does not use the code up");
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 the exchange's redirect URI, device id and client must be the authorization's")
    void bindings() {
        f.vkId.registerClient("52000000", List.of(URI.create("https://journal.example/sferum/callback")));
        Linking linking = new Linking();
        String device = linking.redirect.get("device_id");
        String verifier = linking.start.verifier;
        refused(AuthenticationException.class, ErrorCode.REDIRECT_URI_MISMATCH, GrantError.REDIRECT_URI_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, verifier, "http://127.0.0.1/other", device));
        refused(AuthenticationException.class, ErrorCode.REDIRECT_URI_MISMATCH, GrantError.REDIRECT_URI_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, verifier, "http://127.0.0.1:9000/sferum/callback", device));
        refused(AuthenticationException.class, ErrorCode.AUTHORIZATION_CODE_INVALID, GrantError.DEVICE_ID_MISMATCH,
                () -> linking.exchange(DemoSchool.CLIENT_ID, verifier, DemoSchool.REDIRECT_URI, "another-device"));
        refused(AuthenticationException.class, ErrorCode.AUTHORIZATION_CODE_INVALID, GrantError.CLIENT_MISMATCH,
                () -> linking.exchange("52000000", verifier, DemoSchool.REDIRECT_URI, device));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, GrantError.UNKNOWN_CLIENT,
                () -> linking.exchange("99999999", verifier, DemoSchool.REDIRECT_URI, device));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, GrantError.MISSING_PARAMETER,
                () -> linking.exchange(DemoSchool.CLIENT_ID, verifier, DemoSchool.REDIRECT_URI, " "));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, GrantError.MISSING_PARAMETER,
                () -> linking.exchange(DemoSchool.CLIENT_ID, null, DemoSchool.REDIRECT_URI, device));
        assertEquals(teacher.id(), linking.exchange().user());
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 redirect URIs match exactly, except that a loopback host ignores the port")
    void redirectUris() {
        Linking loopback = new Linking("http://127.0.0.1:51234/sferum/callback");
        assertEquals(teacher.id(), loopback.exchange().user(), "any port on the loopback host");

        f.vkId.registerClient("52000000", List.of(URI.create("https://journal.example/sferum/callback"),
                URI.create("http://localhost/cb"), URI.create("http://[::1]/cb")));
        authorizes("52000000", "https://journal.example/sferum/callback");
        authorizes("52000000", "http://localhost:8080/cb");
        authorizes("52000000", "http://[::1]:8080/cb");
        for (String bad : new String[] {"https://journal.example:8443/sferum/callback",
                "https://journal.example/sferum/callback/", "https://journal.example/sferum/callback?x=1",
                "http://journal.example/sferum/callback", "https://evil.example/sferum/callback",
                "http://localhost:8080/cb2", "http://127.0.0.1:8080/cb", "not a uri"}) {
            SferumException e = refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                    GrantError.REDIRECT_URI_NOT_REGISTERED, () -> authorizes("52000000", bad));
            assertTrue(GrantError.of(e).orElseThrow().shownAsPage(), "shown as a page, never redirected");
        }
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, GrantError.REDIRECT_URI_NOT_REGISTERED,
                () -> authorizes(DemoSchool.CLIENT_ID, "https://127.0.0.1/sferum/callback"));
        SferumException unknown = refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                GrantError.UNKNOWN_CLIENT, () -> authorizes("99999999", DemoSchool.REDIRECT_URI));
        assertTrue(GrantError.of(unknown).orElseThrow().shownAsPage());
    }

    @Test
    @DisplayName("F-LINK-11 /authorize needs a state and an S256 challenge; plain is refused and redirected as invalid_request")
    void authorizeParameters() {
        String challenge = RandomSecrets.sha256("v".repeat(43));
        assertAuthorizeRefused(GrantError.MISSING_PARAMETER, null, challenge, "S256");
        assertAuthorizeRefused(GrantError.MISSING_PARAMETER, "state", null, "S256");
        assertAuthorizeRefused(GrantError.MISSING_PARAMETER, "state", challenge, null);
        assertAuthorizeRefused(GrantError.INVALID_PARAMETER, "state", challenge, "plain");
        assertAuthorizeRefused(GrantError.INVALID_PARAMETER, "state", "v".repeat(43) + "=", "S256");
        assertAuthorizeRefused(GrantError.INVALID_PARAMETER, "state", "abc", "S256");
        f.vkId.authorize(new VkIdService.AuthorizeRequest(DemoSchool.CLIENT_ID, DemoSchool.REDIRECT_URI, "state",
                challenge, "s256", null, Optional.empty()));
    }

    private void assertAuthorizeRefused(GrantError cause, String state, String challenge, String method) {
        SferumException e = refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, cause,
                () -> f.vkId.authorize(new VkIdService.AuthorizeRequest(DemoSchool.CLIENT_ID,
                        DemoSchool.REDIRECT_URI, state, challenge, method, "vkid.personal_info", Optional.empty())));
        assertFalse(GrantError.of(e).orElseThrow().shownAsPage(), "redirected back as " + cause.error());
        assertEquals("invalid_request", cause.error());
    }

    private void authorizes(String clientId, String redirectUri) {
        f.vkId.authorize(new VkIdService.AuthorizeRequest(clientId, redirectUri, "state",
                RandomSecrets.sha256(RandomSecrets.random(32)), "S256", "vkid.personal_info", Optional.empty()));
    }

    @Test
    @DisplayName("F-LINK-11 an authorization code is valid 600 seconds")
    void codeExpires() {
        Linking late = new Linking();
        f.clock.advance(Duration.ofSeconds(599));
        Linking inTime = new Linking();
        f.clock.advance(Duration.ofSeconds(1));
        refused(AuthenticationException.class, ErrorCode.AUTHORIZATION_CODE_INVALID, GrantError.CODE_EXPIRED,
                late::exchange);
        f.clock.advance(Duration.ofSeconds(598));
        assertEquals(teacher.id(), inTime.exchange().user());
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 a refresh rotates the refresh token: the new one works; 60 days at most")
    void refreshRotation() {
        Linking linking = new Linking();
        String device = linking.redirect.get("device_id");
        TokenGrant first = linking.exchange();
        f.clock.advance(Duration.ofMinutes(30));
        TokenGrant second = remember(f.vkId.refresh(DemoSchool.CLIENT_ID, first.refreshToken(), device));
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertNotEquals(first.accessToken(), second.accessToken());
        assertEquals(Optional.empty(), second.idToken(), "no ID token on a refresh");
        assertEquals(teacher.id(), second.user());
        assertEquals(3600, second.expiresIn());
        assertEquals(teacher.id(), f.engine.users().authenticate(second.accessToken()));

        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_UNKNOWN,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, second.refreshToken(), "another-device"));
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_UNKNOWN,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, "vk2.r.unknown", device));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, GrantError.MISSING_PARAMETER,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, second.refreshToken(), null));

        TokenGrant third = remember(f.vkId.refresh(DemoSchool.CLIENT_ID, second.refreshToken(), device));
        f.clock.advance(Duration.ofDays(60));
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_EXPIRED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, third.refreshToken(), device));
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 4: a rotated refresh token replayed is RELINK_REQUIRED and revokes every token of its grant (RFC 9700 §4.14.2)")
    void refreshReuseRevokesTheFamily() {
        Linking linking = new Linking();
        String device = linking.redirect.get("device_id");
        TokenGrant first = linking.exchange();
        TokenGrant second = remember(f.vkId.refresh(DemoSchool.CLIENT_ID, first.refreshToken(), device));
        TokenGrant other = new Linking().exchange();
        assertEquals(teacher.id(), f.engine.users().authenticate(second.accessToken()));

        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_REVOKED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, first.refreshToken(), device));
        assertThrows(SferumException.class, () -> f.engine.users().authenticate(second.accessToken()),
                "the newest access token of the grant is revoked");
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_REVOKED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, second.refreshToken(), device));
        assertEquals(teacher.id(), f.engine.users().authenticate(other.accessToken()), "another grant is untouched");
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-07 F-LINK-11 revoke ends the access token and every refresh token of its grant, even when expired")
    void revoke() {
        Linking linking = new Linking();
        String device = linking.redirect.get("device_id");
        TokenGrant grant = linking.exchange();
        f.vkId.revoke(grant.accessToken());
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, null,
                () -> f.engine.users().authenticate(grant.accessToken()));
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_REVOKED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, grant.refreshToken(), device));
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, GrantError.INVALID_TOKEN,
                () -> f.vkId.revoke(grant.accessToken()));

        Linking other = new Linking();
        TokenGrant expired = other.exchange();
        f.clock.advance(Duration.ofHours(2));
        f.vkId.revoke(expired.accessToken());
        refused(RelinkRequiredException.class, ErrorCode.RELINK_REQUIRED, GrantError.REFRESH_TOKEN_REVOKED,
                () -> f.vkId.refresh(DemoSchool.CLIENT_ID, expired.refreshToken(), other.redirect.get("device_id")));
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 logout ends one access token; the grant's refresh token still works")
    void logout() {
        Linking linking = new Linking();
        TokenGrant grant = linking.exchange();
        f.vkId.logout(grant.accessToken());
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, null,
                () -> f.engine.users().authenticate(grant.accessToken()));
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, GrantError.INVALID_TOKEN,
                () -> f.vkId.logout(grant.accessToken()));
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, GrantError.INVALID_TOKEN,
                () -> f.vkId.userInfo(null));
        TokenGrant next = remember(f.vkId.refresh(DemoSchool.CLIENT_ID, grant.refreshToken(),
                linking.redirect.get("device_id")));
        assertEquals(teacher.id(), f.engine.users().authenticate(next.accessToken()));
        assertNoSecretsInMessages();
    }

    @Test
    @DisplayName("F-LINK-11 an access token works on the VK API for one hour, then authenticate refuses it with TOKEN_EXPIRED")
    void accessTokenExpires() {
        TokenGrant grant = new Linking().exchange();
        f.clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertEquals(teacher.id(), f.engine.users().authenticate(grant.accessToken()));
        assertEquals(teacher.person(), f.vkId.userInfo(grant.accessToken()).person());
        f.clock.advance(Duration.ofSeconds(1));
        refused(AuthenticationException.class, ErrorCode.TOKEN_EXPIRED, null,
                () -> f.engine.users().authenticate(grant.accessToken()));
        refused(AuthenticationException.class, ErrorCode.TOKEN_EXPIRED, GrantError.TOKEN_EXPIRED,
                () -> f.vkId.userInfo(grant.accessToken()));

        f.clock.advance(Duration.ofDays(365));
        assertEquals(teacher.id(), f.engine.users().authenticate(teacher.token().secret()), "demo tokens never expire");
        refused(AuthenticationException.class, ErrorCode.AUTHENTICATION_FAILED, null,
                () -> f.engine.users().authenticate("vk2.a.unknown"));
        assertNoSecretsInMessages();
    }
}
