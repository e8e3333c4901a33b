package org.sferum.sdk.testkit.fake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The fake's events: the engine hands each of the user's events to the subscription, which delivers them in order
 * on its own daemon thread, never under the engine's lock. The engine decides who hears what (F-EMB-02): chat events
 * ({@code ChatEvents}) and call events ({@code CallRules}); nothing is added or dropped here.
 */
final class FakeEvents implements Events {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeEvents(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Subscription subscribe(SferumEventListener listener) {
        Checks.notNull(listener, "listener");
        ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sferum-fake-events");
            thread.setDaemon(true);
            return thread;
        });
        // Held while delivering and while closing: once close() returns no delivery starts, even of an event
        // already queued (as sdk-core's subscriptions behave).
        Object delivering = new Object();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable unsubscribe = engine.subscribe(actor.get(), event -> {
            try {
                delivery.execute(() -> {
                    synchronized (delivering) {
                        if (!closed.get()) {
                            listener.onEvent(event);
                        }
                    }
                });
            } catch (RejectedExecutionException stopped) {
                // the subscription was closed meanwhile: nothing to deliver to
            }
        });
        return () -> {
            synchronized (delivering) {
                closed.set(true);
            }
            unsubscribe.run();
            delivery.shutdown();
        };
    }
}
