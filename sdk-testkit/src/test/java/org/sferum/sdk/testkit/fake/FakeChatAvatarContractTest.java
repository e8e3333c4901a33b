package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.ChatAvatarContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat avatar contract against the in-memory fake. */
class FakeChatAvatarContractTest extends ChatAvatarContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
