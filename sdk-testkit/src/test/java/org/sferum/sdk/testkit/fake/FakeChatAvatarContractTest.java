package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.contract.ChatAvatarContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The chat avatar contract against the in-memory fake. */
class FakeChatAvatarContractTest extends ChatAvatarContract {
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
