package org.sferum.sdk.testkit.fake;

import java.util.List;
import org.sferum.sdk.testkit.contract.MessageActionsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.engine.MessageReport;

/** The message actions contract against the in-memory fake, on a test clock. */
class FakeMessageActionsContractTest extends MessageActionsContract {
    private FakeFixture fixture;

    @Override
    protected SferumFixture openFixture() {
        fixture = FakeFixture.open();
        return fixture;
    }

    @Override
    protected List<MessageReport> moderatorReports() {
        return fixture.fake().engine().messageActions().reports();
    }
}
