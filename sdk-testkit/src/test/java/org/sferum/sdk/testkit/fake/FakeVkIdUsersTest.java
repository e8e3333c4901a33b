package org.sferum.sdk.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.testkit.vkid.VkIdUsers;
import org.sferum.sdk.users.AccessToken;

class FakeVkIdUsersTest {
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final TestClock clock = TestClock.at(Instant.parse("2026-02-02T08:00:00Z"));
    private final FakeSferum sferum = FakeSferum.builder().clock(clock).seedDemo(true).build();
    private final DemoSchool school = sferum.demoSchool().orElseThrow();
    private final VkIdUsers vkId = sferum.vkId();

    private static URI authorizationUri(String responseType, String clientId, String state) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return URI.create("https://id.vk.test/authorize?response_type=" + responseType + "&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(DemoSchool.REDIRECT_URI, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256&scope=vkid.personal_info&nonce=n-0S6_WzA2Mj");
    }

    @Test
    @DisplayName("F-LINK-02 the fake's VK ID reads the authorization URI and redirects back with code, state and device id")
    void redirectsWithACode() throws Exception {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(authorizationUri("code", DemoSchool.CLIENT_ID, "st/ate+1"));
        assertEquals(Step.PHONE, login.step());
        login.enterPhone(teacher.phone());
        login.enterPassword(DemoSchool.PASSWORD);
        login.enterSmsCode(vkId.lastSmsCode(teacher.phone()).orElseThrow());
        login.continueInProfile();
        Map<String, String> redirect = login.confirm();

        assertEquals(List.of("code", "state", "device_id", "expires_in", "type"), List.copyOf(redirect.keySet()));
        assertEquals("st/ate+1", redirect.get("state"));
        assertEquals("600", redirect.get("expires_in"));
        assertEquals("code_v2", redirect.get("type"));
        TokenGrant grant = sferum.engine().vkId().exchangeCode(DemoSchool.CLIENT_ID, redirect.get("code"), VERIFIER,
                DemoSchool.REDIRECT_URI, redirect.get("device_id"));
        assertEquals("n-0S6_WzA2Mj", grant.idToken().orElseThrow().nonce().orElseThrow());

        SferumSession session = sferum.session(AccessToken.of(grant.accessToken()));
        assertEquals(teacher.person(), session.me());
        clock.advance(Duration.ofHours(1));
        AuthenticationException expired = assertThrows(AuthenticationException.class, session::me);
        assertEquals(ErrorCode.TOKEN_EXPIRED, expired.code());
        assertEquals(teacher.person(), sferum.sessionOf(teacher).me(), "the demo token never expires");
    }

    @Test
    @DisplayName("F-LINK-01 cancelling redirects back with error=access_denied and the state")
    void cancel() throws Exception {
        VkIdLogin login = vkId.open(authorizationUri("code", DemoSchool.CLIENT_ID, "s1"));
        login.enterPhone(school.parent().phone());
        assertEquals(Map.of("error", "access_denied", "error_description", "User denied access", "state", "s1"),
                login.cancel());
    }

    @Test
    @DisplayName("F-LINK-11 an authorization URI with another response type or an unknown client opens no login")
    void badAuthorizationUris() throws Exception {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> vkId.open(authorizationUri("token", DemoSchool.CLIENT_ID, "s"))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> vkId.open(authorizationUri("code", "99999999", "s"))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> vkId.open(URI.create("https://id.vk.test/authorize"))).code());
    }
}
