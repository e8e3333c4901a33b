package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.ChatListContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat list and per-user chat actions contract against the in-memory fake, on a test clock. */
class FakeChatListContractTest extends ChatListContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
