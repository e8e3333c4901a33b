package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** A client over {@link FakeVkId} with in-memory stores and a hand-moved clock. */
abstract class LinkingFixture {
    static final Instant START = Instant.parse("2026-01-15T09:00:00Z");
    static final SchoolAccountId ACCOUNT = SchoolAccountId.of("journal-42");
    static final SchoolAccountId OTHER = SchoolAccountId.of("journal-43");
    static final URI JWKS = URI.create(FakeVkId.BASE + "/.well-known/jwks.json");
    static final Duration TIMEOUT = Duration.ofSeconds(7);

    final TestClock clock = TestClock.at(START);
    final FakeVkId vkId = new FakeVkId(clock);
    final LinkStore linkStore = LinkStore.inMemory();
    final TokenStore tokenStore = TokenStore.inMemory();
    private SferumClient client;

    /** A builder over the fake, checking ID tokens against its JWK set. */
    SferumClient.Builder builder() {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(FakeVkId.BASE))
                .transport(vkId)
                .retryPolicy(RetryPolicy.none())
                .sleeper(d -> { })
                .requestTimeout(TIMEOUT)
                .discoverPlugins(false)
                .clock(clock)
                .application(FakeVkId.CLIENT_ID, FakeVkId.REDIRECT)
                .linkStore(linkStore)
                .tokenStore(tokenStore)
                .idTokenKeys(IdTokenKeys.jwks(JWKS));
    }

    SferumClient client() {
        if (client == null) {
            client = builder().build();
        }
        return client;
    }

    void useClient(SferumClient value) {
        this.client = value;
    }

    Links links() {
        return client().links();
    }

    /** Starts linking and walks VK ID's pages: the callback query. */
    Map<String, String> callback(SchoolAccountId account, Role role) {
        LinkStart start = links().start(account, role);
        return vkId.authorize(start.authorizationUri());
    }

    /** Links an account the whole way. */
    Link link(SchoolAccountId account, Role role) {
        return links().complete(callback(account, role));
    }

    /** Nothing of the account is stored, nor of the fake's user. */
    void assertNothingWritten(SchoolAccountId account) {
        assertTrue(linkStore.findByAccount(account).isEmpty(), "a link was written");
        assertTrue(tokenStore.get(account).isEmpty(), "tokens were written");
        assertTrue(linkStore.findByUser(UserId.of(FakeVkId.USER)).isEmpty(), "the profile was linked");
    }

    /** Runs a call that must fail with a code, and returns its exception. */
    static SferumException refused(ErrorCode code, Executable call) {
        SferumException e = assertThrows(SferumException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    /** base64url(SHA-256(verifier)) without padding, computed independently of the SDK. */
    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
