package org.sferum.sdk.events;

import org.sferum.sdk.spi.SferumEventListener;

/** Real-time events of the current user's chats and calls (F-EMB-02). */
public interface Events {

    /**
     * Delivers the user's events to a listener until the subscription is closed.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#EVENTS}.
     *
     * @param listener the listener
     * @return the subscription
     */
    Subscription subscribe(SferumEventListener listener);
}
