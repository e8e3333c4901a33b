package org.sferum.sdk;

import org.sferum.sdk.account.Account;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.internal.SequentialBatch;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.users.Person;

/**
 * Everything one user can do: the sub-clients act as that user. Obtained from {@link Sferum#session}. Thread-safe;
 * cheap to keep and to share.
 */
public interface SferumSession {

    /**
     * Returns the user this session acts as.
     *
     * <p>Needs nothing.
     *
     * @return the user's educational profile
     */
    Person me();

    /**
     * Chats of the user.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the chats client
     */
    Chats chats();

    /**
     * Messages of the user's chats.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the messages client
     */
    Messages messages();

    /**
     * Attachments.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the attachments client
     */
    Attachments attachments();

    /**
     * Calls and online lessons.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the calls client
     */
    Calls calls();

    /**
     * Contacts.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the contacts client
     */
    Contacts contacts();

    /**
     * Notification settings.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the notifications client
     */
    Notifications notifications();

    /**
     * The user's own account: help and feedback (F-ACC-03).
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the account client
     */
    Account account();

    /**
     * Real-time events.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the events client
     */
    Events events();

    /**
     * Starts a batch: messaging calls collected and sent together (issue 15). sdk-core sends up to
     * {@link Batch#MAX_CALLS_PER_REQUEST} of them as one VK {@code execute} request, so a batch of sends costs one
     * request of the user's rate limit instead of one each. The default runs the calls one by one through
     * {@link #messages()} when the batch is executed, with the same results.
     *
     * <p>Needs {@link Capability#MESSAGING}.
     *
     * @return an empty batch
     */
    default Batch batch() {
        return new SequentialBatch(messages());
    }
}
