package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.CallRecordingsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallRecordings contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorCallRecordingsContractTest extends CallRecordingsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
