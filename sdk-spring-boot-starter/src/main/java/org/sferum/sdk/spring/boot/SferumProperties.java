package org.sferum.sdk.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code sferum.*} properties of {@code application.yml}:
 *
 * <pre>{@code
 * sferum:
 *   application-id: "51000000"                               # the school system's VK ID application
 *   redirect-uri: https://school.example/sferum/callback     # registered with that application
 *   backend: vk                                              # vk (default) or emulator
 *   endpoints:
 *     emulator: http://127.0.0.1:8080                        # backend: emulator
 *     partner: https://partner.example                       # backend: vk, with the partner contract
 *     partner-key: ${SFERUM_PARTNER_KEY}
 *   store:
 *     type: jdbc                                             # jdbc (default with a DataSource) or memory
 *     encryption-key: ${SFERUM_STORE_KEY}                    # 32 bytes, Base64 (openssl rand -base64 32)
 *     table-prefix: sferum_
 *   discover-plugins: false                                  # plugins declared as ServiceLoader services too
 *   health:
 *     timeout: 2s
 * }</pre>
 */
@ConfigurationProperties(prefix = "sferum")
public class SferumProperties {
    /** Which platform the client talks to. */
    public enum Backend {
        /** The public VK API and VK ID; with {@code sferum.endpoints.partner} the partner contract too. */
        VK,
        /** An emulator (sferum-emulator or sdk-testkit) at {@code sferum.endpoints.emulator}. */
        EMULATOR
    }

    /** Where the client keeps links and tokens. */
    public enum StoreType {
        /** The JDBC stores on the application's DataSource (sferum-sdk-store-jdbc). */
        JDBC,
        /** In memory: lost at restart and not shared by nodes; for development only. */
        MEMORY
    }

    private String applicationId;
    private URI redirectUri;
    private Backend backend = Backend.VK;
    private final Endpoints endpoints = new Endpoints();
    private final Store store = new Store();
    private final Health health = new Health();
    private boolean discoverPlugins;

    /**
     * Returns the school system's VK ID application id.
     *
     * @return the id, or {@code null} when not set
     */
    public String getApplicationId() {
        return applicationId;
    }

    /**
     * Sets the school system's VK ID application id.
     *
     * @param applicationId the id
     */
    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    /**
     * Returns the redirect URI registered with the VK ID application.
     *
     * @return the URI, or {@code null} when not set
     */
    public URI getRedirectUri() {
        return redirectUri;
    }

    /**
     * Sets the redirect URI registered with the VK ID application.
     *
     * @param redirectUri the URI
     */
    public void setRedirectUri(URI redirectUri) {
        this.redirectUri = redirectUri;
    }

    /**
     * Returns the backend.
     *
     * @return the backend, {@link Backend#VK} unless set
     */
    public Backend getBackend() {
        return backend;
    }

    /**
     * Sets the backend.
     *
     * @param backend the backend
     */
    public void setBackend(Backend backend) {
        this.backend = backend;
    }

    /**
     * Returns the endpoints' properties.
     *
     * @return {@code sferum.endpoints.*}
     */
    public Endpoints getEndpoints() {
        return endpoints;
    }

    /**
     * Returns the stores' properties.
     *
     * @return {@code sferum.store.*}
     */
    public Store getStore() {
        return store;
    }

    /**
     * Returns the health indicator's properties.
     *
     * @return {@code sferum.health.*}
     */
    public Health getHealth() {
        return health;
    }

    /**
     * Tells whether plugins declared as {@link java.util.ServiceLoader} services are added to the client.
     *
     * @return {@code false} unless set: the application's beans are the plugins
     */
    public boolean isDiscoverPlugins() {
        return discoverPlugins;
    }

    /**
     * Sets whether plugins declared as services are added to the client, after the application's beans.
     *
     * @param discoverPlugins whether to look for services
     */
    public void setDiscoverPlugins(boolean discoverPlugins) {
        this.discoverPlugins = discoverPlugins;
    }

    /** {@code sferum.endpoints.*}: where the backend is. */
    public static class Endpoints {
        private URI emulator;
        private URI partner;
        private String partnerKey;

        /**
         * Returns the emulator's base address.
         *
         * @return the address, or {@code null}
         */
        public URI getEmulator() {
            return emulator;
        }

        /**
         * Sets the emulator's base address (backend {@code emulator}).
         *
         * @param emulator the address, such as {@code http://127.0.0.1:8080}
         */
        public void setEmulator(URI emulator) {
            this.emulator = emulator;
        }

        /**
         * Returns the partner contract's base address.
         *
         * @return the address, or {@code null}
         */
        public URI getPartner() {
            return partner;
        }

        /**
         * Sets the partner contract's base address (backend {@code vk}).
         *
         * @param partner the address
         */
        public void setPartner(URI partner) {
            this.partner = partner;
        }

        /**
         * Returns the partner key.
         *
         * @return the key, or {@code null}
         */
        public String getPartnerKey() {
            return partnerKey;
        }

        /**
         * Sets the partner key; keep it out of the repository (an environment variable, a secret store).
         *
         * @param partnerKey the key
         */
        public void setPartnerKey(String partnerKey) {
            this.partnerKey = partnerKey;
        }
    }

    /** {@code sferum.store.*}: the link and token stores. */
    public static class Store {
        private StoreType type;
        private String encryptionKey;
        private String tablePrefix = "sferum_";

        /**
         * Returns the store type.
         *
         * @return the type, or {@code null} for the default: JDBC when the application has a DataSource
         */
        public StoreType getType() {
            return type;
        }

        /**
         * Sets the store type.
         *
         * @param type the type
         */
        public void setType(StoreType type) {
            this.type = type;
        }

        /**
         * Returns the encryption key, Base64.
         *
         * @return the key, or {@code null}
         */
        public String getEncryptionKey() {
            return encryptionKey;
        }

        /**
         * Sets the key that encrypts tokens at rest: 32 bytes in Base64, the same on every node.
         *
         * @param encryptionKey the key
         */
        public void setEncryptionKey(String encryptionKey) {
            this.encryptionKey = encryptionKey;
        }

        /**
         * Returns the table prefix.
         *
         * @return the prefix, {@code sferum_} unless set
         */
        public String getTablePrefix() {
            return tablePrefix;
        }

        /**
         * Sets the table prefix.
         *
         * @param tablePrefix the prefix
         */
        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** {@code sferum.health.*}: the Actuator health indicator. */
    public static class Health {
        private Duration timeout = Duration.ofSeconds(2);

        /**
         * Returns how long the platform's check may take.
         *
         * @return the timeout, 2 seconds unless set
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long the platform's check may take.
         *
         * @param timeout the timeout
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    @Override
    public String toString() {
        // The partner key and the encryption key are never shown.
        return "SferumProperties[backend=" + backend + ", applicationId=" + applicationId + ", redirectUri="
                + redirectUri + ", store=" + store.type + "]";
    }
}
