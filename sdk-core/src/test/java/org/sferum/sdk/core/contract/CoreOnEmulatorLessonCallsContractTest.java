package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.LessonCallsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The lesson calls contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorLessonCallsContractTest extends LessonCallsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
