package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.junit.SferumExtension;
import org.sferum.sdk.testkit.junit.SferumTest;

/** The testkit's JUnit extension hands out an emulator, found through its TestServerProvider (issue 14). */
@SferumTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
    private static SferumEmulator previousEmulator;

    @Test
    @Order(1)
    @DisplayName("F-EMB-04 @SferumTest hands out an emulator with the demo school on the test's clock")
    void handsOutAnEmulatorAndItsSchool(SferumEmulator emulator, DemoSchool school, TestClock clock) throws Exception {
        assertSame(emulator.demoSchool().orElseThrow(), school);
        assertEquals(SferumExtension.START, clock.instant());
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        previousEmulator = emulator;
    }

    @Test
    @Order(2)
    @DisplayName("F-EMB-04 the emulator is closed after the test")
    void closesTheEmulatorAfterTheTest() {
        URI old = previousEmulator.baseUri();
        assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(old + "/_emulator/health")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
