package org.sferum.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.roster.ApplyProgress;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

/** The Micrometer binding of the metrics SPI (F-EMB-03, issue 14): each callback, then end to end on the emulator. */
class MicrometerSferumMetricsTest {
    private static final String TEXT = "Контрольная в пятницу, секретный текст";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerSferumMetrics metrics = new MicrometerSferumMetrics(registry);
    private SferumEmulator emulator;

    @BeforeEach
    void start() {
        emulator = SferumEmulator.builder().seedDemo(true).port(0).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @DisplayName("F-EMB-03 a call is timed per method and outcome")
    void requests() {
        metrics.requestCompleted("messages.send", Optional.empty(), 1, Duration.ofMillis(30));
        metrics.requestCompleted("messages.send", Optional.empty(), 2, Duration.ofMillis(50));
        metrics.requestCompleted("messages.send", Optional.of(ErrorCode.RATE_LIMITED), 4, Duration.ofMillis(10));

        var ok = registry.get(MicrometerSferumMetrics.REQUESTS).tags("method", "messages.send", "outcome", "ok")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80.0);
        assertThat(registry.get(MicrometerSferumMetrics.REQUESTS)
                .tags("method", "messages.send", "outcome", "RATE_LIMITED").timer().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("F-EMB-03 retries, token refreshes and long poll reconnections are counted with their codes")
    void retriesRefreshesReconnects() {
        metrics.requestRetried("users.get", 1, ErrorCode.TRANSPORT_FAILURE, Duration.ofMillis(200));
        metrics.requestRetried("users.get", 2, ErrorCode.TRANSPORT_FAILURE, Duration.ofMillis(400));
        metrics.tokenRefreshed(Optional.empty(), Duration.ofMillis(12));
        metrics.tokenRefreshed(Optional.of(ErrorCode.RELINK_REQUIRED), Duration.ofMillis(7));
        metrics.longPollReconnected(Optional.empty());
        metrics.longPollReconnected(Optional.of(ErrorCode.TRANSPORT_FAILURE));

        assertThat(registry.get(MicrometerSferumMetrics.RETRIES)
                .tags("method", "users.get", "cause", "TRANSPORT_FAILURE").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MicrometerSferumMetrics.TOKEN_REFRESHES).tags("outcome", "ok").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerSferumMetrics.TOKEN_REFRESHES).tags("outcome", "RELINK_REQUIRED").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(MicrometerSferumMetrics.LONG_POLL_RECONNECTS).tags("cause", "server").counter()
                .count()).isEqualTo(1.0);
        assertThat(registry.get(MicrometerSferumMetrics.LONG_POLL_RECONNECTS).tags("cause", "TRANSPORT_FAILURE")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("F-EMB-01 a roster apply's progress shows in the gauges")
    void rosterProgress() {
        assertThat(registry.get(MicrometerSferumMetrics.ROSTER_TOTAL).gauge().value()).isZero();
        metrics.rosterProgress().onProgress(ApplyProgress.of(250, 1000, Duration.ofSeconds(5)));
        assertThat(registry.get(MicrometerSferumMetrics.ROSTER_DONE).gauge().value()).isEqualTo(250.0);
        assertThat(registry.get(MicrometerSferumMetrics.ROSTER_TOTAL).gauge().value()).isEqualTo(1000.0);
        assertThat(registry.get(MicrometerSferumMetrics.ROSTER_RATE).gauge().value()).isEqualTo(50.0);
    }

    @Test
    @DisplayName("F-EMB-03 end to end: sdk-core's calls on the emulator are timed; no text or token becomes a tag")
    void endToEnd() {
        DemoSchool school = emulator.demoSchool().orElseThrow();
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri()))
                .discoverPlugins(false).metrics(metrics).build()) {
            SferumSession teacher = client.session(school.teacher().token());
            ChatId chat = teacher.chats().create(NewChat.of("5в Математика",
                    Set.of(school.students().get(0).person().id())));
            teacher.messages().send(chat, Draft.text(TEXT));
            SferumSession outsider = client.session(school.outsider().token());
            assertThatThrownBy(() -> outsider.messages().history(chat, HistoryQuery.newestFirst(20)))
                    .isInstanceOfSatisfying(SferumException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_CHAT_MEMBER));
        }
        assertThat(registry.get(MicrometerSferumMetrics.REQUESTS).tags("method", "messages.send", "outcome", "ok")
                .timer().count()).as("%s", registry.getMetersAsString()).isEqualTo(1);
        assertThat(registry.get(MicrometerSferumMetrics.REQUESTS).tags("outcome", ErrorCode.NOT_A_CHAT_MEMBER.name()).timers())
                .extracting(t -> t.getId().getTag("method")).containsExactly("messages.getHistory");
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain("Контрольная")
                        .doesNotContain(school.teacher().token().secret())
                        .doesNotContain(school.outsider().token().secret());
            }
        }
    }

    @Test
    @DisplayName("F-EMB-03 found through ServiceLoader, it records into Micrometer's global registry")
    void serviceLoader() {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        Metrics.addRegistry(global);
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri())).build()) {
            assertThat(client.metrics()).hasAtLeastOneElementOfType(MicrometerSferumMetrics.class);
            client.session(emulator.demoSchool().orElseThrow().teacher().token()).me();
            assertThat(global.get(MicrometerSferumMetrics.REQUESTS).tags("method", "users.get", "outcome", "ok")
                    .timer().count()).isEqualTo(1);
        } finally {
            Metrics.removeRegistry(global);
        }
    }
}
