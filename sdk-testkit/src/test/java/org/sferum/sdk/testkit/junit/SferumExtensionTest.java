package org.sferum.sdk.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.fake.FakeSferum;

@SferumTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SferumExtensionTest {
    private static FakeSferum previous;

    @Test
    @Order(1)
    void handsOutAFakeWithTheDemoSchoolAndTheClock(FakeSferum sferum, Sferum same, DemoSchool school,
                                                   TestClock clock) {
        assertSame(sferum, same);
        assertSame(sferum.demoSchool().orElseThrow(), school);
        assertEquals(SferumExtension.START, clock.instant());
        sferum.sessionOf(school.teacher()).chats().create(NewChat.of("Кружок", Set.of()));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(SferumExtension.START.plusSeconds(300), sferum.engine().clock().instant(),
                "the fake reads the test's clock");
        previous = sferum;
    }

    @Test
    @Order(2)
    void eachTestGetsAFreshFake(FakeSferum sferum, DemoSchool school, TestClock clock) {
        assertNotSame(previous, sferum);
        assertEquals(SferumExtension.START, clock.instant(), "each test's clock starts again");
        assertTrue(sferum.sessionOf(school.teacher()).chats().list(ChatFilter.ALL, PageRequest.first())
                .items().isEmpty(), "nothing leaks from the previous test");
    }
}
