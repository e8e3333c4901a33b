package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.contract.DirectChatsContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** One-to-one and one-to-all chats, reply privately, contacts and notification settings against the fake. */
class FakeDirectChatsContractTest extends DirectChatsContract {
    @Override
    protected SferumFixture openFixture() {
        FakeSferum fake = FakeSferum.withDemoSchool();
        return new SferumFixture() {
            @Override
            public Sferum sferum() {
                return fake;
            }

            @Override
            public DemoSchool school() {
                return fake.demoSchool().orElseThrow();
            }

            @Override
            public void close() {
                fake.close();
            }
        };
    }
}
