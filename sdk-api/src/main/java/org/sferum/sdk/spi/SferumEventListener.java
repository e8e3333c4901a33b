package org.sferum.sdk.spi;

import org.sferum.sdk.events.SferumEvent;

/**
 * Receives events (F-EMB-02). Implementations may be registered on a subscription or found with
 * {@link java.util.ServiceLoader}. Called on an SDK thread; return quickly.
 */
@FunctionalInterface
public interface SferumEventListener {
    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(SferumEvent event);
}
