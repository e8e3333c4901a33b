package org.sferum.sdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

/** The OpenTelemetry binding of the metrics SPI (F-EMB-03, issue 14): spans per call, counters, what never shows. */
class OpenTelemetrySferumMetricsTest {
    private static final String TEXT = "Контрольная в пятницу, секретный текст";

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

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
    @DisplayName("F-EMB-03 a call is one CLIENT span named after the method, as long as the call, under the current span")
    void span() {
        OpenTelemetrySferumMetrics metrics = new OpenTelemetrySferumMetrics(OTEL.getOpenTelemetry());
        Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("journal page").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            metrics.requestCompleted("messages.send", Optional.empty(), 2, Duration.ofMillis(1500));
        } finally {
            parent.end();
        }
        SpanData call = only("messages.send");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(call.getEndEpochNanos() - call.getStartEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(call.getAttributes().get(OpenTelemetrySferumMetrics.RPC_METHOD_KEY)).isEqualTo("messages.send");
        assertThat(call.getAttributes().get(OpenTelemetrySferumMetrics.RPC_SYSTEM_KEY)).isEqualTo("vk_api");
        assertThat(call.getAttributes().get(OpenTelemetrySferumMetrics.ATTEMPTS_KEY)).isEqualTo(2L);
        assertThat(call.getAttributes().get(OpenTelemetrySferumMetrics.ERROR_CODE_KEY)).isNull();
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    @DisplayName("F-EMB-03 a failed call's span carries the error code and the ERROR status; retries are counted")
    void failedSpanAndCounters() {
        OpenTelemetrySferumMetrics metrics = new OpenTelemetrySferumMetrics(OTEL.getOpenTelemetry());
        metrics.requestRetried("users.get", 1, ErrorCode.RATE_LIMITED, Duration.ofMillis(300));
        metrics.requestCompleted("users.get", Optional.of(ErrorCode.RATE_LIMITED), 2, Duration.ofMillis(400));
        metrics.tokenRefreshed(Optional.of(ErrorCode.RELINK_REQUIRED), Duration.ofMillis(20));
        metrics.longPollReconnected(Optional.empty());

        SferumMetricsAssert call = new SferumMetricsAssert(only("users.get"));
        call.failedWith(ErrorCode.RATE_LIMITED);
        new SferumMetricsAssert(only(OpenTelemetrySferumMetrics.TOKEN_REFRESH_SPAN)).failedWith(ErrorCode.RELINK_REQUIRED);
        assertThat(sum(OpenTelemetrySferumMetrics.RETRIES)).isEqualTo(1);
        assertThat(sum(OpenTelemetrySferumMetrics.LONG_POLL_RECONNECTS)).isEqualTo(1);
    }

    @Test
    @DisplayName("F-EMB-03 end to end through ServiceLoader: spans of sdk-core's calls on the emulator name the method "
            + "and the code, never a token or a message text")
    void endToEndNeverATokenOrAText() {
        DemoSchool school = emulator.demoSchool().orElseThrow();
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri())).build()) {
            assertThat(client.metrics()).hasAtLeastOneElementOfType(OpenTelemetrySferumMetrics.class);
            SferumSession teacher = client.session(school.teacher().token());
            ChatId chat = teacher.chats().create(NewChat.of("5в Математика",
                    Set.of(school.students().get(0).person().id())));
            teacher.messages().send(chat, Draft.text(TEXT));
            SferumSession outsider = client.session(school.outsider().token());
            assertThatThrownBy(() -> outsider.messages().history(chat, HistoryQuery.newestFirst(20)))
                    .isInstanceOfSatisfying(SferumException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_CHAT_MEMBER));
        }
        assertThat(only("messages.send").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        new SferumMetricsAssert(only("messages.getHistory")).failedWith(ErrorCode.NOT_A_CHAT_MEMBER);
        for (SpanData span : OTEL.getSpans()) {
            String everything = span.getName() + " " + span.getAttributes() + " " + span.getEvents() + " "
                    + span.getStatus() + " " + span.getResource().getAttributes();
            assertThat(everything).doesNotContain("Контрольная")
                    .doesNotContain(school.teacher().token().secret())
                    .doesNotContain(school.outsider().token().secret());
        }
    }

    private static SpanData only(String name) {
        List<SpanData> spans = OTEL.getSpans().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(spans).as("spans named %s among %s", name, OTEL.getSpans()).hasSize(1);
        return spans.get(0);
    }

    private static long sum(String metric) {
        return OTEL.getMetrics().stream().filter(m -> m.getName().equals(metric))
                .map(MetricData::getLongSumData).flatMap(d -> d.getPoints().stream())
                .mapToLong(p -> p.getValue()).sum();
    }

    /** What a failed span must carry. */
    private record SferumMetricsAssert(SpanData span) {
        void failedWith(ErrorCode code) {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(OpenTelemetrySferumMetrics.ERROR_CODE_KEY)).isEqualTo(code.name());
            assertThat(span.getAttributes().get(OpenTelemetrySferumMetrics.ERROR_TYPE_KEY)).isEqualTo(code.name());
        }
    }
}
