package org.sferum.sdk.testkit.fake;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.sferum.sdk.testkit.contract.AttachmentsContract;
import org.sferum.sdk.testkit.contract.ChatEventsContract;
import org.sferum.sdk.testkit.contract.LessonCallsContract;
import org.sferum.sdk.testkit.contract.MessagingContract;
import org.sferum.sdk.testkit.contract.SferumFixture;

/**
 * F-EMB-08: the contracts on a fake that offers only what the public VK API carries. Those whose capabilities it
 * has run and pass; those that need the partner contract are excluded by name (each test aborted with the
 * backend and the missing capabilities), as {@code LessonCallsContract} is here.
 */
@DisplayName("F-EMB-08 contracts on the fake's VK API profile")
class FakeVkProfileContractsTest {
    @Nested
    @DisplayName("MessagingContract on the VK API profile (runs)")
    class Messaging extends MessagingContract {
        @Override
        protected SferumFixture openFixture() {
            return FakeFixture.vkProfile();
        }
    }

    @Nested
    @DisplayName("AttachmentsContract on the VK API profile (runs)")
    class Attachments extends AttachmentsContract {
        @Override
        protected SferumFixture openFixture() {
            return FakeFixture.vkProfile();
        }
    }

    @Nested
    @DisplayName("ChatEventsContract on the VK API profile (runs)")
    class ChatEvents extends ChatEventsContract {
        @Override
        protected SferumFixture openFixture() {
            return FakeFixture.vkProfile();
        }
    }

    @Nested
    @DisplayName("LessonCallsContract on the VK API profile (excluded: needs LESSON_CALLS, CALL_MANAGEMENT)")
    class LessonCalls extends LessonCallsContract {
        @Override
        protected SferumFixture openFixture() {
            return FakeFixture.vkProfile();
        }
    }
}
