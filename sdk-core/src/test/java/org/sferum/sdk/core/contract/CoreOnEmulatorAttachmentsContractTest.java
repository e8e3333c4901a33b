package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.AttachmentsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The attachments contract (F-ATT-01, F-ATT-03) against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorAttachmentsContractTest extends AttachmentsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
