package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.HistoryWindow;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's messages: the engine's message operations as the acting user. */
final class FakeMessages implements Messages {
    private static final String LATER = "the chats issue (F-MSG-02 … F-MSG-10)";

    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeMessages(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Message send(ChatId chat, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        return engine.send(actor.get(), chat, draft);
    }

    @Override
    public Page<Message> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        Optional<MessageId> anchor = query.page().cursor().map(c -> MessageId.of(Cursors.decode('m', c)));
        HistoryWindow window = engine.history(actor.get(), chat, query.order(), anchor, anchor.isPresent() ? 1 : 0,
                query.page().size());
        List<Message> items = window.items();
        Optional<org.sferum.sdk.paging.PageCursor> next = window.moreAfter() && !items.isEmpty()
                ? Optional.of(Cursors.encode('m', items.get(items.size() - 1).id().value()))
                : Optional.empty();
        return new Page<>(items, next, OptionalLong.of(window.total()));
    }

    @Override
    public void markRead(ChatId chat, MessageId upTo) {
        engine.markRead(actor.get(), Checks.notNull(chat, "chat"), Optional.of(Checks.notNull(upTo, "message")));
    }

    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        throw later("edit");
    }

    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        throw later("delete");
    }

    @Override
    public void pin(ChatId chat, MessageId message) {
        throw later("pin");
    }

    @Override
    public void unpin(ChatId chat) {
        throw later("unpin");
    }

    @Override
    public void markImportant(List<MessageId> messages, boolean important) {
        throw later("markImportant");
    }

    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        throw later("report");
    }

    @Override
    public Message replyPrivately(ChatId chat, MessageId message, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(draft, "draft");
        return engine.replyPrivately(actor.get(), chat, message, draft);
    }

    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        throw later("search");
    }

    private static UnsupportedOperationException later(String method) {
        return new UnsupportedOperationException("Messages." + method + " is not implemented yet: it arrives with "
                + LATER + " (see docs/status.md)");
    }
}
