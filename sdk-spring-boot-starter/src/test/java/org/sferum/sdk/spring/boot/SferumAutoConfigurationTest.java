package org.sferum.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.store.jdbc.JdbcStores;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's conditions and its clear start-up failures, on Spring Boot's context runner (issue 14). */
class SferumAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SferumAutoConfiguration.class,
                    SferumHealthAutoConfiguration.class));

    @Test
    @DisplayName("F-EMB-03 without a DataSource the client uses the in-memory stores; the VK backend by default")
    void vkInMemory() {
        runner.withPropertyValues("sferum.application-id=51000000",
                "sferum.redirect-uri=https://school.example/sferum/callback").run(context -> {
                    SferumClient client = context.getBean(SferumClient.class);
                    assertThat(client.endpoints()).isEqualTo(Endpoints.vk());
                    assertThat(context).doesNotHaveBean(JdbcStores.class);
                    assertThat(client.tokenStore().getClass().getName()).doesNotContain("Jdbc");
                });
    }

    @Test
    @DisplayName("F-EMB-03 a DataSource without sferum.store.encryption-key fails the start and says what to set")
    void missingKey() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + EmbeddedDatabase.url(),
                        "spring.datasource.username=postgres")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("set sferum.store.encryption-key"));
    }

    @Test
    @DisplayName("F-EMB-03 a key that is not Base64 fails the start without echoing it")
    void badKey() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + EmbeddedDatabase.url(),
                        "spring.datasource.username=postgres", "sferum.store.encryption-key=not-base64-секрет")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("is not Base64").message().doesNotContain("секрет"));
    }

    @Test
    @DisplayName("F-EMB-03 store type jdbc without a DataSource, or the emulator backend without an address, fail clearly")
    void misconfigured() {
        runner.withPropertyValues("sferum.store.type=jdbc").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("has no DataSource bean"));
        runner.withPropertyValues("sferum.backend=emulator").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("set sferum.endpoints.emulator"));
        runner.withPropertyValues("sferum.application-id=51000000").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("set both sferum.application-id and sferum.redirect-uri"));
    }

    @Test
    @DisplayName("F-EMB-03 health is DOWN when the platform does not answer or the token store cannot be read")
    void healthDown() {
        // A stand-in for a store whose database is gone: Mockito, for an SPI the test needs to fail on cue.
        TokenStore broken = mock(TokenStore.class);
        when(broken.get(any())).thenThrow(new IllegalStateException("database gone"));
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(URI.create("http://127.0.0.1:9")))
                .discoverPlugins(false).tokenStore(broken).build()) {
            Health health = new SferumHealthIndicator(client, Duration.ofSeconds(1)).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("platform http://127.0.0.1:9", "unreachable (ConnectException)")
                    .containsEntry("tokenStore", "unreadable (IllegalStateException)");
            verify(broken).get(SferumHealthIndicator.PROBE);
        }
    }
}
