package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.ChatAdminContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat management contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorChatAdminContractTest extends ChatAdminContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
