package org.sferum.sdk.events;

/** A live subscription to events; close it to stop receiving them. */
public interface Subscription extends AutoCloseable {
    /** Stops the deliveries. Idempotent. */
    @Override
    void close();
}
