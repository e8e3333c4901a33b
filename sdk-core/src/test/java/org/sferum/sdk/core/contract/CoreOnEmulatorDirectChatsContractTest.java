package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.DirectChatsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * One-to-one and one-to-all chats, reply privately, contacts and notification settings against sdk-core talking
 * HTTP to the emulator on loopback.
 */
class CoreOnEmulatorDirectChatsContractTest extends DirectChatsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
