package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The slice's contract against the in-memory fake. */
class FakeMessagingContractTest extends MessagingContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
