package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's calls: every rule is the engine's ({@code CallRules}); this class only checks arguments. */
final class FakeCalls implements Calls {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;
    private final FakeCallParticipants participants;
    private final FakeCallRecordings recordings;

    FakeCalls(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
        this.participants = new FakeCallParticipants(engine, actor);
        this.recordings = new FakeCallRecordings(engine, actor);
    }

    @Override
    public Page<Call> list(PageRequest page) {
        Checks.notNull(page, "page request");
        List<Call> all = engine.calls().callsOf(actor.get());
        int from = (int) Math.min(all.size(), page.cursor().map(c -> Cursors.decode("k", c)).orElse(0L));
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to),
                to < all.size() ? Optional.of(Cursors.encode("k", to)) : Optional.empty(),
                OptionalLong.of(all.size()));
    }

    @Override
    public Call get(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().call(actor.get(), call);
    }

    @Override
    public Optional<Call> forLesson(String lessonKey) {
        Checks.notNull(lessonKey, "lesson key");
        return engine.calls().lessonCall(actor.get(), lessonKey);
    }

    @Override
    public Call createLessonCall(Lesson lesson, ChatId chat) {
        Checks.notNull(lesson, "lesson");
        Checks.notNull(chat, "chat");
        return engine.calls().createLessonCall(actor.get(), lesson, chat);
    }

    @Override
    public Call startInChat(ChatId chat, boolean video) {
        Checks.notNull(chat, "chat");
        return engine.calls().startCallInChat(actor.get(), chat, video);
    }

    @Override
    public Call startByLink(String title, CallSettings settings) {
        Checks.notNull(title, "title");
        Checks.notNull(settings, "settings");
        return engine.calls().startCallByLink(actor.get(), title, settings);
    }

    @Override
    public CallJoin join(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().joinCall(actor.get(), call);
    }

    @Override
    public CallJoin joinByLink(String joinLink) {
        Checks.notNull(joinLink, "join link");
        return engine.calls().joinCallByLink(actor.get(), joinLink);
    }

    @Override
    public void leave(CallId call) {
        Checks.notNull(call, "call");
        engine.calls().leaveCall(actor.get(), call);
    }

    @Override
    public void endForAll(CallId call) {
        Checks.notNull(call, "call");
        engine.calls().endCallForAll(actor.get(), call);
    }

    @Override
    public void invite(CallId call, List<UserId> contacts) {
        Checks.notNull(call, "call");
        Checks.notNull(contacts, "contacts");
        engine.calls().inviteToCall(actor.get(), call, contacts);
    }

    @Override
    public AttendanceReport attendance(CallId call) {
        Checks.notNull(call, "call");
        return engine.calls().attendance(actor.get(), call);
    }

    @Override
    public CallParticipants participants() {
        return participants;
    }

    @Override
    public CallRecordings recordings() {
        return recordings;
    }
}
