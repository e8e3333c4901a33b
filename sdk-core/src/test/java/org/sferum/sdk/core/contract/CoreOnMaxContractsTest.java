package org.sferum.sdk.core.contract;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.contract.ChatEventsContract;
import org.sferum.sdk.testkit.contract.LessonCallsContract;
import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * F-EMB-08: the people's contracts on sdk-core's MAX backend. A bot's face lacks what they need (chat
 * administration, a person's messaging, calls), so each is excluded by name, visibly: every test is reported as
 * aborted with «excluded: the backend MAX Bot API lacks […]». What a bot does is {@code BotMessagingContract}
 * ({@link CoreOnMaxBotMessagingContractTest}).
 */
@DisplayName("F-EMB-08 people's contracts on the MAX backend (excluded by name)")
class CoreOnMaxContractsTest {
    /** sdk-core's MAX backend against the emulator's MAX face, with the emulator's demo school. */
    static SferumFixture maxFace() {
        CoreOnEmulator people = CoreOnEmulator.openWithMax();
        SferumClient max = SferumClient.builder()
                .endpoints(Endpoints.max(people.emulator().maxUri().orElseThrow(),
                        people.emulator().demoBot().orElseThrow().token()))
                .discoverPlugins(false).build();
        return new SferumFixture() {
            @Override
            public Sferum sferum() {
                return max;
            }

            @Override
            public DemoSchool school() {
                return people.school();
            }

            @Override
            public void close() {
                max.close();
                people.close();
            }
        };
    }

    @Nested
    @DisplayName("MessagingContract on the MAX backend (excluded: needs CHAT_ADMIN, MESSAGING)")
    class Messaging extends MessagingContract {
        @Override
        protected SferumFixture openFixture() {
            return maxFace();
        }
    }

    @Nested
    @DisplayName("ChatEventsContract on the MAX backend (excluded: needs CHAT_ADMIN, MESSAGING)")
    class ChatEvents extends ChatEventsContract {
        @Override
        protected SferumFixture openFixture() {
            return maxFace();
        }
    }

    @Nested
    @DisplayName("LessonCallsContract on the MAX backend (excluded: needs the call capabilities)")
    class LessonCalls extends LessonCallsContract {
        @Override
        protected SferumFixture openFixture() {
            return maxFace();
        }
    }
}
