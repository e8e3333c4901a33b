package org.sferum.sdk.testkit.fake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
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
        return engine.messages().send(actor.get(), chat, draft);
    }

    @Override
    public Page<Message> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        Optional<MessageId> anchor = query.page().cursor().map(c -> MessageId.of(Cursors.decode("m", c)));
        HistoryWindow window = engine.messages().history(actor.get(), chat, query.order(), anchor, anchor.isPresent() ? 1 : 0,
                query.page().size());
        List<Message> items = window.items();
        Optional<org.sferum.sdk.paging.PageCursor> next = window.moreAfter() && !items.isEmpty()
                ? Optional.of(Cursors.encode("m", items.get(items.size() - 1).id().value()))
                : Optional.empty();
        return new Page<>(items, next, OptionalLong.of(window.total()));
    }

    @Override
    public void markRead(ChatId chat, MessageId upTo) {
        engine.messages().markRead(actor.get(), Checks.notNull(chat, "chat"), Optional.of(Checks.notNull(upTo, "message")));
    }

    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        return engine.messageActions().edit(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(message, "message"), newText);
    }

    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        engine.messageActions().delete(actor.get(), Optional.of(Checks.notNull(chat, "chat")), Checks.notNull(messages, "messages"),
                forEveryone);
    }

    @Override
    public void pin(ChatId chat, MessageId message) {
        engine.messageActions().pin(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(message, "message"));
    }

    @Override
    public void unpin(ChatId chat) {
        engine.messageActions().unpin(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public Optional<Message> pinned(ChatId chat) {
        return engine.messageActions().pinned(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public List<MessageId> markImportant(List<MessageId> messages, boolean important) {
        return engine.messageActions().markImportant(actor.get(), Checks.notNull(messages, "messages"), important);
    }

    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        engine.messageActions().report(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(message, "message"),
                Checks.notNull(reason, "reason"));
    }

    @Override
    public Message replyPrivately(ChatId chat, MessageId message, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(draft, "draft");
        return engine.messages().replyPrivately(actor.get(), chat, message, draft);
    }

    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        Checks.notNull(chat, "chat");
        Checks.notNull(page, "page");
        int offset = page.cursor().map(c -> (int) Cursors.decode("s", c)).orElse(0);
        HistoryWindow window = engine.messageActions().search(actor.get(), chat, query, offset, page.size());
        Optional<org.sferum.sdk.paging.PageCursor> next = window.moreAfter()
                ? Optional.of(Cursors.encode("s", offset + window.items().size()))
                : Optional.empty();
        return new Page<>(window.items(), next, OptionalLong.of(window.total()));
    }

    @Override
    public void setDisappearing(ChatId chat, Optional<Duration> after) {
        engine.messageActions().setDisappearing(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(after, "after"));
    }
}
