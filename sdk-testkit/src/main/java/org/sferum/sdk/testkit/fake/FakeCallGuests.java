package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.calls.RecordingId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.calls.GuestStatus;
import org.sferum.sdk.testkit.calls.GuestTicket;
import org.sferum.sdk.testkit.engine.PlatformEngine;

/** Anonymous guests of the fake's calls: straight to the engine's rules, as the call page would. */
final class FakeCallGuests implements CallGuests {
    private final PlatformEngine engine;

    FakeCallGuests(PlatformEngine engine) {
        this.engine = engine;
    }

    @Override
    public GuestTicket join(String joinLink, String name) {
        Checks.notNull(joinLink, "join link");
        Checks.notNull(name, "name");
        return engine.calls().guestJoin(joinLink, name);
    }

    @Override
    public GuestStatus rejoin(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        return engine.calls().guestRejoin(guest.secret());
    }

    @Override
    public GuestStatus status(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        return engine.calls().guestStatus(guest.secret());
    }

    @Override
    public void leave(GuestTicket guest) {
        Checks.notNull(guest, "guest");
        engine.calls().guestLeave(guest.secret());
    }

    @Override
    public String recordingLink(GuestTicket guest, RecordingId recording) {
        Checks.notNull(guest, "guest");
        Checks.notNull(recording, "recording");
        return engine.calls().guestRecordingLink(guest.secret(), recording);
    }
}
