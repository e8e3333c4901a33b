package org.sferum.sdk.core.session;

import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.spi.SferumEventListener;

/** {@link Events}, delivered by the events issue; listed in {@code docs/status.md}. */
final class NotYetEvents implements Events {
    static final Events INSTANCE = new NotYetEvents();

    private NotYetEvents() {
    }

    @Override
    public Subscription subscribe(SferumEventListener listener) {
        throw NotYet.available("Events.subscribe (F-EMB-02)", "the events issue");
    }
}
