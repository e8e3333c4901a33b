package org.sferum.sdk.core.session;

import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;

/** {@link Calls}, delivered by the calls issue; listed in {@code docs/status.md}. */
final class NotYetCalls implements Calls {
    static final Calls INSTANCE = new NotYetCalls();
    private static final String ISSUE = "the calls issue";

    private NotYetCalls() {
    }

    @Override
    public Page<Call> list(PageRequest page) {
        throw NotYet.available("Calls.list (F-SECT-02)", ISSUE);
    }

    @Override
    public Call createLessonCall(Lesson lesson, ChatId chat) {
        throw NotYet.available("Calls.createLessonCall (F-CALL-02)", ISSUE);
    }

    @Override
    public Call startInChat(ChatId chat, boolean video) {
        throw NotYet.available("Calls.startInChat (F-CALL-01)", ISSUE);
    }

    @Override
    public Call get(CallId call) {
        throw NotYet.available("Calls.get (F-CALL-03)", ISSUE);
    }

    @Override
    public void endForAll(CallId call) {
        throw NotYet.available("Calls.endForAll (F-CALL-04)", ISSUE);
    }
}
