package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.LogCapture;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.users.Role;

/**
 * No token, code, verifier, nonce, state, ID token or phone number reaches a log line or an exception message, even
 * when VK ID quotes them back in its error descriptions (F-LINK-11).
 */
class LinkLogRedactionTest extends LinkingFixture {
    private static final List<String> PHONES = List.of(FakeVkId.PHONE, "000-00-01", "+79000000001");

    private LogCapture logs;
    private final List<Throwable> thrown = new ArrayList<>();

    @BeforeEach
    void capture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private void fails(Executable call) {
        thrown.add(assertThrows(SferumException.class, call));
    }

    @Test
    @DisplayName("F-LINK-11 linking, refusals, refreshes and unlinking leave no secret in logs or exceptions")
    void nothingLeaks() {
        // refusals whose descriptions quote the code, the verifier and a phone
        Map<String, String> used = callback(ACCOUNT, Role.TEACHER);
        vkId.once("/oauth2/auth", (r, p) -> FakeVkId.oauthError("invalid_grant", "code_used", "the code "
                + p.get("code") + " (code=" + p.get("code") + ", code_verifier=" + p.get("code_verifier")
                + ", state " + p.get("state") + ") was used by " + FakeVkId.PHONE));
        fails(() -> links().complete(used));
        fails(() -> links().complete(used));
        Map<String, String> pkce = callback(ACCOUNT, Role.TEACHER);
        pkce.put("code", pkce.get("code") + "x");
        fails(() -> links().complete(pkce));
        fails(() -> links().complete(Map.of("error", "access_denied", "error_description", "phone "
                + FakeVkId.PHONE)));
        vkId.claims = c -> c.claim("nonce", "n".repeat(43));
        fails(() -> link(ACCOUNT, Role.TEACHER));
        vkId.claims = c -> c;
        vkId.once("/oauth2/auth", (r, p) -> {
            throw new IOException("reset talking about code=" + p.get("code") + " and " + FakeVkId.PHONE);
        });
        fails(() -> link(ACCOUNT, Role.TEACHER));

        // a link, a refresh, a refused token retried, a refused refresh
        link(ACCOUNT, Role.TEACHER);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        client().session(ACCOUNT).me();
        vkId.once("/method/users.get", (r, p) -> FakeVkId.vkError(5, "invalid access_token "
                + r.header("Authorization") + " for " + FakeVkId.PHONE));
        client().session(ACCOUNT).me();
        vkId.invalidateAll();
        clock.advance(Duration.ofHours(2));
        fails(() -> client().session(ACCOUNT).me());

        // unlinking with a service that does not know removeChatUser
        vkId.chats = List.of(1L, 2L);
        links().unlink(ACCOUNT, true);
        vkId.removeChatUserKnown = false;
        link(ACCOUNT, Role.TEACHER);
        links().unlink(ACCOUNT, true);

        // public_info refusing a token
        useClient(builder().idTokenKeys(IdTokenKeys.none()).build());
        vkId.signer = set -> FakeVkId.sign(set, FakeVkId.newKey("emulator-1"));
        fails(() -> link(ACCOUNT, Role.TEACHER));

        List<String> secrets = new ArrayList<>(vkId.secrets);
        secrets.addAll(PHONES);
        assertTrue(secrets.size() > 30, "the fake saw the secrets: " + secrets.size());
        for (Throwable e : thrown) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                for (String secret : secrets) {
                    assertFalse(String.valueOf(t.getMessage()).contains(secret), "exception message leaks a secret: "
                            + t.getMessage());
                }
            }
        }
        List<String> lines = logs.lines();
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "log line leaks a secret: " + line);
            }
        }
        List<String> debug = logs.events().stream().filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage).toList();
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertTrue(debug.stream().anyMatch(l -> l.matches("VK ID oauth2/auth ok in \\d+ ms \\[request " + uuid + "]")),
                debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.matches("VK ID oauth2/auth AUTHORIZATION_CODE_INVALID"
                + " \\(invalid_grant/code_used\\) in \\d+ ms \\[request " + uuid + "]")), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("VK ID oauth2/auth RELINK_REQUIRED")), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("VK ID jwks ok in ")), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("VK ID oauth2/revoke ok in ")), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("VK ID oauth2/auth TRANSPORT_FAILURE")), debug.toString());
        assertTrue(logs.events().stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("messages.removeChatUser")), "the skipped step is logged");
    }
}
