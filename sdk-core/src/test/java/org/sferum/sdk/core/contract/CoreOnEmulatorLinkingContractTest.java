package org.sferum.sdk.core.contract;

import org.junit.jupiter.api.Nested;
import org.sferum.sdk.testkit.contract.LinkingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The linking contract against sdk-core talking to the emulator: an HTTP client walks the emulator's VK ID pages as
 * a browser would, sdk-core exchanges the code and verifies the ID token. Run twice: with the emulator's JWKS
 * configured (local signature check), with no keys (the {@code /oauth2/public_info} check), and over TLS with the
 * emulator's self-signed certificate, as VK's own clients need.
 */
class CoreOnEmulatorLinkingContractTest {

    @Nested
    class WithJwks extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return CoreOnEmulator.open(true, false);
        }
    }

    @Nested
    class OverTls extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return CoreOnEmulator.open(true, true);
        }
    }

    @Nested
    class WithPublicInfo extends LinkingContract {
        @Override
        protected SferumFixture openFixture() {
            return CoreOnEmulator.open(false, false);
        }
    }
}
