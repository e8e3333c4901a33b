package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.LessonCallsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The lesson calls contract against the in-memory fake. */
class FakeLessonCallsContractTest extends LessonCallsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
