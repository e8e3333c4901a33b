package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.spi.OutgoingRequest;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.users.AccessToken;

/** Plugins found with ServiceLoader (F-EMB-03): META-INF/services of the test class path declares one. */
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
}
