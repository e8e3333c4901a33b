package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.contract.ChatAdminContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat management contract against the in-memory fake. */
class FakeChatAdminContractTest extends ChatAdminContract {
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
