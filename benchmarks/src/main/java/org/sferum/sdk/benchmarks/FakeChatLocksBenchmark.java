package org.sferum.sdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.fake.FakeSferum;

/**
 * The fake's send rate from two threads, each thread in its own chat ({@code chats = 2}) against both in one chat
 * ({@code chats = 1}): the engine locks message traffic per chat, so two chats should not wait for each other.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(2)
public class FakeChatLocksBenchmark {
    /** One fake with a teacher's session and the chats, per iteration. */
    @State(Scope.Benchmark)
    public static class Platform {
        /** How many chats the two threads send into. */
        @Param({"1", "2"})
        public int chats;
        SferumSession teacher;
        final List<ChatId> ids = new ArrayList<>();
        final Draft draft = Draft.text("Домашнее задание: №15 и №16 на стр. 42");

        /** Seeds a fake with the chats. */
        @Setup(Level.Iteration)
        public void setUp() {
            FakeSferum fake = FakeSferum.withDemoSchool();
            DemoSchool school = fake.demoSchool().orElseThrow();
            teacher = fake.sessionOf(school.teacher());
            ids.clear();
            for (int i = 0; i < chats; i++) {
                ids.add(teacher.chats().create(NewChat.of("5в-" + i, Set.of(school.students().get(0).id()))));
            }
        }
    }

    /** Which chat this thread sends into. */
    @State(Scope.Thread)
    public static class Sender {
        int index;

        /**
         * Picks the thread's chat.
         *
         * @param thread JMH's thread parameters
         */
        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            index = thread.getThreadIndex();
        }
    }

    /**
     * Sends one message into the thread's chat.
     *
     * @param platform the fake and its chats
     * @param sender the thread's choice of chat
     * @return the stored message
     */
    @Benchmark
    public Message send(Platform platform, Sender sender) {
        return platform.teacher.messages().send(platform.ids.get(sender.index % platform.chats),
                platform.draft);
    }
}
