package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.CallAttendanceContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallAttendance contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorCallAttendanceContractTest extends CallAttendanceContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
