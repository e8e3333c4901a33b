package org.sferum.sdk.spring.boot;

import java.util.Base64;
import javax.sql.DataSource;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.PartnerCredentials;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.store.jdbc.JdbcStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Sferum client of a Spring Boot application (F-EMB-03, issue 14): a {@link SferumClient} bean built from the
 * {@link SferumProperties} ({@code sferum.*}), on the JDBC stores when the application has a {@link DataSource},
 * with every {@link SferumMetrics}, {@link RequestInterceptor} and {@link SferumEventListener} bean as its plugins.
 *
 * <p>It backs off when the application (or a test, with
 * {@link org.sferum.sdk.spring.boot.test.AutoConfigureSferumFake}) defines its own {@link Sferum} bean. Inject
 * {@link Sferum}, not {@link SferumClient}, so that tests can give the fake.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(SferumClient.class)
@EnableConfigurationProperties(SferumProperties.class)
public class SferumAutoConfiguration {
    /** Made by Spring. */
    public SferumAutoConfiguration() {
    }

    /**
     * The client.
     *
     * @param properties {@code sferum.*}
     * @param stores the JDBC stores, when there are
     * @param metrics the metrics beans
     * @param interceptors the request interceptor beans
     * @param listeners the client-wide event listener beans
     * @return the client, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean(Sferum.class)
    public SferumClient sferumClient(SferumProperties properties, ObjectProvider<JdbcStores> stores,
                                     ObjectProvider<SferumMetrics> metrics,
                                     ObjectProvider<RequestInterceptor> interceptors,
                                     ObjectProvider<SferumEventListener> listeners) {
        SferumClient.Builder builder = SferumClient.builder()
                .endpoints(endpoints(properties))
                .discoverPlugins(properties.isDiscoverPlugins());
        if (properties.getApplicationId() != null || properties.getRedirectUri() != null) {
            if (properties.getApplicationId() == null || properties.getRedirectUri() == null) {
                throw new IllegalStateException("set both sferum.application-id and sferum.redirect-uri (the school "
                        + "system's VK ID application and its registered redirect URI), or neither");
            }
            builder.application(properties.getApplicationId(), properties.getRedirectUri());
        }
        JdbcStores jdbc = stores.getIfAvailable();
        if (jdbc != null) {
            builder.linkStore(jdbc.linkStore()).tokenStore(jdbc.tokenStore());
        } else if (properties.getStore().getType() == SferumProperties.StoreType.JDBC) {
            throw new IllegalStateException("sferum.store.type is jdbc but the application has no DataSource bean: "
                    + "add spring-boot-starter-jdbc and spring.datasource.*, or set sferum.store.type: memory");
        }
        metrics.orderedStream().forEach(builder::metrics);
        interceptors.orderedStream().forEach(builder::interceptor);
        listeners.orderedStream().forEach(builder::eventListener);
        return builder.build();
    }

    static Endpoints endpoints(SferumProperties properties) {
        SferumProperties.Endpoints endpoints = properties.getEndpoints();
        if (properties.getBackend() == SferumProperties.Backend.EMULATOR) {
            if (endpoints.getEmulator() == null) {
                throw new IllegalStateException("sferum.backend is emulator: set sferum.endpoints.emulator to its "
                        + "base address, such as http://127.0.0.1:8080");
            }
            return Endpoints.emulator(endpoints.getEmulator());
        }
        if (endpoints.getPartner() == null) {
            return Endpoints.vk();
        }
        if (endpoints.getPartnerKey() == null || endpoints.getPartnerKey().isBlank()) {
            throw new IllegalStateException("sferum.endpoints.partner is set: set sferum.endpoints.partner-key too");
        }
        return Endpoints.vk().withPartner(endpoints.getPartner(), PartnerCredentials.of(endpoints.getPartnerKey()));
    }

    /** The JDBC stores on the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcStores.class, DataSource.class})
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(name = "sferum.store.type", havingValue = "jdbc", matchIfMissing = true)
    public static class JdbcStoresConfiguration {
        /** Made by Spring. */
        public JdbcStoresConfiguration() {
        }

        /**
         * The stores: their tables are created, or migrated and checked, and the key is checked against them,
         * when the application starts, so a wrong key or an unreachable database fails the start.
         *
         * @param dataSource the application's data source
         * @param properties {@code sferum.*}
         * @return the stores
         */
        @Bean
        @ConditionalOnMissingBean
        public JdbcStores sferumJdbcStores(DataSource dataSource, SferumProperties properties) {
            String encoded = properties.getStore().getEncryptionKey();
            if (encoded == null || encoded.isBlank()) {
                throw new IllegalStateException("set sferum.store.encryption-key: the 32-byte key (Base64, such as "
                        + "the output of `openssl rand -base64 32`) that encrypts tokens in the database, the same "
                        + "on every node; or sferum.store.type: memory for development without a database");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sferum.store.encryption-key is not Base64", null);
            }
            return JdbcStores.builder().dataSource(dataSource).encryptionKey(key)
                    .tablePrefix(properties.getStore().getTablePrefix()).build();
        }
    }
}
