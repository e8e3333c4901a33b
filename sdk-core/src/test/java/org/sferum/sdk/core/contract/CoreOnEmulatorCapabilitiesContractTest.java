package org.sferum.sdk.core.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.contract.CapabilitiesContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The capabilities contract (F-EMB-08) on sdk-core: the full face on {@code Endpoints.emulator}, the VK API profile
 * a second client with {@code new Endpoints(api, id)} (the VK API and VK ID, no partner contract) pointed at the
 * same emulator.
 */
class CoreOnEmulatorCapabilitiesContractTest extends CapabilitiesContract {
    @Override
    protected SferumFixture openFixture() {
        return CoreOnEmulator.open();
    }

    @Override
    protected Sferum openVkProfile() {
        java.net.URI base = ((CoreOnEmulator) fixture).emulator().baseUri();
        return SferumClient.builder().endpoints(new Endpoints(base, base)).discoverPlugins(false).build();
    }
}
