package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The fake's calls: lesson calls and the calls tab from the engine (F-CALL-02, F-SECT-02 … F-SECT-04). Calls in a
 * chat arrive later with the calls issue.
 */
final class FakeCalls implements Calls {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeCalls(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Page<Call> list(PageRequest page) {
        Checks.notNull(page, "page request");
        List<Call> all = engine.callsOf(actor.get());
        int from = (int) Math.min(all.size(), page.cursor().map(c -> Cursors.decode('k', c)).orElse(0L));
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to),
                to < all.size() ? Optional.of(Cursors.encode('k', to)) : Optional.empty(),
                OptionalLong.of(all.size()));
    }

    @Override
    public Call createLessonCall(Lesson lesson, ChatId chat) {
        Checks.notNull(lesson, "lesson");
        Checks.notNull(chat, "chat");
        return engine.createLessonCall(actor.get(), lesson, chat);
    }

    @Override
    public Call startInChat(ChatId chat, boolean video) {
        throw new UnsupportedOperationException("Calls.startInChat (F-CALL-01) is not implemented yet: it arrives "
                + "with the rest of the calls issue (see docs/status.md)");
    }

    @Override
    public Call get(CallId call) {
        Checks.notNull(call, "call");
        return engine.call(actor.get(), call);
    }

    @Override
    public void endForAll(CallId call) {
        Checks.notNull(call, "call");
        engine.endCallForAll(actor.get(), call);
    }
}
