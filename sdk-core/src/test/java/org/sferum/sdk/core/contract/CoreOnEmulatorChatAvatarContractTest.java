package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.ChatAvatarContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat avatar contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorChatAvatarContractTest extends ChatAvatarContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
