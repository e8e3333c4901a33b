package org.sferum.sdk.core.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.contract.BotFixture;
import org.sferum.sdk.testkit.contract.BotMessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * The bot-messaging contract on sdk-core over the VK API to the emulator (F-EMB-08): the bot is a platform user,
 * its token a user token on the VK face.
 */
class CoreOnEmulatorBotMessagingContractTest extends BotMessagingContract {
    @Override
    protected BotFixture openBotFixture() {
        CoreOnEmulator people = CoreOnEmulator.open();
        SeededBot bot = people.emulator().demoBot().orElseThrow();
        return new BotFixture() {
            @Override
            public SferumFixture people() {
                return people;
            }

            @Override
            public Sferum botFace() {
                return people.sferum();
            }

            @Override
            public SeededBot bot() {
                return bot;
            }

            @Override
            public void close() {
                people.close();
            }
        };
    }
}
