package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.ChatEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat events contract against the in-memory fake. */
class FakeChatEventsContractTest extends ChatEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
