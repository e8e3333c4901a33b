package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.ChatCallsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The ChatCalls contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorChatCallsContractTest extends ChatCallsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
