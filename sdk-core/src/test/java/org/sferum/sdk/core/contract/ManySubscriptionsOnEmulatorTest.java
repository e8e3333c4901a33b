package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * Events without a thread per subscription (issue 15, F-EMB-02): many subscriptions of sdk-core against the
 * emulator on loopback share the client's few threads. The number of threads is a count taken while they run, not a
 * timing. {@code -Dsferum.events.subscriptions=10000} runs the figure (it needs about 20,000 file
 * descriptors: each held poll is one connection, counted on both sides in this one JVM).
 */
class ManySubscriptionsOnEmulatorTest {
    private static final int SUBSCRIPTIONS = Integer.getInteger("sferum.events.subscriptions", 2000);
    /**
     * The most threads the client may add, whatever the number of subscriptions: its events executor and its HTTP
     * client's pool, the HTTP client's selector, and a few spare for the JDK's own (a cleaner, a timer).
     */
    private static final int THREAD_BOUND = org.sferum.sdk.core.wire.VkApi.EVENT_THREADS + 4 + 1 + 4;

    @Test
    @DisplayName("F-EMB-02 issue 15: many subscriptions on one client use a bounded number of threads, each gets its"
            + " events, and closing them stops their polls")
    void manySubscriptionsFewThreads() throws Exception {
        CountingTransport transport = new CountingTransport(new JdkHttpTransport(Duration.ofSeconds(5)));
        CoreOnEmulator face = CoreOnEmulator.open(builder -> builder.transport(transport));
        ThreadSampler sampler = new ThreadSampler();
        try {
            DemoSchool school = face.school();
            SferumSession teacher = face.as(school.teacher());
            SferumSession student = face.as(school.students().get(0));
            ChatId chat = teacher.chats().create(new NewChat("5в", Set.of(school.students().get(0).id()),
                    ChatSettings.ownerOnly()));
            sampler.baseline();
            sampler.start();

            CountDownLatch started = new CountDownLatch(SUBSCRIPTIONS);
            AtomicInteger afterClose = new AtomicInteger();
            List<Subscription> subscriptions = new ArrayList<>(SUBSCRIPTIONS);
            AtomicInteger closedFlag = new AtomicInteger();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                subscriptions.add(student.events().subscribe(event -> {
                    if (closedFlag.get() != 0) {
                        afterClose.incrementAndGet();
                    } else if (event instanceof SferumEvent.CallStarted) {
                        started.countDown();
                    }
                }));
            }
            CountDownLatch controlHeard = new CountDownLatch(1);
            Subscription control = student.events().subscribe(event -> {
                if (event instanceof SferumEvent.CallEnded) {
                    controlHeard.countDown();
                }
            });

            CallId call = face.emulator().engine().calls().startCallInChat(school.teacher().id(), chat, true).id();
            assertTrue(started.await(120, TimeUnit.SECONDS), () -> (SUBSCRIPTIONS - started.getCount()) + " of "
                    + SUBSCRIPTIONS + " subscriptions heard the call start");
            int threadsWhileOpen = sampler.peak();

            closedFlag.set(1);
            for (Subscription subscription : subscriptions) {
                subscription.close();
            }
            int pollsAtClose = transport.pollsSent.get();
            face.emulator().engine().calls().endCallForAll(school.teacher().id(), call);
            assertTrue(controlHeard.await(30, TimeUnit.SECONDS), "the open subscription still hears events");
            control.close();
            sampler.stop();

            assertEquals(0, afterClose.get(), "nothing is delivered after close");
            assertEquals(Set.of(), transport.pollsInFlight(), "closing cancelled every poll");
            // The control polls twice at most; a closed subscription whose next poll was being sent as it closed
            // cancels that poll at once (at most one per thread of the events executor).
            int slack = 2 + org.sferum.sdk.core.wire.VkApi.EVENT_THREADS;
            assertTrue(transport.pollsSent.get() - pollsAtClose <= slack, () -> "only the control subscription"
                    + " polls after the others closed, sent " + (transport.pollsSent.get() - pollsAtClose));
            assertTrue(sampler.peak() <= THREAD_BOUND, () -> SUBSCRIPTIONS + " subscriptions added up to "
                    + sampler.peak() + " threads (" + sampler.peakNames() + "), more than " + THREAD_BOUND);
            assertTrue(threadsWhileOpen <= THREAD_BOUND);
        } finally {
            sampler.stop();
            face.close();
        }
    }

    /** Counts the long polls a transport sends and keeps those still under way. */
    private static final class CountingTransport implements Transport {
        private final Transport delegate;
        final AtomicInteger pollsSent = new AtomicInteger();
        private final Set<CompletableFuture<TransportResponse>> inFlight = ConcurrentHashMap.newKeySet();

        CountingTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public TransportResponse execute(TransportRequest request) throws IOException {
            return delegate.execute(request);
        }

        @Override
        public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
            CompletableFuture<TransportResponse> answer = delegate.executeAsync(request);
            if (request.uri().getPath().endsWith("/lp/im")) {
                pollsSent.incrementAndGet();
                inFlight.add(answer);
                answer.whenComplete((response, failure) -> inFlight.remove(answer));
            }
            return answer;
        }

        Set<CompletableFuture<TransportResponse>> pollsInFlight() {
            Set<CompletableFuture<TransportResponse>> live = new HashSet<>();
            for (CompletableFuture<TransportResponse> answer : inFlight) {
                if (!answer.isDone()) {
                    live.add(answer);
                }
            }
            return live;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * Samples the live threads the test did not start with, leaving out the emulator's own (its Jetty pool and long
     * poll timer are named {@code sferum-emulator…}), and keeps the largest count seen.
     */
    private static final class ThreadSampler {
        private final Set<Long> before = new HashSet<>();
        private final AtomicInteger peak = new AtomicInteger();
        private volatile List<String> peakNames = List.of();
        private volatile boolean running;
        private Thread thread;

        void baseline() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                before.add(t.getId());
            }
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "thread-sampler");
            thread.setDaemon(true);
            before.add(thread.getId());
            thread.start();
        }

        private void sample() {
            List<String> added = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !before.contains(t.getId()) && !t.getName().startsWith("sferum-emulator")) {
                    added.add(t.getName());
                }
            }
            if (added.size() > peak.get()) {
                peak.set(added.size());
                peakNames = added;
            }
        }

        int peak() {
            sample();
            return peak.get();
        }

        List<String> peakNames() {
            return peakNames;
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(5000);
            }
        }
    }
}
