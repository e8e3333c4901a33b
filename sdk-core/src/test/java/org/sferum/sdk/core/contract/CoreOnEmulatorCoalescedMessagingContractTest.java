package org.sferum.sdk.core.contract;

import java.time.Duration;
import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The messaging contract (F-MSG-01, F-MSG-11) against sdk-core with automatic coalescing on (issue 15): calls made
 * together on one token (the contract's concurrent sends) go to the emulator as VK {@code execute} and must behave
 * exactly as plain calls do.
 */
class CoreOnEmulatorCoalescedMessagingContractTest extends MessagingContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open(builder -> builder.coalesce(Duration.ofMillis(5)));
    }
}
