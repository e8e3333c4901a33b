package org.sferum.sdk.spi;

/** The metrics that count nothing: {@link SferumMetrics#none()}. */
final class NoMetrics implements SferumMetrics {
    /** The one instance. */
    static final NoMetrics INSTANCE = new NoMetrics();

    private NoMetrics() {
    }

    @Override
    public String toString() {
        return "SferumMetrics.none()";
    }
}
