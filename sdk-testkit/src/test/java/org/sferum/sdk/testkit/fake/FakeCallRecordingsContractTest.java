package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.CallRecordingsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallRecordingsContract against the in-memory fake. */
class FakeCallRecordingsContractTest extends CallRecordingsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
