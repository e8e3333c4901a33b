package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sferum.sdk.core.links.TestStores;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.OutgoingRequest;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;

/**
 * Plugins found with ServiceLoader (F-EMB-03): META-INF/services of the test class path declares a request
 * interceptor, a metrics plugin and an event listener; stores are declared on a class loader of the test's own, so
 * that the other tests keep the in-memory defaults.
 */
class PluginDiscoveryTest {
    private static final String ME = "[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    @DisplayName("F-EMB-03 a RequestInterceptor declared as a service is found and called, after the builder's")
    void discovered() {
        RequestInterceptor own = new RequestInterceptor() {
            @Override
            public void beforeSend(OutgoingRequest request) {
                request.header("X-Own", "1");
            }
        };
        transport.ok(ME);
        SferumClient client = TestClients.builder(transport, sleeps).interceptor(own).discoverPlugins(true).build();
        assertEquals(2, client.interceptors().size());
        assertEquals(own, client.interceptors().get(0));
        assertTrue(client.interceptors().get(1) instanceof DiscoveredInterceptor);

        client.session(AccessToken.of(TestClients.TOKEN)).me();
        assertEquals("discovered", transport.requests.get(0).header("X-Plugin"));
        assertEquals(List.of("X-Own", "X-Plugin"), transport.requests.get(0).headers().keySet().stream()
                .filter(h -> h.equals("X-Own") || h.equals("X-Plugin")).toList());
    }

    @Test
    @DisplayName("F-EMB-03 discovery is on by default and can be turned off")
    void switchable() {
        transport.ok(ME);
        SferumClient byDefault = SferumClient.builder().endpoints(Endpoints.emulator(TestClients.BASE))
                .transport(transport).build();
        assertTrue(byDefault.interceptors().stream().anyMatch(i -> i instanceof DiscoveredInterceptor));

        SferumClient off = TestClients.builder(transport, sleeps).discoverPlugins(false).build();
        assertTrue(off.interceptors().isEmpty());
        off.session(AccessToken.of(TestClients.TOKEN)).me();
        assertNull(transport.requests.get(0).header("X-Plugin"));
    }

    @Test
    @DisplayName("F-EMB-03 metrics plugins and event listeners declared as services are found, after the builder's; off with discoverPlugins(false)")
    void discoveredMetricsAndListeners() {
        RecordingMetrics own = new RecordingMetrics();
        SferumEventListener ownListener = event -> { };
        transport.ok(ME);
        SferumClient client = TestClients.builder(transport, sleeps).metrics(own).eventListener(ownListener)
                .discoverPlugins(true).build();
        assertEquals(2, client.metrics().size());
        assertEquals(own, client.metrics().get(0));
        DiscoveredMetrics discovered = (DiscoveredMetrics) client.metrics().get(1);
        assertEquals(2, client.eventListeners().size());
        assertEquals(ownListener, client.eventListeners().get(0));
        assertTrue(client.eventListeners().get(1) instanceof DiscoveredEventListener);

        client.session(AccessToken.of(TestClients.TOKEN)).me();
        assertEquals(List.of("completed users.get ok x1"), own.seen);
        assertEquals(List.of("completed users.get ok x1"), discovered.seen);

        SferumClient off = TestClients.builder(transport, sleeps).discoverPlugins(false).build();
        assertTrue(off.metrics().isEmpty());
        assertTrue(off.eventListeners().isEmpty());
    }

    @Test
    @DisplayName("F-EMB-03 a LinkStore and a TokenStore declared as services are used when none is set; the builder's win; off with discoverPlugins(false)")
    void discoveredStores(@TempDir Path dir) throws IOException {
        declare(dir, LinkStore.class, DeclaredLinkStore.class);
        declare(dir, TokenStore.class, DeclaredTokenStore.class);
        withServices(dir, () -> {
            SferumClient found = TestClients.builder(transport, sleeps).discoverPlugins(true).build();
            assertTrue(found.linkStore() instanceof DeclaredLinkStore);
            assertTrue(found.tokenStore() instanceof DeclaredTokenStore);

            LinkStore mine = LinkStore.inMemory();
            SferumClient chosen = TestClients.builder(transport, sleeps).discoverPlugins(true).linkStore(mine).build();
            assertEquals(mine, chosen.linkStore());
            assertTrue(chosen.tokenStore() instanceof DeclaredTokenStore);

            SferumClient off = TestClients.builder(transport, sleeps).discoverPlugins(false).build();
            assertFalse(off.linkStore() instanceof DeclaredLinkStore);
            assertFalse(off.tokenStore() instanceof DeclaredTokenStore);
            return null;
        });
    }

    @Test
    @DisplayName("F-EMB-03 two TokenStores declared as services: build() refuses and names them")
    void twoStoresRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(dir.resolve("META-INF/services/" + TokenStore.class.getName()),
                DeclaredTokenStore.class.getName() + "\n" + OtherTokenStore.class.getName() + "\n",
                StandardCharsets.UTF_8);
        IllegalStateException e = withServices(dir, () -> assertThrows(IllegalStateException.class,
                () -> TestClients.builder(transport, sleeps).discoverPlugins(true).build()));
        assertTrue(e.getMessage().contains(DeclaredTokenStore.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherTokenStore.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("tokenStore("), e.getMessage());
    }

    private static void declare(Path dir, Class<?> service, Class<?> provider) throws IOException {
        Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(dir.resolve("META-INF/services/" + service.getName()), provider.getName() + "\n",
                StandardCharsets.UTF_8);
    }

    /** Runs with a context class loader that also sees the services declared in {@code dir}. */
    private static <T> T withServices(Path dir, Supplier<T> body) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            return body.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A link store declared as a service in the test's own class loader. */
    public static final class DeclaredLinkStore extends TestStores.FoundLinkStore {
        /** Creates it, as ServiceLoader does. */
        public DeclaredLinkStore() {
        }
    }

    /** A token store declared as a service in the test's own class loader. */
    public static final class DeclaredTokenStore extends TestStores.FoundTokenStore {
        /** Creates it, as ServiceLoader does. */
        public DeclaredTokenStore() {
        }
    }

    /** A second token store, to declare two. */
    public static final class OtherTokenStore extends TestStores.FoundTokenStore {
        /** Creates it, as ServiceLoader does. */
        public OtherTokenStore() {
        }
    }
}
