package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.BatchContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The batch contract (issue 15) against sdk-core, whose batches go to the emulator as VK {@code execute}. */
class CoreOnEmulatorBatchContractTest extends BatchContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
