package org.sferum.sdk.spi;

import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Receives events (F-EMB-02). Two ways to use one:
 * <ul>
 *   <li>given to {@link org.sferum.sdk.events.Events#subscribe}: it receives that session's events only, through
 *       {@link #onEvent(SferumEvent)};</li>
 *   <li>as a client-wide listener (F-EMB-03), set on the real client's builder or found with
 *       {@link java.util.ServiceLoader}: it receives nothing until the embedder explicitly subscribes accounts for
 *       the client-wide listeners (sdk-core's {@code SferumClient.subscribeAll}), and then the events of those
 *       accounts only, through {@link #onEvent(SchoolAccountId, SferumEvent)}, which says whose event it is.
 *       Override that method: its default forgets the account.</li>
 * </ul>
 * Called on an SDK thread (one per subscription, so several at once for a client-wide listener): return quickly,
 * and be thread-safe when used client-wide. An exception thrown is logged and the next events are still delivered.
 */
@FunctionalInterface
public interface SferumEventListener {
    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(SferumEvent event);

    /**
     * Handles one event of a school account, as a client-wide listener. The default calls
     * {@link #onEvent(SferumEvent)}, dropping the account; a listener that serves several accounts overrides this.
     *
     * @param account the school account whose user the event was delivered to
     * @param event the event, as that user sees it
     */
    default void onEvent(SchoolAccountId account, SferumEvent event) {
        onEvent(event);
    }
}
