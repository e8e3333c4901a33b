package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.CallEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The call events contract against sdk-core: calls over the calls wire, events over the emulator's user long poll
 * ({@code docs/wire/events.md}).
 */
class CoreOnEmulatorCallEventsContractTest extends CallEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
