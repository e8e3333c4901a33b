package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.DirectChatsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** One-to-one and one-to-all chats, reply privately, contacts and notification settings against the fake. */
class FakeDirectChatsContractTest extends DirectChatsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
