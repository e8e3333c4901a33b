package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.BatchContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The batch contract (issue 15) against the in-memory fake. */
class FakeBatchContractTest extends BatchContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
