package org.sferum.sdk.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.spi.SferumMetrics;

/**
 * OpenTelemetry spans and counters for what the real client does (F-EMB-03). Found through
 * {@link java.util.ServiceLoader} (then it uses {@link GlobalOpenTelemetry}, looked up at the first callback, so an
 * application that sets the global instance at start-up is seen) or set on the client's builder:
 *
 * <pre>{@code
 * SferumClient.builder()…metrics(new OpenTelemetrySferumMetrics(openTelemetry)).build();
 * }</pre>
 *
 * <p>Each VK API call becomes one {@link SpanKind#CLIENT} span, when it is over: named after the VK API method (such
 * as {@code messages.send}), from the call's start to its end (retries and their waits included), a child of the
 * span current on the calling thread, with the attributes {@code rpc.system} ({@value #RPC_SYSTEM}),
 * {@code rpc.method}, {@code sferum.attempts} and, when it failed, {@code error.type} and {@code sferum.error_code}
 * (the {@link ErrorCode}'s name) and the status {@link StatusCode#ERROR}. A token refresh becomes a span
 * {@value #TOKEN_REFRESH_SPAN} with its outcome. Counters: {@value #RETRIES} (method, cause) and
 * {@value #LONG_POLL_RECONNECTS} (cause; {@code server} when the server asked for it); a histogram
 * {@value #REQUEST_DURATION} of calls' durations in seconds (method, outcome).
 *
 * <p>Nothing else is recorded: the SPI gives only method names, error codes, counts and durations, so no token,
 * parameter value, message text, user or account reaches a span. Thread-safe.
 */
public final class OpenTelemetrySferumMetrics implements SferumMetrics {
    /** The instrumentation scope's name: tracer and meter. */
    public static final String SCOPE = "org.sferum.sdk";
    /** The value of the {@code rpc.system} attribute. */
    public static final String RPC_SYSTEM = "vk_api";
    /** The span of a token refresh. */
    public static final String TOKEN_REFRESH_SPAN = "sferum.token.refresh";
    /** The counter of retried attempts. */
    public static final String RETRIES = "sferum.retries";
    /** The counter of long poll reconnections. */
    public static final String LONG_POLL_RECONNECTS = "sferum.longpoll.reconnects";
    /** The histogram of calls' durations, in seconds. */
    public static final String REQUEST_DURATION = "sferum.request.duration";
    /** The attribute with the RPC system. */
    public static final AttributeKey<String> RPC_SYSTEM_KEY = AttributeKey.stringKey("rpc.system");
    /** The attribute with the VK API method. */
    public static final AttributeKey<String> RPC_METHOD_KEY = AttributeKey.stringKey("rpc.method");
    /** The attribute with the attempts a call took. */
    public static final AttributeKey<Long> ATTEMPTS_KEY = AttributeKey.longKey("sferum.attempts");
    /** The attribute with a failure's {@link ErrorCode}, OpenTelemetry's general name. */
    public static final AttributeKey<String> ERROR_TYPE_KEY = AttributeKey.stringKey("error.type");
    /** The attribute with a failure's {@link ErrorCode}. */
    public static final AttributeKey<String> ERROR_CODE_KEY = AttributeKey.stringKey("sferum.error_code");
    private static final AttributeKey<String> OUTCOME_KEY = AttributeKey.stringKey("outcome");
    private static final AttributeKey<String> CAUSE_KEY = AttributeKey.stringKey("cause");

    private final Supplier<OpenTelemetry> source;
    private volatile Instruments instruments;

    /** Uses {@link GlobalOpenTelemetry}, looked up at the first callback; the constructor ServiceLoader uses. */
    public OpenTelemetrySferumMetrics() {
        this.source = GlobalOpenTelemetry::get;
    }

    /**
     * Uses this OpenTelemetry instance.
     *
     * @param openTelemetry the instance, such as the application's SDK
     */
    public OpenTelemetrySferumMetrics(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        this.source = () -> openTelemetry;
    }

    private Instruments instruments() {
        Instruments current = instruments;
        if (current == null) {
            synchronized (this) {
                current = instruments;
                if (current == null) {
                    current = new Instruments(source.get());
                    instruments = current;
                }
            }
        }
        return current;
    }

    @Override
    public void requestCompleted(String method, Optional<ErrorCode> failure, int attempts, Duration duration) {
        Instruments in = instruments();
        Instant end = Instant.now();
        Span span = in.tracer.spanBuilder(method)
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(end.minus(duration))
                .setAttribute(RPC_SYSTEM_KEY, RPC_SYSTEM)
                .setAttribute(RPC_METHOD_KEY, method)
                .setAttribute(ATTEMPTS_KEY, (long) attempts)
                .startSpan();
        failure.ifPresent(code -> failed(span, code));
        span.end(end);
        in.durations.record(duration.toNanos() / 1e9, Attributes.of(RPC_METHOD_KEY, method, OUTCOME_KEY,
                failure.map(ErrorCode::name).orElse("ok")));
    }

    @Override
    public void requestRetried(String method, int attempt, ErrorCode cause, Duration wait) {
        instruments().retries.add(1, Attributes.of(RPC_METHOD_KEY, method, CAUSE_KEY, cause.name()));
    }

    @Override
    public void tokenRefreshed(Optional<ErrorCode> failure, Duration duration) {
        Instant end = Instant.now();
        Span span = instruments().tracer.spanBuilder(TOKEN_REFRESH_SPAN)
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(end.minus(duration))
                .startSpan();
        failure.ifPresent(code -> failed(span, code));
        span.end(end);
    }

    @Override
    public void longPollReconnected(Optional<ErrorCode> failure) {
        instruments().reconnects.add(1, Attributes.of(CAUSE_KEY, failure.map(ErrorCode::name).orElse("server")));
    }

    private static void failed(Span span, ErrorCode code) {
        span.setAttribute(ERROR_TYPE_KEY, code.name());
        span.setAttribute(ERROR_CODE_KEY, code.name());
        span.setStatus(StatusCode.ERROR, code.name());
    }

    @Override
    public String toString() {
        return "OpenTelemetrySferumMetrics";
    }

    /** The tracer and the meters, made once from the OpenTelemetry instance. */
    private static final class Instruments {
        final Tracer tracer;
        final LongCounter retries;
        final LongCounter reconnects;
        final DoubleHistogram durations;

        Instruments(OpenTelemetry openTelemetry) {
            tracer = openTelemetry.getTracer(SCOPE);
            Meter meter = openTelemetry.getMeter(SCOPE);
            retries = meter.counterBuilder(RETRIES).setDescription("Failed Sferum VK API attempts that are retried")
                    .build();
            reconnects = meter.counterBuilder(LONG_POLL_RECONNECTS)
                    .setDescription("Reconnections of events subscriptions' long poll").build();
            durations = meter.histogramBuilder(REQUEST_DURATION).setUnit("s")
                    .setDescription("Sferum VK API calls, after all their attempts").build();
        }
    }
}
