package org.sferum.sdk.core.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.contract.BotFixture;
import org.sferum.sdk.testkit.contract.BotMessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The bot-messaging contract on sdk-core's MAX backend ({@code Endpoints.max(uri, botToken)}) against the
 * emulator's MAX face (F-EMB-08); people use sdk-core on the VK face of the same emulator.
 */
class CoreOnMaxBotMessagingContractTest extends BotMessagingContract {
    @Override
    protected BotFixture openBotFixture() {
        CoreOnEmulator people = CoreOnEmulator.openWithMax();
        SeededBot bot = people.emulator().demoBot().orElseThrow();
        SferumClient max = SferumClient.builder()
                .endpoints(Endpoints.max(people.emulator().maxUri().orElseThrow(), bot.token()))
                .clock(people.clock())
                .discoverPlugins(false)
                .build();
        return new BotFixture() {
            @Override
            public SferumFixture people() {
                return people;
            }

            @Override
            public Sferum botFace() {
                return max;
            }

            @Override
            public SeededBot bot() {
                return bot;
            }

            @Override
            public void close() {
                max.close();
                people.close();
            }
        };
    }
}
