package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.CallAttendanceContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallAttendanceContract against the in-memory fake. */
class FakeCallAttendanceContractTest extends CallAttendanceContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
