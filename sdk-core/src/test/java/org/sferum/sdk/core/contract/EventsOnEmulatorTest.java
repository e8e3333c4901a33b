package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * sdk-core's events against the emulator beyond the contract (docs/wire/events.md): a key that expires while
 * subscribed is replaced without losing an event, and a listener that throws does not stop the next events.
 */
class EventsOnEmulatorTest {
    private CoreOnEmulator face;
    private DemoSchool school;
    private ChatId chat;

    @BeforeEach
    void open() {
        face = CoreOnEmulator.open();
        school = face.school();
        chat = face.as(school.teacher()).chats().create(new NewChat("5в", Set.of(school.students().get(0).id()),
                ChatSettings.ownerOnly()));
    }

    @AfterEach
    void close() {
        face.close();
    }

    private CallId startAndEnd() {
        CallId call = face.emulator().engine().calls().startCallInChat(school.teacher().id(), chat, true).id();
        face.emulator().engine().calls().endCallForAll(school.teacher().id(), call);
        return call;
    }

    private static SferumEvent next(BlockingQueue<SferumEvent> events) throws InterruptedException {
        SferumEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "an event within 10 s");
        return event;
    }

    @Test
    @DisplayName("F-EMB-02: when the long poll key expires (an hour on the service's clock), a new one is taken and no event is lost")
    void keyExpiry() throws Exception {
        BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
        try (org.sferum.sdk.core.LogCapture logs = org.sferum.sdk.core.LogCapture.start();
             Subscription ignored = face.as(school.students().get(0)).events().subscribe(events::add)) {
            CallId first = startAndEnd();
            assertEquals(new SferumEvent.CallEnded(first), skipTo(events, SferumEvent.CallEnded.class));
            face.advanceClock(Duration.ofHours(2));
            CallId second = startAndEnd();
            assertEquals(second, skipTo(events, SferumEvent.CallStarted.class).call());
            assertEquals(new SferumEvent.CallEnded(second), skipTo(events, SferumEvent.CallEnded.class));
            CallId third = startAndEnd();
            assertEquals(third, skipTo(events, SferumEvent.CallStarted.class).call());
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().equals(
                    "long poll failed 2: reconnecting")), "the expired key was answered with failed 2");
        }
    }

    @Test
    @DisplayName("F-EMB-02: a listener that throws gets the next events all the same")
    void throwingListener() throws Exception {
        BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
        try (Subscription ignored = face.as(school.students().get(0)).events().subscribe(event -> {
            events.add(event);
            throw new IllegalStateException("the UI is busy");
        })) {
            CallId call = startAndEnd();
            assertEquals(call, skipTo(events, SferumEvent.CallStarted.class).call());
            assertEquals(new SferumEvent.CallEnded(call), skipTo(events, SferumEvent.CallEnded.class));
        }
    }

    private static <T extends SferumEvent> T skipTo(BlockingQueue<SferumEvent> events, Class<T> type)
            throws InterruptedException {
        while (true) {
            SferumEvent event = next(events);
            if (type.isInstance(event)) {
                return assertInstanceOf(type, event);
            }
        }
    }
}
