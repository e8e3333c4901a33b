package org.sferum.sdk.emulator;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/** Starts a demo-seeded emulator on a test clock for each test, with its VK ID driver and a raw VK ID client. */
abstract class VkIdTestBase {
    static final Instant START = Instant.parse("2026-09-01T06:00:00Z");

    TestClock clock;
    SferumEmulator emulator;
    DemoSchool school;
    VkIdUsers vkId;
    VkIdWire wire;

    @BeforeEach
    void startEmulator() {
        clock = TestClock.at(START);
        emulator = SferumEmulator.builder().clock(clock).start();
        school = emulator.demoSchool().orElseThrow();
        vkId = emulator.vkIdUsers();
        wire = new VkIdWire(emulator);
    }

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** The last SMS code sent to a phone, which must exist. */
    String code(String phone) {
        return vkId.lastSmsCode(phone).orElseThrow(() -> new AssertionError("no SMS was sent"));
    }
}
