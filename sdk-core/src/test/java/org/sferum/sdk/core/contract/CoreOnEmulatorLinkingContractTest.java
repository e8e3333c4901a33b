package org.sferum.sdk.core.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.contract.LinkingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/**
 * The linking contract against sdk-core talking to the emulator: an HTTP client walks the emulator's VK ID pages as
 * a browser would, sdk-core exchanges the code and verifies the ID token. Run twice: with the emulator's JWKS
 * configured (local signature check), with no keys (the {@code /oauth2/public_info} check), and over TLS with the
 * emulator's self-signed certificate, as VK's own clients need.
 */
class CoreOnEmulatorLinkingContractTest {

    static SferumFixture open(boolean jwks) {
        return open(jwks, false);
    }

    static SferumFixture open(boolean jwks, boolean tls) {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        SferumEmulator emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).tls(tls).start();
        URI base = emulator.baseUri();
        SferumClient.Builder builder = SferumClient.builder();
        if (tls) {
            builder.transport(new JdkHttpTransport(HttpClient.newBuilder().sslContext(emulator.sslContext())
                    .connectTimeout(Duration.ofSeconds(5)).build()));
        }
        SferumClient client = builder
                .endpoints(Endpoints.emulator(base))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .idTokenKeys(jwks ? IdTokenKeys.jwks(URI.create(base + "/.well-known/jwks.json")) : IdTokenKeys.none())
                .clock(clock)
                .discoverPlugins(false)
                .build();
        return new SferumFixture() {
            @Override
            public Sferum sferum() {
                return client;
            }

            @Override
            public DemoSchool school() {
                return emulator.demoSchool().orElseThrow();
            }

            @Override
            public VkIdUsers vkId() {
                return emulator.vkIdUsers();
            }

            @Override
            public void advanceClock(Duration amount) {
                clock.advance(amount);
            }

            @Override
            public void close() {
                client.close();
                emulator.close();
            }
        };
    }

    @Nested
    class WithJwks extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return open(true);
        }
    }

    @Nested
    class OverTls extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return open(true, true);
        }
    }

    @Nested
    class WithPublicInfo extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return open(false);
        }
    }
}
