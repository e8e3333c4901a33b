package org.sferum.sdk.core.contract;

import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.contract.SupportContract;

/** The help and feedback contract (F-ACC-03) against sdk-core talking to the emulator's partner methods. */
class CoreOnEmulatorSupportContractTest extends SupportContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open(builder -> builder.retryPolicy(RetryPolicy.none()));
    }
}
