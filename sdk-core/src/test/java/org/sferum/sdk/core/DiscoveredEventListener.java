package org.sferum.sdk.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.spi.SferumEventListener;
import org.sferum.sdk.users.SchoolAccountId;

/** A client-wide event listener registered in {@code META-INF/services} of the test class path (F-EMB-03). */
public final class DiscoveredEventListener implements SferumEventListener {
    /** What this instance received, as {@code account: event}. */
    public final List<String> received = new CopyOnWriteArrayList<>();

    /** Creates the plugin, as ServiceLoader does. */
    public DiscoveredEventListener() {
    }

    @Override
    public void onEvent(SferumEvent event) {
        received.add("?: " + event);
    }

    @Override
    public void onEvent(SchoolAccountId account, SferumEvent event) {
        received.add(account.value() + ": " + event);
    }
}
