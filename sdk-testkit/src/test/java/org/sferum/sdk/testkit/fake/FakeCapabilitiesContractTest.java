package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.contract.CapabilitiesContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The capabilities contract (F-EMB-08) on the fake, its VK API profile a view over the same engine. */
class FakeCapabilitiesContractTest extends CapabilitiesContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }

    @Override
    protected Sferum openVkProfile() {
        return ((FakeFixture) fixture).fake().vkProfile();
    }
}
