package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.CallParticipantsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The CallParticipantsContract against the in-memory fake. */
class FakeCallParticipantsContractTest extends CallParticipantsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
