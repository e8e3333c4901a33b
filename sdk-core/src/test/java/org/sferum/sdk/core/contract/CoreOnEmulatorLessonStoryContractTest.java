package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.LessonStoryContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The LessonStory contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorLessonStoryContractTest extends LessonStoryContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
