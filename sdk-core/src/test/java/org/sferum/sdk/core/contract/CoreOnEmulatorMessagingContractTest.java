package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The slice's contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorMessagingContractTest extends MessagingContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
