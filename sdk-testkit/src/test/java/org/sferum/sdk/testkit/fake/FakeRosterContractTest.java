package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.RosterContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The roster contract (F-EMB-01, F-CHAT-01) against the in-memory fake. */
class FakeRosterContractTest extends RosterContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
