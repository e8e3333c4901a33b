package org.sferum.sdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.spi.SferumMetrics;

/** Metrics that write every callback down as a line of text, for tests (F-EMB-03). */
public class RecordingMetrics implements SferumMetrics {
    /** Every callback, in order, without durations. */
    public final List<String> seen = new CopyOnWriteArrayList<>();
    /** The durations of the completed calls and refreshes, in order. */
    public final List<Duration> durations = new CopyOnWriteArrayList<>();

    /** Creates the recorder. */
    public RecordingMetrics() {
    }

    private static String outcome(Optional<ErrorCode> failure) {
        return failure.map(ErrorCode::name).orElse("ok");
    }

    @Override
    public void requestCompleted(String method, Optional<ErrorCode> failure, int attempts, Duration duration) {
        seen.add("completed " + method + " " + outcome(failure) + " x" + attempts);
        durations.add(duration);
    }

    @Override
    public void requestRetried(String method, int attempt, ErrorCode cause, Duration wait) {
        seen.add("retried " + method + " #" + attempt + " " + cause.name() + " in " + wait.toMillis() + " ms");
    }

    @Override
    public void tokenRefreshed(Optional<ErrorCode> failure, Duration duration) {
        seen.add("refreshed " + outcome(failure));
        durations.add(duration);
    }

    @Override
    public void longPollReconnected(Optional<ErrorCode> failure) {
        seen.add("reconnected " + outcome(failure));
    }
}
