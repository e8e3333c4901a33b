package org.sferum.sdk.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.roster.ApplyProgress;
import org.sferum.sdk.roster.ProgressListener;
import org.sferum.sdk.spi.SferumMetrics;

/**
 * Micrometer meters for what the real client does (F-EMB-03). Found through {@link java.util.ServiceLoader} (then it
 * records into Micrometer's global registry, {@link Metrics#globalRegistry}) or set on the client's builder with the
 * application's registry:
 *
 * <pre>{@code
 * SferumClient.builder()…metrics(new MicrometerSferumMetrics(registry)).build();
 * }</pre>
 *
 * <table>
 * <caption>The meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@value #REQUESTS}</td><td>timer</td><td>{@code method}, {@code outcome}</td>
 *     <td>VK API calls, after all their attempts; the outcome is {@code ok} or the {@link ErrorCode}'s name</td></tr>
 * <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code method}, {@code cause}</td>
 *     <td>failed attempts that are retried; the cause is the {@link ErrorCode}'s name</td></tr>
 * <tr><td>{@value #TOKEN_REFRESHES}</td><td>timer</td><td>{@code outcome}</td>
 *     <td>refreshes of linked accounts' tokens at VK ID</td></tr>
 * <tr><td>{@value #LONG_POLL_RECONNECTS}</td><td>counter</td><td>{@code cause}</td>
 *     <td>reconnections of events subscriptions' long poll; {@code server} when the server asked for it</td></tr>
 * <tr><td>{@value #ROSTER_DONE}, {@value #ROSTER_TOTAL}, {@value #ROSTER_RATE}</td><td>gauges</td><td></td>
 *     <td>the progress of the last roster apply given {@link #rosterProgress()}</td></tr>
 * </table>
 *
 * <p>Only method names, error codes, counts and durations are recorded: the SPI gives nothing else, so no token,
 * parameter value, message text, user or account can become a tag. Thread-safe.
 */
public final class MicrometerSferumMetrics implements SferumMetrics {
    /** The timer of VK API calls. */
    public static final String REQUESTS = "sferum.requests";
    /** The counter of retried attempts. */
    public static final String RETRIES = "sferum.retries";
    /** The timer of token refreshes. */
    public static final String TOKEN_REFRESHES = "sferum.token.refreshes";
    /** The counter of long poll reconnections. */
    public static final String LONG_POLL_RECONNECTS = "sferum.longpoll.reconnects";
    /** The gauge of changes a roster apply has done. */
    public static final String ROSTER_DONE = "sferum.roster.apply.done";
    /** The gauge of changes in the roster apply's plan. */
    public static final String ROSTER_TOTAL = "sferum.roster.apply.total";
    /** The gauge of the roster apply's rate, in changes a second. */
    public static final String ROSTER_RATE = "sferum.roster.apply.rate";
    /** The outcome tag's value for a success. */
    public static final String OK = "ok";

    private final MeterRegistry registry;
    private final AtomicLong rosterDone = new AtomicLong();
    private final AtomicLong rosterTotal = new AtomicLong();
    private final AtomicReference<Double> rosterRate = new AtomicReference<>(0.0);

    /** Records into Micrometer's global registry; the constructor {@link java.util.ServiceLoader} uses. */
    public MicrometerSferumMetrics() {
        this(Metrics.globalRegistry);
    }

    /**
     * Records into this registry.
     *
     * @param registry the registry, such as the application's
     */
    public MicrometerSferumMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(ROSTER_DONE, rosterDone, AtomicLong::get)
                .description("Changes the last roster apply has done").register(registry);
        Gauge.builder(ROSTER_TOTAL, rosterTotal, AtomicLong::get)
                .description("Changes in the last roster apply's plan").register(registry);
        Gauge.builder(ROSTER_RATE, rosterRate, AtomicReference::get)
                .description("The last roster apply's rate, in changes a second").register(registry);
    }

    /**
     * Returns the registry the meters go to.
     *
     * @return the registry
     */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void requestCompleted(String method, Optional<ErrorCode> failure, int attempts, Duration duration) {
        Timer.builder(REQUESTS).description("Sferum VK API calls, after all their attempts")
                .tag("method", method).tag("outcome", outcome(failure))
                .register(registry).record(duration);
    }

    @Override
    public void requestRetried(String method, int attempt, ErrorCode cause, Duration wait) {
        Counter.builder(RETRIES).description("Failed Sferum VK API attempts that are retried")
                .tag("method", method).tag("cause", cause.name())
                .register(registry).increment();
    }

    @Override
    public void tokenRefreshed(Optional<ErrorCode> failure, Duration duration) {
        Timer.builder(TOKEN_REFRESHES).description("Refreshes of linked accounts' tokens at VK ID")
                .tag("outcome", outcome(failure))
                .register(registry).record(duration);
    }

    @Override
    public void longPollReconnected(Optional<ErrorCode> failure) {
        Counter.builder(LONG_POLL_RECONNECTS).description("Reconnections of events subscriptions' long poll")
                .tag("cause", failure.map(ErrorCode::name).orElse("server"))
                .register(registry).increment();
    }

    /**
     * Returns a listener that shows a roster apply's progress in the gauges {@value #ROSTER_DONE},
     * {@value #ROSTER_TOTAL} and {@value #ROSTER_RATE}; give it to
     * {@link org.sferum.sdk.roster.ApplyOptions#withProgress(ProgressListener)}. The gauges show the last progress
     * any such listener received.
     *
     * @return the listener
     */
    public ProgressListener rosterProgress() {
        return this::rosterProgressed;
    }

    private void rosterProgressed(ApplyProgress progress) {
        rosterTotal.set(progress.total());
        rosterDone.set(progress.done());
        rosterRate.set(progress.perSecond());
    }

    private static String outcome(Optional<ErrorCode> failure) {
        return failure.map(ErrorCode::name).orElse(OK);
    }

    @Override
    public String toString() {
        return "MicrometerSferumMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
