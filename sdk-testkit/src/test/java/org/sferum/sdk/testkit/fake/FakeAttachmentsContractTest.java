package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.testkit.contract.AttachmentsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

class FakeAttachmentsContractTest extends AttachmentsContract {
    @Override
    protected SferumFixture openFixture() {
        return FakeFixture.open();
    }
}
