package org.sferum.sdk.testkit.engine.vkid;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.fake.FakeVkIdUsers;
import org.sferum.sdk.testkit.vkid.VkIdLogin;

/** A fresh engine with the demo school, a test clock and the fake's VK ID users; PKCE as sdk-core does it. */
final class VkIdFixture {
    static final Instant START = Instant.parse("2026-02-02T08:00:00Z");

    final TestClock clock = TestClock.at(START);
    final PlatformEngine engine = new PlatformEngine(clock);
    final DemoSchool school = DemoSchool.seed(engine);
    final VkIdService vkId = engine.vkId();
    final FakeVkIdUsers users = new FakeVkIdUsers(vkId);

    /** A linking as the school system starts it: its secrets and the authorization URI. */
    static final class Start {
        final String state = RandomSecrets.random(32);
        final String verifier = RandomSecrets.random(32);
        final String nonce = RandomSecrets.random(32);
        final String redirectUri;

        Start(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        URI uri() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", DemoSchool.CLIENT_ID);
            query.put("redirect_uri", redirectUri);
            query.put("state", state);
            query.put("code_challenge", RandomSecrets.sha256(verifier));
            query.put("code_challenge_method", "S256");
            query.put("scope", "vkid.personal_info");
            query.put("nonce", nonce);
            StringBuilder uri = new StringBuilder("https://id.vk.test/authorize?");
            query.forEach((k, v) -> uri.append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            uri.setLength(uri.length() - 1);
            return URI.create(uri.toString());
        }
    }

    Start start() {
        return new Start(DemoSchool.REDIRECT_URI);
    }

    VkIdLogin open(Start start) {
        return users.open(start.uri());
    }

    String code(String phone) {
        return users.lastSmsCode(phone).orElseThrow(() -> new AssertionError("no SMS was sent"));
    }

    /** Variant 1 for a demo phone, up to the redirect back. */
    Map<String, String> variantOne(Start start, String phone) {
        VkIdLogin login = open(start);
        login.enterPhone(phone);
        login.enterPassword(DemoSchool.PASSWORD);
        login.enterSmsCode(code(phone));
        login.continueInProfile();
        return login.confirm();
    }

    VkIdService.TokenGrant exchange(Start start, Map<String, String> redirect) {
        return vkId.exchangeCode(DemoSchool.CLIENT_ID, redirect.get("code"), start.verifier, start.redirectUri,
                redirect.get("device_id"));
    }
}
