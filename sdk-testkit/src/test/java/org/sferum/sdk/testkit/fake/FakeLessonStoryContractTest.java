package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.LessonStoryContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The LessonStoryContract against the in-memory fake. */
class FakeLessonStoryContractTest extends LessonStoryContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
