package org.sferum.sdk.core.contract;

import java.util.List;
import org.sferum.sdk.testkit.contract.MessageActionsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.engine.MessageReport;

/** The message actions contract against sdk-core talking HTTP to the emulator, both on one test clock. */
class CoreOnEmulatorMessageActionsContractTest extends MessageActionsContract {
    private CoreOnEmulator face;

    @Override
    protected SferumFixture openFixture() {
        face = CoreOnEmulator.open();
        return face;
    }

    @Override
    protected List<MessageReport> moderatorReports() {
        return face.emulator().engine().messageActions().reports();
    }
}
