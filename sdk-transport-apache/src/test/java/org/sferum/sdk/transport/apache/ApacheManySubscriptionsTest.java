package org.sferum.sdk.transport.apache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * Events without a thread per subscription with the Apache transport too (issue 15): its long polls go through
 * HttpClient 5's asynchronous client, so many subscriptions add a bounded number of threads (a count, taken once
 * every subscription has heard an event).
 */
class ApacheManySubscriptionsTest {
    private static final int SUBSCRIPTIONS = 500;
    /** The events executor (4 at most), the async client's I/O threads (one per processor) and its dispatcher,
     *  the classic client's none, and a few spare. */
    private static final int THREAD_BOUND = 4 + Runtime.getRuntime().availableProcessors() + 2 + 4;

    @Test
    @DisplayName("F-EMB-02 issue 15: 500 subscriptions over the Apache transport hear their events on a bounded"
            + " number of threads")
    void fewThreads() throws Exception {
        try (ApacheOnEmulator face = ApacheOnEmulator.open()) {
            DemoSchool school = face.school();
            SferumSession student = face.as(school.students().get(0));
            ChatId chat = face.as(school.teacher()).chats().create(new NewChat("5в",
                    Set.of(school.students().get(0).id()), ChatSettings.ownerOnly()));
            Set<Long> before = new HashSet<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                before.add(thread.getId());
            }
            CountDownLatch heard = new CountDownLatch(SUBSCRIPTIONS);
            List<Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                subscriptions.add(student.events().subscribe(event -> {
                    if (event instanceof SferumEvent.CallStarted) {
                        heard.countDown();
                    }
                }));
            }
            face.emulator().engine().calls().startCallInChat(school.teacher().id(), chat, true);
            assertTrue(heard.await(120, TimeUnit.SECONDS), (SUBSCRIPTIONS - heard.getCount()) + " did not hear it");
            List<String> added = new ArrayList<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.isAlive() && !before.contains(thread.getId())
                        && !thread.getName().startsWith("sferum-emulator")) {
                    added.add(thread.getName());
                }
            }
            assertTrue(added.size() <= THREAD_BOUND, () -> SUBSCRIPTIONS + " subscriptions added " + added.size()
                    + " threads: " + added);
            subscriptions.forEach(Subscription::close);
        }
    }
}
