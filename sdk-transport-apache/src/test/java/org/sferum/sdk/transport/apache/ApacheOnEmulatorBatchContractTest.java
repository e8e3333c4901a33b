package org.sferum.sdk.transport.apache;

import org.sferum.sdk.testkit.contract.BatchContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** sdk-core's Batch contract against the emulator, through the Apache transport (issue 15). */
class ApacheOnEmulatorBatchContractTest extends BatchContract {
    @Override
    protected SferumFixture openFixture() {
        return ApacheOnEmulator.open();
    }
}
