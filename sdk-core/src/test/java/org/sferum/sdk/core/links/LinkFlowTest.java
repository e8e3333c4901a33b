package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/** The whole start → VK ID → complete path of linking (F-LINK-01, F-LINK-11). */
class LinkFlowTest extends LinkingFixture {

    @Test
    @DisplayName("F-LINK-01 start gives VK ID's /authorize with every parameter of the contract")
    void authorizationUri() {
        LinkStart start = links().start(ACCOUNT, Role.TEACHER);
        URI uri = start.authorizationUri();
        assertEquals("http", uri.getScheme());
        assertEquals("vkid.test", uri.getHost());
        assertEquals(8080, uri.getPort());
        assertEquals("/authorize", uri.getPath());
        Map<String, String> q = FakeVkId.query(uri.getRawQuery());
        assertEquals(List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge",
                "code_challenge_method", "scope", "nonce"), List.copyOf(q.keySet()));
        assertEquals("code", q.get("response_type"));
        assertEquals(FakeVkId.CLIENT_ID, q.get("client_id"));
        assertEquals(FakeVkId.REDIRECT.toString(), q.get("redirect_uri"));
        assertEquals(start.state(), q.get("state"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("vkid.personal_info", q.get("scope"));
        for (String name : List.of("state", "nonce", "code_challenge")) {
            assertEquals(32, Base64.getUrlDecoder().decode(q.get(name)).length, name + " is 32 bytes, base64url");
            assertTrue(q.get(name).matches("[A-Za-z0-9_-]{43}"), name + " has no padding: " + name);
        }
        assertNotEquals(q.get("state"), q.get("nonce"));
        assertTrue(vkId.requests.isEmpty(), "starting sends nothing");
        assertTrue(linkStore.findByAccount(ACCOUNT).isEmpty());
        assertNotEquals(start.state(), links().start(ACCOUNT, Role.TEACHER).state(), "each start has its own state");
    }

    @Test
    @DisplayName("F-LINK-01 F-LINK-11 complete exchanges the code with the PKCE verifier, checks the ID token,"
            + " reads the profile and stores the link and the tokens")
    void happyPath() {
        LinkStart start = links().start(ACCOUNT, Role.STUDENT);
        Map<String, String> callback = vkId.authorize(start.authorizationUri());
        String challenge = FakeVkId.query(start.authorizationUri().getRawQuery()).get("code_challenge");

        Link link = links().complete(callback);

        assertEquals(new Link(ACCOUNT, UserId.of(FakeVkId.USER), Role.STUDENT, START), link);
        assertEquals(Optional.of(link), links().find(ACCOUNT));
        assertEquals(Optional.of(link), linkStore.findByUser(UserId.of(FakeVkId.USER)));

        assertEquals(List.of("/oauth2/auth", "/.well-known/jwks.json", "/method/users.get"),
                vkId.requests.stream().map(r -> r.uri().getPath()).collect(Collectors.toList()));
        TransportRequest exchange = vkId.to("/oauth2/auth").get(0);
        assertEquals("POST", exchange.method());
        assertEquals(URI.create("http://vkid.test:8080/oauth2/auth"), exchange.uri());
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", exchange.header("Content-Type"));
        assertNotNull(exchange.header("X-Request-Id"));
        assertEquals(TIMEOUT, exchange.timeout());
        Map<String, String> form = FakeVkId.params(exchange);
        assertEquals(List.of("grant_type", "code", "code_verifier", "client_id", "device_id", "redirect_uri", "state"),
                List.copyOf(form.keySet()));
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals(callback.get("code"), form.get("code"));
        assertEquals(callback.get("device_id"), form.get("device_id"));
        assertEquals(FakeVkId.CLIENT_ID, form.get("client_id"));
        assertEquals(FakeVkId.REDIRECT.toString(), form.get("redirect_uri"));
        assertEquals(start.state(), form.get("state"));
        assertEquals(null, exchange.uri().getQuery(), "nothing secret in the URL");

        String verifier = form.get("code_verifier");
        assertTrue(verifier.length() >= 43 && verifier.length() <= 128, verifier.length() + " characters");
        assertTrue(verifier.matches("[A-Za-z0-9\\-._~]+"), "RFC 7636 characters");
        assertEquals(s256(verifier), challenge, "challenge = base64url(sha256(verifier))");

        TokenSet tokens = tokenStore.get(ACCOUNT).orElseThrow();
        assertEquals(callback.get("device_id"), tokens.deviceId());
        assertEquals(START.plusSeconds(3600), tokens.expiresAt());
        TransportRequest usersGet = vkId.to("/method/users.get").get(0);
        assertEquals("Bearer " + tokens.accessToken().secret(), usersGet.header("Authorization"));
        assertTrue(vkId.secrets.contains(tokens.refreshToken()));
        assertTrue(vkId.revoked.isEmpty());
    }

    @Test
    @DisplayName("F-LINK-11 complete(URI) reads the callback's query; the ID token checked by VK ID's public_info")
    void callbackUriAndPublicInfo() {
        useClient(builder().idTokenKeys(IdTokenKeys.none()).build());
        LinkStart start = links().start(ACCOUNT, Role.PARENT);
        Map<String, String> q = vkId.authorize(start.authorizationUri());
        URI callback = URI.create(FakeVkId.REDIRECT + "?code=" + q.get("code") + "&state=" + q.get("state")
                + "&device_id=" + q.get("device_id") + "&expires_in=600&type=code_v2");

        Link link = links().complete(callback);

        assertEquals(Role.PARENT, link.role());
        assertEquals(0, vkId.jwksFetches.get());
        TransportRequest info = vkId.to("/oauth2/public_info").get(0);
        Map<String, String> form = FakeVkId.params(info);
        assertEquals(FakeVkId.CLIENT_ID, form.get("client_id"));
        assertTrue(vkId.secrets.contains(form.get("id_token")));
    }

    @Test
    @DisplayName("F-LINK-11 the default issuer is the ID base without its trailing slash")
    void defaultIssuer() {
        useClient(builder().endpoints(new Endpoints(URI.create("http://api.test"),
                URI.create("http://vkid.test:8080/"))).build());
        assertEquals(FakeVkId.ISSUER, client().endpoints().id().toString().replaceAll("/$", ""));
        assertEquals(UserId.of(FakeVkId.USER), link(ACCOUNT, Role.TEACHER).user());
    }

    @Test
    @DisplayName("F-LINK-11 a configured JWK set is used as is, and a JWKS URL is fetched once, then again once"
            + " for a new key id")
    void keySources() {
        useClient(builder().idTokenKeys(IdTokenKeys.of("{\"keys\":[" + vkId.key.toPublicJWK().toJSONString()
                + "]}")).build());
        link(ACCOUNT, Role.TEACHER);
        assertEquals(0, vkId.jwksFetches.get());

        LinkingFixture second = new LinkingFixture() { };
        second.useClient(second.builder().build());
        second.link(ACCOUNT, Role.TEACHER);
        assertEquals(1, second.vkId.jwksFetches.get());
        second.links().unlink(ACCOUNT, true);
        second.link(ACCOUNT, Role.TEACHER);
        assertEquals(1, second.vkId.jwksFetches.get(), "the key set is kept");

        RSAKey rotated = FakeVkId.newKey("emulator-2");
        second.vkId.published = List.of(second.vkId.key, rotated);
        second.vkId.signer = set -> FakeVkId.sign(set, rotated);
        second.links().unlink(ACCOUNT, true);
        second.link(ACCOUNT, Role.TEACHER);
        assertEquals(2, second.vkId.jwksFetches.get(), "an unknown kid fetches the set again");
    }
}
