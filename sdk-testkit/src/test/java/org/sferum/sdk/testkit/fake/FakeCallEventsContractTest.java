package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.CallEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The call events contract against the in-memory fake. */
class FakeCallEventsContractTest extends CallEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
