package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.RosterContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The roster contract (F-EMB-01, F-CHAT-01) against sdk-core talking to the emulator: members through VK's
 * {@code execute}, keyed chats, archiving and pending people through the partner contract, linking told to the
 * platform ({@code docs/wire/roster.md}).
 */
class CoreOnEmulatorRosterContractTest extends RosterContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.openWithRoster();
    }
}
