package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.contract.SupportContract;

/** The help and feedback contract (F-ACC-03) against the in-memory fake. */
class FakeSupportContractTest extends SupportContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
