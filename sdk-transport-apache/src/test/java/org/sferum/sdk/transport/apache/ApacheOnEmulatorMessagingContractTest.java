package org.sferum.sdk.transport.apache;

import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** sdk-core's Messaging contract against the emulator, through the Apache transport (issue 15). */
class ApacheOnEmulatorMessagingContractTest extends MessagingContract {
    @Override
    protected SferumFixture openFixture() {
        return ApacheOnEmulator.open();
    }
}
