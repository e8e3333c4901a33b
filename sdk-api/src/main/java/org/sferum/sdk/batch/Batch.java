package org.sferum.sdk.batch;

import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.paging.Page;

/**
 * Several messaging calls of one session, collected and then sent together (F-MSG-01, F-MSG-11; issue 15). Obtained
 * from {@link org.sferum.sdk.SferumSession#batch()}; queue calls, then {@link #execute()} once. sdk-core sends up to
 * {@link #MAX_CALLS_PER_REQUEST} calls as one VK {@code execute} request (a longer batch goes out as several, in
 * order); the testkit's fake runs them one by one against its engine. On every face:
 * <ul>
 *   <li>calls run in the order they were queued, and each {@link Pending} gets its own call's result;</li>
 *   <li>a call that fails fails only its own {@code Pending}, with the exception a direct call would throw;</li>
 *   <li>a send keeps its random id ({@link Draft#randomId()}, or one chosen when it is queued), so repeating it
 *       (also in another batch, or after an {@link org.sferum.sdk.error.OutcomeUnknownException}) stores it
 *       once;</li>
 *   <li>the calls are not a transaction: the ones before and after a failing call still take effect.</li>
 * </ul>
 * Only the operations below can be batched: they are the VK API's own methods, which VK's {@code execute} can carry
 * (the Sferum partner contract's methods cannot go inside it). Not thread-safe: one thread queues and executes.
 */
public interface Batch {
    /** How many calls sdk-core sends in one {@code execute} request: VK's limit of API calls per program. */
    int MAX_CALLS_PER_REQUEST = 25;

    /**
     * Queues a send, as {@link org.sferum.sdk.messages.Messages#send} does it.
     *
     * @param chat the chat
     * @param draft what to send
     * @return the message as stored, once executed
     * @throws IllegalStateException if the batch was executed already
     */
    Pending<Message> send(ChatId chat, Draft draft);

    /**
     * Queues a read of one history page, as {@link org.sferum.sdk.messages.Messages#history} does it.
     *
     * @param chat the chat
     * @param query direction, size and cursor
     * @return the page, once executed
     * @throws IllegalStateException if the batch was executed already
     */
    Pending<Page<Message>> history(ChatId chat, HistoryQuery query);

    /**
     * Queues marking a chat read, as {@link org.sferum.sdk.messages.Messages#markRead} does it.
     *
     * @param chat the chat
     * @param upTo the last message read
     * @return nothing, once executed
     * @throws IllegalStateException if the batch was executed already
     */
    Pending<Void> markRead(ChatId chat, MessageId upTo);

    /**
     * Returns how many calls are queued.
     *
     * @return the number of calls
     */
    int size();

    /**
     * Runs the queued calls, in order, and completes every {@link Pending}. An empty batch does nothing. A batch is
     * executed once; call {@link org.sferum.sdk.SferumSession#batch()} again for the next one.
     *
     * @throws IllegalStateException if the batch was executed already
     */
    void execute();
}
