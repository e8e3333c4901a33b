package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.LinkingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The linking contract against the fake, the user scripted over the engine's VK ID. */
class FakeLinkingContractTest extends LinkingContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
