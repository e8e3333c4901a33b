package org.sferum.sdk.testkit.assertj;

import org.assertj.core.api.Assertions;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.fake.FakeSferum;

/**
 * The entry point of the testkit's AssertJ assertions. It extends AssertJ's {@link Assertions}, so one static
 * import gives both:
 *
 * <pre>{@code
 * import static org.sferum.sdk.testkit.assertj.SferumAssertions.assertThat;
 *
 * assertThat(message).isFrom(school.teacher()).hasText("Домашнее задание: №15, №16");
 * assertThat(fake).chat(chatId).hasTitle("5в Математика").hasMembers(school.teacher(), school.students().get(0));
 * assertThat(call).isRunning();
 * assertThat(List.of(1, 2)).hasSize(2);     // AssertJ's own
 * }</pre>
 */
public class SferumAssertions extends Assertions {
    /** Only static methods; extend it to add a project's own. */
    protected SferumAssertions() {
    }

    /**
     * Starts assertions on a message.
     *
     * @param actual the message
     * @return the assertions
     */
    public static MessageAssert assertThat(Message actual) {
        return new MessageAssert(actual);
    }

    /**
     * Starts assertions on a call.
     *
     * @param actual the call
     * @return the assertions
     */
    public static CallAssert assertThat(Call actual) {
        return new CallAssert(actual);
    }

    /**
     * Starts assertions on what the fake holds.
     *
     * @param actual the fake
     * @return the assertions
     */
    public static PlatformAssert assertThat(FakeSferum actual) {
        return new PlatformAssert(actual == null ? null : actual.engine(), "the fake");
    }

    /**
     * Starts assertions on what an emulator holds.
     *
     * @param actual the emulator
     * @return the assertions
     */
    public static PlatformAssert assertThat(SferumEmulator actual) {
        return new PlatformAssert(actual == null ? null : actual.engine(), "the emulator");
    }

    /**
     * Starts assertions on what a platform engine holds.
     *
     * @param actual the engine
     * @return the assertions
     */
    public static PlatformAssert assertThat(PlatformEngine actual) {
        return new PlatformAssert(actual, "the platform");
    }
}
