package org.sferum.sdk.core.wire;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.spi.SferumMetrics;

/**
 * The client's {@link SferumMetrics}: hands every callback to each plugin in order, and logs and ignores what a
 * plugin throws, so that metrics never change a call's outcome. Thread-safe when the plugins are.
 */
public final class Metrics implements SferumMetrics {
    private static final Log LOG = Log.get(Metrics.class);
    private static final Metrics NONE = new Metrics(List.of());

    private final List<SferumMetrics> plugins;

    private Metrics(List<SferumMetrics> plugins) {
        this.plugins = plugins;
    }

    /**
     * Returns metrics handing every callback to these plugins.
     *
     * @param plugins the plugins, in the order they are called
     * @return the metrics
     */
    public static Metrics of(List<SferumMetrics> plugins) {
        return plugins.isEmpty() ? NONE : new Metrics(List.copyOf(plugins));
    }

    /**
     * Returns metrics that count nothing.
     *
     * @return the metrics
     */
    public static Metrics none() {
        return NONE;
    }

    /**
     * Returns the plugins.
     *
     * @return the plugins, in order
     */
    public List<SferumMetrics> plugins() {
        return plugins;
    }

    @Override
    public void requestCompleted(String method, Optional<ErrorCode> failure, int attempts, Duration duration) {
        for (SferumMetrics plugin : plugins) {
            try {
                plugin.requestCompleted(method, failure, attempts, duration);
            } catch (RuntimeException e) {
                failed(plugin, "requestCompleted", e);
            }
        }
    }

    @Override
    public void requestRetried(String method, int attempt, ErrorCode cause, Duration wait) {
        for (SferumMetrics plugin : plugins) {
            try {
                plugin.requestRetried(method, attempt, cause, wait);
            } catch (RuntimeException e) {
                failed(plugin, "requestRetried", e);
            }
        }
    }

    @Override
    public void tokenRefreshed(Optional<ErrorCode> failure, Duration duration) {
        for (SferumMetrics plugin : plugins) {
            try {
                plugin.tokenRefreshed(failure, duration);
            } catch (RuntimeException e) {
                failed(plugin, "tokenRefreshed", e);
            }
        }
    }

    @Override
    public void longPollReconnected(Optional<ErrorCode> failure) {
        for (SferumMetrics plugin : plugins) {
            try {
                plugin.longPollReconnected(failure);
            } catch (RuntimeException e) {
                failed(plugin, "longPollReconnected", e);
            }
        }
    }

    private static void failed(SferumMetrics plugin, String callback, RuntimeException e) {
        LOG.warn("metrics plugin {} failed in {} ({}); the call's outcome stands", plugin.getClass().getName(),
                callback, e.getClass().getName());
    }

    @Override
    public String toString() {
        return "Metrics" + plugins;
    }
}
