package org.sferum.sdk.core.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

/** The slice's contract against sdk-core talking HTTP to the emulator on loopback. */
class CoreOnEmulatorMessagingContractTest extends MessagingContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }

    /** sdk-core pointed at a fresh emulator with the demo school. */
    static final class CoreOnEmulator implements SferumFixture {
        private final SferumEmulator emulator;
        private final SferumClient client;

        private CoreOnEmulator(SferumEmulator emulator, SferumClient client) {
            this.emulator = emulator;
            this.client = client;
        }

        static CoreOnEmulator open() {
            SferumEmulator emulator = SferumEmulator.start();
            SferumClient client = SferumClient.builder()
                    .endpoints(Endpoints.emulator(emulator.baseUri()))
                    .discoverPlugins(false)
                    .build();
            return new CoreOnEmulator(emulator, client);
        }

        @Override
        public Sferum sferum() {
            return client;
        }

        @Override
        public DemoSchool school() {
            return emulator.demoSchool().orElseThrow();
        }

        @Override
        public void close() {
            client.close();
            emulator.close();
        }
    }
}
