package org.sferum.sdk.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.sferum.sdk.micrometer.MicrometerSferumMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Micrometer binding on the application's {@link MeterRegistry}: the client's calls, retries, token refreshes
 * and long poll reconnections show in {@code /actuator/metrics} ({@code sferum.requests}, …).
 */
@AutoConfiguration(before = SferumAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MicrometerSferumMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class SferumMetricsAutoConfiguration {
    /** Made by Spring. */
    public SferumMetricsAutoConfiguration() {
    }

    /**
     * The binding, one of the client's {@link org.sferum.sdk.spi.SferumMetrics} plugins.
     *
     * @param registry the application's registry
     * @return the binding
     */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerSferumMetrics sferumMicrometerMetrics(MeterRegistry registry) {
        return new MicrometerSferumMetrics(registry);
    }
}
