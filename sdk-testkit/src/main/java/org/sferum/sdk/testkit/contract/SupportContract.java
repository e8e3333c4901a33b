package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.account.Feedback;
import org.sferum.sdk.account.FeedbackTicket;
import org.sferum.sdk.account.FeedbackTopic;
import org.sferum.sdk.account.SupportContacts;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.ValidationException;

/**
 * The contract of help and feedback (F-ACC-03): the support contacts and feedback sent as the user, on every face.
 */
@ContractNeeds(Capability.SUPPORT)
public abstract class SupportContract extends SchoolContract {

    /** Creates the contract. */
    protected SupportContract() {
    }

    @Test
    @DisplayName("F-ACC-03 the support contacts: the help centre, the address and the phone, the same for everyone")
    void contacts() {
        SupportContacts contacts = teacher.account().support().contacts();
        assertEquals("https", contacts.helpCenter().getScheme());
        assertTrue(contacts.email().contains("@"), contacts.email());
        assertFalse(contacts.phone().isBlank());
        assertEquals(contacts, student(0).account().support().contacts());
    }

    @Test
    @DisplayName("F-ACC-03 feedback opens a ticket numbered in order; a blank or too long text is refused before sending")
    void feedback() {
        FeedbackTicket first = teacher.account().support().sendFeedback(Feedback.problem(
                "  Не открывается запись урока 5в Математика  "));
        FeedbackTicket second = student(0).account().support().sendFeedback(
                new Feedback(FeedbackTopic.IDEA, "Добавьте тёмную тему 🌙"));
        assertNotEquals(first.id(), second.id());
        assertTrue(first.id().compareTo(second.id()) < 0, first + " " + second);
        assertFalse(second.received().isBefore(first.received()));
        ValidationException blank = assertThrows(ValidationException.class, () -> Feedback.problem("   "));
        assertEquals(ErrorCode.INVALID_ARGUMENT, blank.code());
        assertThrows(ValidationException.class, () -> Feedback.problem("я".repeat(Feedback.MAX_LENGTH + 1)));
    }

    @Test
    @DisplayName("F-ACC-03 at most five feedback messages an hour per user, then RATE_LIMITED; others are not held up")
    void feedbackIsRateLimited() {
        for (int i = 0; i < 5; i++) {
            teacher.account().support().sendFeedback(new Feedback(FeedbackTopic.QUESTION, "Вопрос " + i));
        }
        RateLimitException e = assertThrows(RateLimitException.class,
                () -> teacher.account().support().sendFeedback(Feedback.problem("ещё одно")));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        student(1).account().support().sendFeedback(Feedback.problem("у меня тоже вопрос"));
    }
}
