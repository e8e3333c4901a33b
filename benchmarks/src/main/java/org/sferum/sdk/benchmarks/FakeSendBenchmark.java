package org.sferum.sdk.benchmarks;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.fake.FakeSferum;

/** How many sends per second the fake takes from two threads, through its one lock (a test-speed figure). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class FakeSendBenchmark {
    private SferumSession teacher;
    private ChatId chat;
    private final Draft draft = Draft.text("Домашнее задание: №15 и №16 на стр. 42");

    /** Seeds a fake with a class chat. */
    @Setup(Level.Iteration)
    public void setUp() {
        FakeSferum fake = FakeSferum.withDemoSchool();
        DemoSchool school = fake.demoSchool().orElseThrow();
        teacher = fake.sessionOf(school.teacher());
        chat = teacher.chats().create(NewChat.of("5в", Set.of(school.students().get(0).id())));
    }

    /**
     * Sends one message.
     *
     * @return the stored message
     */
    @Benchmark
    public Message send() {
        return teacher.messages().send(chat, draft);
    }
}
