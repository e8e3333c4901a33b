package org.sferum.sdk.core.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdUsers;
import org.sferum.sdk.users.AccessToken;

/**
 * The face every contract runs against in sdk-core: a {@link SferumClient} talking HTTP to a fresh emulator on
 * loopback with the demo school, both reading one {@link TestClock}, the client registered as the demo VK ID
 * application.
 */
final class CoreOnEmulator implements SferumFixture {
    private final TestClock clock;
    private final SferumEmulator emulator;
    private final SferumClient client;

    private CoreOnEmulator(TestClock clock, SferumEmulator emulator, SferumClient client) {
        this.clock = clock;
        this.emulator = emulator;
        this.client = client;
    }

    /**
     * Opens the plain face: HTTP, ID tokens checked with {@code /oauth2/public_info}.
     *
     * @return the fixture
     */
    static CoreOnEmulator open() {
        return open(false, false);
    }

    /**
     * Opens a face.
     *
     * @param jwks whether sdk-core verifies ID tokens against the emulator's JWKS (else {@code /oauth2/public_info})
     * @param tls whether the emulator serves HTTPS with its self-signed certificate
     * @return the fixture
     */
    static CoreOnEmulator open(boolean jwks, boolean tls) {
        return open(jwks, tls, builder -> builder);
    }

    /**
     * Opens the plain face with client settings of a test's own (coalescing, rate limits).
     *
     * @param tune changes the client's builder
     * @return the fixture
     */
    static CoreOnEmulator open(java.util.function.UnaryOperator<SferumClient.Builder> tune) {
        return open(false, false, tune);
    }

    /** sdk-core on the emulator's VK face, the emulator also serving its MAX face (F-EMB-08). */
    static CoreOnEmulator openWithMax() {
        return open(false, false, (builder, emulator) -> builder, true);
    }

    /**
     * Opens the plain face with roster sync: the client holds the tokens of the schools' service accounts, which
     * the emulator issues on demand; retries are quick, so that an injected outage fails fast.
     *
     * @return the fixture
     */
    static CoreOnEmulator openWithRoster() {
        return openWithRoster(builder -> builder);
    }

    /**
     * Opens the face with roster sync and client settings of a test's own.
     *
     * @param tune changes the client's builder
     * @return the fixture
     */
    static CoreOnEmulator openWithRoster(java.util.function.UnaryOperator<SferumClient.Builder> tune) {
        return open(false, false, (builder, emulator) -> tune.apply(builder)
                .rosterServiceAccounts(school -> AccessToken.of(emulator.engine().roster().serviceToken(school)))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 0)), false);
    }

    private static CoreOnEmulator open(boolean jwks, boolean tls, java.util.function.UnaryOperator<SferumClient.Builder> tune) {
        return open(jwks, tls, (builder, emulator) -> tune.apply(builder), false);
    }

    private static CoreOnEmulator open(boolean jwks, boolean tls,
            java.util.function.BiFunction<SferumClient.Builder, SferumEmulator, SferumClient.Builder> tune,
            boolean max) {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        SferumEmulator.Builder emulatorBuilder = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).tls(tls);
        if (max) {
            emulatorBuilder.maxPort(0);
        }
        SferumEmulator emulator = emulatorBuilder.start();
        URI base = emulator.baseUri();
        SferumClient.Builder builder = SferumClient.builder();
        if (tls) {
            builder.transport(new JdkHttpTransport(HttpClient.newBuilder().sslContext(emulator.sslContext())
                    .connectTimeout(Duration.ofSeconds(5)).build()));
        }
        SferumClient client = tune.apply(builder, emulator)
                .endpoints(Endpoints.emulator(base))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .idTokenKeys(jwks ? IdTokenKeys.jwks(URI.create(base + "/.well-known/jwks.json")) : IdTokenKeys.none())
                .clock(clock)
                .discoverPlugins(false)
                .build();
        return new CoreOnEmulator(clock, emulator, client);
    }

    /**
     * Returns the emulator, to reach its engine.
     *
     * @return the emulator
     */
    TestClock clock() {
        return clock;
    }

    SferumEmulator emulator() {
        return emulator;
    }

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
    public CallGuests guests() {
        return emulator.guests();
    }

    @Override
    public void advanceClock(Duration amount) {
        clock.advance(amount);
        emulator.engine().calls().tick();
    }

    @Override
    public void failRosterAfter(long operations) {
        emulator.engine().roster().failAfter(operations);
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
