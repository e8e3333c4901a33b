package org.sferum.sdk.core.contract;

import org.sferum.sdk.testkit.contract.ChatEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The chat events contract against sdk-core: chats and messages over the VK API wire, events over the emulator's
 * user long poll as VK's updates 2, 4, 5, 6, 7 and 52 ({@code docs/wire/events.md}).
 */
class CoreOnEmulatorChatEventsContractTest extends ChatEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }
}
