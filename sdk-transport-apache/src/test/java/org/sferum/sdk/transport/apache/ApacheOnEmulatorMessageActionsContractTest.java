package org.sferum.sdk.transport.apache;

import java.util.List;
import org.sferum.sdk.testkit.contract.MessageActionsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** sdk-core's message actions contract (edits in one execute) against the emulator, through the Apache transport. */
class ApacheOnEmulatorMessageActionsContractTest extends MessageActionsContract {
    private ApacheOnEmulator face;

    @Override
    protected SferumFixture openFixture() {
        face = ApacheOnEmulator.open();
        return face;
    }

    @Override
    protected List<org.sferum.sdk.testkit.engine.MessageReport> moderatorReports() {
        return face.emulator().engine().messageActions().reports();
    }
}
