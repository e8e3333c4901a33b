package org.sferum.sdk.core.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.ExecuteAnswer;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.PendingCall;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.users.UserId;

/**
 * A {@link Batch} over VK's {@code execute} ({@link VkApi#execute}): up to {@link Batch#MAX_CALLS_PER_REQUEST} calls
 * a request, in the order queued; each {@link Pending} gets the answer its call would have had directly. A send's
 * random id is chosen when it is queued and kept across the request's retries. The session's user (the author of
 * what it sends) is read before the first request, once per session, so a failure there stores nothing.
 */
final class WireBatch implements Batch {
    private final WireMessages messages;
    private final VkApi api;
    private final TokenSource token;
    private final Supplier<UserId> me;
    private final List<Queued<?>> queued = new ArrayList<>();
    private boolean executed;

    WireBatch(WireMessages messages, VkApi api, TokenSource token, Supplier<UserId> me) {
        this.messages = messages;
        this.api = api;
        this.token = token;
        this.me = me;
    }

    /** One queued call: its request, how its answer is read, and whom to tell. */
    private static final class Queued<T> {
        final VkRequest request;
        final BiFunction<VkResult, UserId, T> decoder;
        final boolean needsAuthor;
        final PendingCall<T> pending = new PendingCall<>();
        UserId author;

        Queued(VkRequest request, BiFunction<VkResult, UserId, T> decoder, boolean needsAuthor) {
            this.request = request;
            this.decoder = decoder;
            this.needsAuthor = needsAuthor;
        }

        void settle(ExecuteAnswer answer) {
            try {
                pending.complete(answer.decode(result -> decoder.apply(result, author)));
            } catch (SferumException e) {
                pending.fail(e);
            }
        }
    }

    @Override
    public Pending<Message> send(ChatId chat, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        int randomId = draft.randomId().isPresent() ? draft.randomId().getAsInt() : WireMessages.newRandomId();
        return queue(new Queued<>(WireMessages.sendRequest(chat, draft, randomId),
                (result, author) -> messages.sentMessage(chat, draft, randomId, author,
                        WireMessages.SentIds.decode(result, chat)), draft.forwarded().isEmpty()));
    }

    @Override
    public Pending<Page<Message>> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        return queue(new Queued<>(WireMessages.historyRequest(chat, query),
                (result, author) -> WireMessages.historyPage(result, chat, query), false));
    }

    @Override
    public Pending<Void> markRead(ChatId chat, MessageId upTo) {
        Checks.notNull(chat, "chat");
        Checks.notNull(upTo, "message");
        return queue(new Queued<Void>(WireMessages.markReadRequest(chat, upTo), (result, author) -> null, false));
    }

    private <T> Pending<T> queue(Queued<T> call) {
        requireOpen();
        queued.add(call);
        return call.pending;
    }

    private void requireOpen() {
        if (executed) {
            throw new IllegalStateException("this batch was executed already; start another with session.batch()");
        }
    }

    @Override
    public int size() {
        return queued.size();
    }

    @Override
    public void execute() {
        requireOpen();
        executed = true;
        List<Queued<?>> calls = List.copyOf(queued);
        if (calls.isEmpty()) {
            return;
        }
        UserId author = null;
        SferumException noAuthor = null;
        for (Queued<?> call : calls) {
            if (call.needsAuthor && author == null && noAuthor == null) {
                try {
                    author = me.get();
                } catch (SferumException e) {
                    noAuthor = e;
                }
            }
        }
        List<Queued<?>> sendable = new ArrayList<>(calls.size());
        for (Queued<?> call : calls) {
            if (call.needsAuthor && noAuthor != null) {
                call.pending.fail(noAuthor);
            } else {
                call.author = author;
                sendable.add(call);
            }
        }
        for (int from = 0; from < sendable.size(); from += MAX_CALLS_PER_REQUEST) {
            List<Queued<?>> chunk = sendable.subList(from, Math.min(sendable.size(), from + MAX_CALLS_PER_REQUEST));
            List<VkRequest> requests = new ArrayList<>(chunk.size());
            for (Queued<?> call : chunk) {
                requests.add(call.request);
            }
            List<ExecuteAnswer> answers = api.execute(token, requests);
            for (int i = 0; i < chunk.size(); i++) {
                chunk.get(i).settle(Objects.requireNonNull(answers.get(i), "answer"));
            }
        }
    }
}
