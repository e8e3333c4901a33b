package org.sferum.sdk.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that reads another clock (the system clock) plus an offset that only grows: what
 * {@link SferumEmulator#start()} and the command line use, so that {@code POST /_emulator/clock} can move time
 * forward for expiring codes and tokens while time otherwise passes normally. Thread-safe.
 */
final class AdjustableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    /**
     * Creates a clock with no offset.
     *
     * @param base the clock to add the offset to
     */
    AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far, not negative
     * @return the new time
     */
    Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the emulator's clock only moves forward");
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
