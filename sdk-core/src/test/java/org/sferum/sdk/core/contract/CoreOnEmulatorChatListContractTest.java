package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.ChatListContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The chat list and per-user chat actions contract against sdk-core talking HTTP to the emulator on loopback; one
 * test clock for both, so that a mute's end is the same instant on each side of the wire.
 */
class CoreOnEmulatorChatListContractTest extends ChatListContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
