package org.sferum.sdk.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.sferum.sdk.testkit.TestClock;

/**
 * The emulator's clock and whether it can be moved: an {@link AdjustableClock} (the default) or a
 * {@link TestClock} given to the builder can; any other clock given to the builder cannot.
 */
final class EmulatorClock {
    private final Clock clock;

    /**
     * Wraps a clock.
     *
     * @param clock the clock the engine reads
     */
    EmulatorClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the clock the engine reads.
     *
     * @return the clock
     */
    Clock clock() {
        return clock;
    }

    /**
     * Tells whether {@link #advance} works.
     *
     * @return whether the clock can be moved
     */
    boolean adjustable() {
        return clock instanceof AdjustableClock || clock instanceof TestClock;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far, not negative
     * @return the new time
     * @throws IllegalStateException when the clock cannot be moved
     * @throws IllegalArgumentException when the amount is negative
     */
    Instant advance(Duration amount) {
        if (clock instanceof AdjustableClock) {
            return ((AdjustableClock) clock).advance(amount);
        }
        if (clock instanceof TestClock) {
            return ((TestClock) clock).advance(amount);
        }
        throw new IllegalStateException("the emulator was started with a clock it cannot move; start it without "
                + "a clock or with a TestClock");
    }
}
