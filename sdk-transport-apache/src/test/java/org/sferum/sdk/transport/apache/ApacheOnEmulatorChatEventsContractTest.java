package org.sferum.sdk.transport.apache;

import org.sferum.sdk.testkit.contract.ChatEventsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** sdk-core's ChatEvents contract against the emulator, through the Apache transport (issue 15). */
class ApacheOnEmulatorChatEventsContractTest extends ChatEventsContract {
    @Override
    protected SferumFixture openFixture() {
        return ApacheOnEmulator.open();
    }
}
