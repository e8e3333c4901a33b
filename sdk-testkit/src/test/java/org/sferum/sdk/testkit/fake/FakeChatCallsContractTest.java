package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.ChatCallsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The ChatCallsContract against the in-memory fake. */
class FakeChatCallsContractTest extends ChatCallsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
