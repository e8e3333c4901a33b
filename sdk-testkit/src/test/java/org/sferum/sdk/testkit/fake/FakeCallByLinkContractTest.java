package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.CallByLinkContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallByLinkContract against the in-memory fake. */
class FakeCallByLinkContractTest extends CallByLinkContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
