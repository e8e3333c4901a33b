package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.CallByLinkContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallByLink contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorCallByLinkContractTest extends CallByLinkContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
