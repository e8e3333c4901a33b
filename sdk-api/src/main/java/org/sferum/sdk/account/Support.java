package org.sferum.sdk.account;

/**
 * Help and feedback entry points (F-ACC-03): the platform's support contacts, to show under «Помощь», and sending
 * feedback («Сообщить о проблеме», «Предложить идею») from inside the embedding application.
 */
public interface Support {

    /**
     * Returns the support contacts the platform publishes.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#SUPPORT}.
     *
     * @return the contacts
     */
    SupportContacts contacts();

    /**
     * Sends feedback to the platform's support as the current user.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#SUPPORT}.
     *
     * @param feedback the topic and the text
     * @return the ticket the platform opened
     * @throws org.sferum.sdk.error.RateLimitException with {@code RATE_LIMITED} after too many in a short time
     */
    FeedbackTicket sendFeedback(Feedback feedback);
}
