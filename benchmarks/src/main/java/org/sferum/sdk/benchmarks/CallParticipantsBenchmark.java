package org.sferum.sdk.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The participants list of a full call (100 people, the most a call takes), as a call screen polls it: sdk-core's
 * whole path for {@code calls.getParticipants} with the emulator's real answer replayed by a canned transport, so
 * no network is measured; and the same list read from the engine the fake and the emulator share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallParticipantsBenchmark {
    private static final int PEOPLE = 100;

    private CannedWire wire;
    private SferumSession session;
    private PlatformEngine engine;
    private UserId organiser;
    private CallId call;

    /**
     * Fills a call on an emulator, records its {@code calls.getParticipants} answer once over loopback, then
     * replays it.
     *
     * @throws IOException never in practice: the emulator is on loopback
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        AtomicReference<TransportResponse> recorded = new AtomicReference<>();
        try (SferumEmulator emulator = SferumEmulator.start()) {
            engine = emulator.engine();
            organiser = engine.users().createUser("Анна", "Смирнова", Role.TEACHER);
            Call started = engine.calls().startCallByLink(organiser, "Родительское собрание", CallSettings.DEFAULT);
            call = started.id();
            for (int i = 1; i < PEOPLE; i++) {
                UserId user = engine.users().createUser("Участник", "№" + i, Role.PARENT);
                engine.calls().joinCallByLink(user, started.joinLink().orElseThrow());
            }
            String token = engine.users().issueToken(organiser);
            JdkHttpTransport real = new JdkHttpTransport(Duration.ofSeconds(5));
            Transport recording = request -> {
                TransportResponse response = real.execute(request);
                recorded.set(response);
                return response;
            };
            try (SferumClient live = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri()))
                    .transport(recording).discoverPlugins(false).build()) {
                int size = live.session(AccessToken.of(token)).calls().participants().list(call).size();
                if (size != PEOPLE) {
                    throw new IllegalStateException("expected " + PEOPLE + " participants, got " + size);
                }
            }
        }
        TransportResponse answer = recorded.get();
        wire = new CannedWire(request -> answer);
        session = wire.session();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        wire.close();
    }

    /**
     * Reads the participants list through sdk-core (request, canned answer, decoding into values).
     *
     * @return the list, so that the work is not eliminated
     */
    @Benchmark
    public List<Participant> overTheWire() {
        return session.calls().participants().list(call);
    }

    /**
     * Reads the participants list from the engine (the fake's path): the rules' check under the lock and the
     * values built.
     *
     * @return the list, so that the work is not eliminated
     */
    @Benchmark
    public List<Participant> inTheEngine() {
        return engine.calls().callParticipants(organiser, call);
    }
}
