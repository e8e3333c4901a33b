package org.sferum.sdk.testkit.fake;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.contract.BotFixture;
import org.sferum.sdk.testkit.contract.BotMessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/** The bot-messaging contract on the in-memory fake: people and the bot on the same fake (F-EMB-08). */
class FakeBotMessagingContractTest extends BotMessagingContract {
    @Override
    protected BotFixture openBotFixture() {
        FakeFixture people = FakeFixture.open();
        SeededBot bot = SeededBot.seed(people.fake().engine(), SeededBot.DEMO_NAME);
        return new BotFixture() {
            @Override
            public SferumFixture people() {
                return people;
            }

            @Override
            public Sferum botFace() {
                return people.fake();
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
