package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.ChatAdminContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat management contract against the in-memory fake. */
class FakeChatAdminContractTest extends ChatAdminContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
