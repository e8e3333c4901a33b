package org.sferum.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.paging.Page;

/**
 * A {@link Batch} that runs its calls one by one through a {@link Messages} client when executed: the testkit's
 * fake (whose calls cost no request) and any session without a wire batch of its own. A send without a random id
 * gets one when queued, as sdk-core's batch does. Not part of the public API.
 */
public final class SequentialBatch implements Batch {
    private final Messages messages;
    private final List<Runnable> calls = new ArrayList<>();
    private boolean executed;

    /**
     * Creates an empty batch.
     *
     * @param messages runs the calls
     */
    public SequentialBatch(Messages messages) {
        this.messages = Checks.notNull(messages, "messages");
    }

    @Override
    public Pending<Message> send(ChatId chat, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        Draft keyed = draft.randomId().isPresent() ? draft : draft.withRandomId(newRandomId());
        return queue(() -> messages.send(chat, keyed));
    }

    @Override
    public Pending<Page<Message>> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        return queue(() -> messages.history(chat, query));
    }

    @Override
    public Pending<Void> markRead(ChatId chat, MessageId upTo) {
        Checks.notNull(chat, "chat");
        Checks.notNull(upTo, "message");
        return queue(() -> {
            messages.markRead(chat, upTo);
            return null;
        });
    }

    private static int newRandomId() {
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt();
        } while (id == 0);
        return id;
    }

    private <T> Pending<T> queue(Supplier<T> call) {
        if (executed) {
            throw new IllegalStateException("this batch was executed already; start another with session.batch()");
        }
        PendingCall<T> pending = new PendingCall<>();
        calls.add(() -> {
            try {
                pending.complete(call.get());
            } catch (SferumException e) {
                pending.fail(e);
            }
        });
        return pending;
    }

    @Override
    public int size() {
        return calls.size();
    }

    @Override
    public void execute() {
        if (executed) {
            throw new IllegalStateException("this batch was executed already; start another with session.batch()");
        }
        executed = true;
        for (Runnable call : calls) {
            call.run();
        }
    }
}
