package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.users.Role;

/** Sessions of linked accounts: tokens refreshed before expiry, single-flight, rotated, retried once (F-LINK-11). */
class SessionRefreshTest extends LinkingFixture {

    private TokenSet linked() {
        link(ACCOUNT, Role.TEACHER);
        vkId.requests.clear();
        return tokenStore.get(ACCOUNT).orElseThrow();
    }

    private static String bearer(TransportRequest request) {
        return request.header("Authorization").substring("Bearer ".length());
    }

    @Test
    @DisplayName("F-LINK-11 session(account) of an account that is not linked is NOT_LINKED")
    void notLinked() {
        assertInstanceOf(NotFoundException.class,
                refused(ErrorCode.NOT_LINKED, () -> client().session(ACCOUNT)));
        link(ACCOUNT, Role.TEACHER);
        tokenStore.remove(ACCOUNT);
        assertInstanceOf(RelinkRequiredException.class,
                refused(ErrorCode.RELINK_REQUIRED, () -> client().session(ACCOUNT)));
    }

    @Test
    @DisplayName("F-LINK-11 a valid token is used as is; no refresh")
    void validTokenUsed() {
        TokenSet tokens = linked();
        clock.advance(Duration.ofMinutes(58));
        assertEquals("Анна Петрова", client().session(ACCOUNT).me().displayName());
        assertEquals(0, vkId.refreshes.get());
        assertEquals(tokens.accessToken().secret(), bearer(vkId.to("/method/users.get").get(0)));
    }

    @Test
    @DisplayName("F-LINK-11 a token expiring within 60 s is refreshed first, and the rotated tokens are stored")
    void refreshBeforeExpiry() {
        TokenSet old = linked();
        clock.advance(Duration.ofMinutes(59).plusSeconds(1));

        client().session(ACCOUNT).me();

        assertEquals(List.of("/oauth2/auth", "/method/users.get"),
                vkId.requests.stream().map(r -> r.uri().getPath()).toList());
        Map<String, String> form = FakeVkId.params(vkId.requests.get(0));
        assertEquals(List.of("grant_type", "refresh_token", "client_id", "device_id", "state"),
                List.copyOf(form.keySet()));
        assertEquals("refresh_token", form.get("grant_type"));
        assertEquals(old.refreshToken(), form.get("refresh_token"));
        assertEquals(FakeVkId.CLIENT_ID, form.get("client_id"));
        assertEquals(old.deviceId(), form.get("device_id"));
        assertTrue(form.get("state").matches("[A-Za-z0-9_-]{43}"));

        TokenSet rotated = tokenStore.get(ACCOUNT).orElseThrow();
        assertNotEquals(old.accessToken(), rotated.accessToken());
        assertNotEquals(old.refreshToken(), rotated.refreshToken(), "the refresh token rotates");
        assertEquals(old.deviceId(), rotated.deviceId());
        assertEquals(clock.instant().plusSeconds(3600), rotated.expiresAt());
        assertEquals(rotated.accessToken().secret(), bearer(vkId.requests.get(1)));

        clock.advance(Duration.ofMinutes(59).plusSeconds(1));
        client().session(ACCOUNT).me();
        assertEquals(2, vkId.refreshes.get(), "the rotated refresh token works");
        assertEquals(rotated.refreshToken(), FakeVkId.params(vkId.to("/oauth2/auth").get(1)).get("refresh_token"));
    }

    @Test
    @DisplayName("F-LINK-11 many threads needing a refresh at once cause one refresh, and all use its token")
    void singleFlight() throws Exception {
        linked();
        clock.advance(Duration.ofHours(2));
        vkId.refreshDelayMillis = 100;
        int threads = 24;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    SferumSession session = client().session(ACCOUNT);
                    go.await();
                    return session.me().displayName();
                }));
            }
            go.countDown();
            for (Future<String> result : results) {
                assertEquals("Анна Петрова", result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, vkId.refreshes.get(), "one refresh for all threads");
        Set<String> used = vkId.to("/method/users.get").stream().map(SessionRefreshTest::bearer)
                .collect(Collectors.toSet());
        assertEquals(Set.of(tokenStore.get(ACCOUNT).orElseThrow().accessToken().secret()), used);
        assertEquals(threads, vkId.to("/method/users.get").size());
    }

    @Test
    @DisplayName("F-LINK-11 a refused refresh token (invalid_grant) is RELINK_REQUIRED; the stored tokens stay for"
            + " unlink")
    void relinkRequired() {
        TokenSet old = linked();
        vkId.invalidateAll();
        clock.advance(Duration.ofHours(2));

        SferumSession session = client().session(ACCOUNT);
        RelinkRequiredException e = (RelinkRequiredException) refused(ErrorCode.RELINK_REQUIRED, session::me);

        assertTrue(e.getMessage().contains("refresh_token_revoked"), e.getMessage());
        assertEquals(old, tokenStore.get(ACCOUNT).orElseThrow());
        assertTrue(links().find(ACCOUNT).isPresent());
        assertTrue(vkId.to("/method/users.get").isEmpty());

        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.json(400, "{\"error\":\"invalid_grant\"}"));
        refused(ErrorCode.RELINK_REQUIRED, session::me);
    }

    @Test
    @DisplayName("F-LINK-11 a valid-looking token refused with VK error 5 or 1117 is refreshed once and the call"
            + " retried once")
    void retryOnceOnRefusedToken() {
        TokenSet old = linked();
        for (int code : new int[] {5, 1117}) {
            vkId.requests.clear();
            vkId.once("/method/users.get", (r, p) -> FakeVkId.vkError(code, "User authorization failed"));
            client().session(ACCOUNT).me();
            List<TransportRequest> calls = vkId.to("/method/users.get");
            assertEquals(2, calls.size());
            assertNotEquals(bearer(calls.get(0)), bearer(calls.get(1)));
            assertEquals(tokenStore.get(ACCOUNT).orElseThrow().accessToken().secret(), bearer(calls.get(1)));
        }
        assertEquals(2, vkId.refreshes.get());
        assertNotEquals(old, tokenStore.get(ACCOUNT).orElseThrow());

        vkId.requests.clear();
        vkId.once("/method/users.get", (r, p) -> FakeVkId.vkError(5, "User authorization failed"));
        vkId.once("/method/users.get", (r, p) -> FakeVkId.vkError(5, "User authorization failed"));
        AuthenticationException e = (AuthenticationException) refused(ErrorCode.AUTHENTICATION_FAILED,
                () -> client().session(ACCOUNT).me());
        assertEquals(5, e.wireCode().getAsInt());
        assertEquals(2, vkId.to("/method/users.get").size(), "retried once only");
        assertEquals(3, vkId.refreshes.get());
    }

    @Test
    @DisplayName("F-LINK-11 other VK errors are not retried with a new token")
    void otherErrorsNotRetried() {
        linked();
        vkId.once("/method/users.get", (r, p) -> FakeVkId.vkError(15, "Access denied"));
        refused(ErrorCode.PERMISSION_DENIED, () -> client().session(ACCOUNT).me());
        assertEquals(0, vkId.refreshes.get());
        assertEquals(1, vkId.to("/method/users.get").size());
    }
}
