package org.sferum.sdk.testkit.engine.vkid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.vkid.VkIdLogin;

/**
 * Nothing a client can do without a login grows the VK ID engine's memory (issue 9): live logins and sent SMS codes
 * are capped (the oldest dropped first), and {@code state}, {@code nonce} and {@code scope} have a length limit.
 */
class VkIdLimitsTest {
    private final VkIdFixture f = new VkIdFixture();

    private String authorize(String state, String scope, Optional<String> nonce) {
        return f.vkId.authorize(new VkIdService.AuthorizeRequest(DemoSchool.CLIENT_ID, DemoSchool.REDIRECT_URI, state,
                RandomSecrets.sha256(RandomSecrets.random(32)), "S256", scope, nonce));
    }

    @Test
    @DisplayName("F-LINK-11 F-EMB-04 20,000 authorizations keep the live logins at the cap, dropping the oldest first")
    void liveLoginsAreCapped() {
        String first = authorize("s", "vkid.personal_info", Optional.empty());
        String second = authorize("s", "vkid.personal_info", Optional.empty());
        String last = null;
        for (int i = 2; i < 20_000; i++) {
            last = authorize("state-" + i, "vkid.personal_info", Optional.of("nonce-" + i));
            assertTrue(f.vkId.liveLogins() <= VkIdEngine.MAX_LIVE_LOGINS, "at " + i);
        }
        assertEquals(VkIdEngine.MAX_LIVE_LOGINS, f.vkId.liveLogins());
        for (String dropped : new String[] {first, second}) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> f.vkId.step(dropped));
            assertEquals(ErrorCode.NOT_FOUND, e.code());
        }
        assertEquals(VkIdLogin.Step.PHONE, f.vkId.step(last), "the newest login still works");
    }

    @Test
    @DisplayName("F-LINK-11 expired logins are dropped when a new one starts")
    void expiredLoginsAreDropped() {
        for (int i = 0; i < 100; i++) {
            authorize("s" + i, "vkid.personal_info", Optional.empty());
        }
        assertEquals(100, f.vkId.liveLogins());
        f.clock.advance(LoginFlows.LIFETIME);
        authorize("fresh", "vkid.personal_info", Optional.empty());
        assertEquals(1, f.vkId.liveLogins());
    }

    @Test
    @DisplayName("F-LINK-11 state, nonce and scope longer than 1024 characters are refused as a page, never echoed back")
    void longParametersAreRefused() {
        String ok = "x".repeat(VkIdEngine.MAX_STATE_LENGTH);
        authorize(ok, "y".repeat(VkIdEngine.MAX_SCOPE_LENGTH), Optional.of("z".repeat(VkIdEngine.MAX_NONCE_LENGTH)));
        int before = f.vkId.liveLogins();
        String[][] cases = {
            {"x".repeat(VkIdEngine.MAX_STATE_LENGTH + 1), "openid", null, "state"},
            {"state", "y".repeat(VkIdEngine.MAX_SCOPE_LENGTH + 1), null, "scope"},
            {"state", "openid", "z".repeat(VkIdEngine.MAX_NONCE_LENGTH + 1), "nonce"},
        };
        for (String[] c : cases) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> authorize(c[0], c[1], Optional.ofNullable(c[2])));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals(Optional.of(GrantError.PARAMETER_TOO_LONG), GrantError.of(e));
            assertTrue(GrantError.PARAMETER_TOO_LONG.shownAsPage(), "never redirected with the oversized state");
            assertTrue(e.getMessage().startsWith(c[3] + " is longer than 1024"), e.getMessage());
            assertFalse(e.getMessage().contains("xxxx") || e.getMessage().contains("zzzz"), "the value is not echoed");
        }
        assertEquals(before, f.vkId.liveLogins(), "a refused authorization starts no login");
    }

    @Test
    @DisplayName("F-LINK-04 SMS codes are kept for at most 10,000 phones, the oldest dropped first")
    void smsCodesAreCapped() {
        String firstPhone = "+7 900 000-00-00";
        f.vkId.enterPhone(authorize("s", "openid", Optional.empty()), firstPhone);
        assertTrue(f.vkId.lastSmsCode(firstPhone).isPresent());
        for (int i = 1; i <= SmsCodes.MAX_PHONES; i++) {
            f.vkId.enterPhone(authorize("s", "openid", Optional.empty()), String.format("+7 901 %07d", i));
        }
        assertTrue(f.vkId.lastSmsCode(firstPhone).isEmpty(), "the oldest code was dropped");
        assertTrue(f.vkId.lastSmsCode(String.format("+7 901 %07d", SmsCodes.MAX_PHONES)).isPresent());
        f.clock.advance(Duration.ofHours(2));
        f.vkId.enterPhone(authorize("s", "openid", Optional.empty()), "+7 902 000-00-00");
        assertTrue(f.vkId.lastSmsCode(String.format("+7 901 %07d", SmsCodes.MAX_PHONES)).isEmpty(), "expired");
    }
}
