package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.CallParticipantsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallParticipants contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorCallParticipantsContractTest extends CallParticipantsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
