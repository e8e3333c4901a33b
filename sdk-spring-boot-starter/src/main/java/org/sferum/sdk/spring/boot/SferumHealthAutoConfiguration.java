package org.sferum.sdk.spring.boot;

import org.sferum.sdk.core.SferumClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The Actuator health entry {@code sferum} when the application has the real client. */
@AutoConfiguration(after = SferumAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SferumClient.class)
public class SferumHealthAutoConfiguration {
    /** Made by Spring. */
    public SferumHealthAutoConfiguration() {
    }

    /**
     * The indicator: the platform reachable and the token store readable.
     *
     * @param client the client
     * @param properties {@code sferum.*}
     * @return the indicator, shown as {@code sferum}
     */
    @Bean
    @ConditionalOnMissingBean(name = "sferumHealthIndicator")
    public SferumHealthIndicator sferumHealthIndicator(SferumClient client, SferumProperties properties) {
        return new SferumHealthIndicator(client, properties.getHealth().getTimeout());
    }
}
