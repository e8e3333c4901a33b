package org.sferum.sdk.core.calls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.sferum.sdk.core.wire.ErrorHints;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * {@link Calls} over the VK API ({@code docs/wire/calls.md}): VK's {@code calls.start} (in a chat with
 * {@code peer_id}, or by link) and {@code calls.forceFinish}, and the partner methods {@code calls.createLessonCall},
 * {@code calls.list}, {@code calls.getById}, {@code calls.getByLessonKey}, {@code calls.join},
 * {@code calls.joinByLink}, {@code calls.leave}, {@code calls.invite} and {@code calls.getAttendance}. Reads and
 * the naturally idempotent calls (creating a lesson's call, starting in a chat where the running call is returned,
 * joining, leaving, ending, inviting) are retried on transport failures; starting a call by link is not.
 */
public final class WireCalls implements Calls {
    private static final String SCOPE = "calls";

    private final VkApi api;
    private final TokenSource token;
    private final WireCallParticipants participants;
    private final WireCallRecordings recordings;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireCalls(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
        this.participants = new WireCallParticipants(api, token);
        this.recordings = new WireCallRecordings(api, token);
    }

    @Override
    public Page<Call> list(PageRequest page) {
        Checks.notNull(page, "page request");
        long offset = page.cursor().isPresent() ? Cursors.decode("o", SCOPE, 0, page.cursor().get()) : 0;
        CallDecoder answer = call(VkRequest.idempotent("calls.list")
                .param("offset", offset)
                .param("count", page.size()));
        List<Call> calls = answer.items(answer::call);
        long count = Json.longOr(answer.response(), "count", -1);
        long next = offset + calls.size();
        boolean more = count >= 0 ? next < count : calls.size() == page.size();
        Optional<PageCursor> cursor = more && !calls.isEmpty() ? Optional.of(Cursors.encode("o", SCOPE, next))
                : Optional.empty();
        return new Page<>(calls, cursor, count >= 0 ? OptionalLong.of(count) : OptionalLong.empty());
    }

    @Override
    public Call get(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = call(VkRequest.idempotent("calls.getById").param("call_id", call.value()));
        return answer.call(answer.response());
    }

    @Override
    public Optional<Call> forLesson(String lessonKey) {
        Checks.notNull(lessonKey, "lesson key");
        CallDecoder answer = call(VkRequest.idempotent("calls.getByLessonKey").param("lesson_key", lessonKey));
        List<Call> calls = answer.items(answer::call);
        if (calls.size() > 1) {
            throw answer.result().malformed("has more than one call for a lesson");
        }
        return calls.stream().findFirst();
    }

    @Override
    public Call createLessonCall(Lesson lesson, ChatId chat) {
        Checks.notNull(lesson, "lesson");
        Checks.notNull(chat, "chat");
        CallDecoder answer = call(VkRequest.idempotent("calls.createLessonCall")
                .param("peer_id", chat.peerId())
                .param("lesson_key", lesson.lessonKey())
                .param("class_name", lesson.className())
                .param("subject", lesson.subject())
                .param("start_time", lesson.startsAt().getEpochSecond()));
        return answer.call(answer.response());
    }

    @Override
    public Call startInChat(ChatId chat, boolean video) {
        Checks.notNull(chat, "chat");
        CallDecoder answer = call(VkRequest.idempotent("calls.start")
                .param("peer_id", chat.peerId())
                .param("video", video));
        return answer.call(answer.response());
    }

    @Override
    public Call startByLink(String title, CallSettings settings) {
        Checks.notNull(title, "title");
        Checks.notNull(settings, "settings");
        CallDecoder answer = call(VkRequest.once("calls.start")
                .param("title", title)
                .param("anonymous_allowed", settings.anonymousAllowed())
                .param("waiting_room", settings.waitingRoom()));
        return answer.call(answer.response());
    }

    @Override
    public CallJoin join(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = call(VkRequest.idempotent("calls.join").param("call_id", call.value()));
        return answer.join(answer.response());
    }

    @Override
    public CallJoin joinByLink(String joinLink) {
        Checks.notNull(joinLink, "join link");
        CallDecoder answer = call(VkRequest.idempotent("calls.joinByLink").param("join_link", joinLink));
        return answer.join(answer.response());
    }

    @Override
    public void leave(CallId call) {
        Checks.notNull(call, "call");
        call(VkRequest.idempotent("calls.leave").param("call_id", call.value()));
    }

    @Override
    public void endForAll(CallId call) {
        Checks.notNull(call, "call");
        call(VkRequest.idempotent("calls.forceFinish").param("call_id", call.value()));
    }

    @Override
    public void invite(CallId call, List<UserId> contacts) {
        Checks.notNull(call, "call");
        Checks.notNull(contacts, "contacts");
        List<Long> ids = contacts.stream().map(user -> Objects.requireNonNull(user, "contact").value()).toList();
        call(VkRequest.idempotent("calls.invite").param("call_id", call.value()).param("user_ids", ids));
    }

    @Override
    public AttendanceReport attendance(CallId call) {
        Checks.notNull(call, "call");
        CallDecoder answer = call(VkRequest.idempotent("calls.getAttendance").param("call_id", call.value()));
        return answer.attendance(answer.response());
    }

    @Override
    public CallParticipants participants() {
        return participants;
    }

    @Override
    public CallRecordings recordings() {
        return recordings;
    }

    private CallDecoder call(VkRequest request) {
        return new CallDecoder(send(api, token, request, ErrorCode.CALL_NOT_FOUND));
    }

    /**
     * Sends one calls request. The VK API's plain 104 «not found» on a calls method means the call or the recording
     * it names (the partner block's {@code CALL_NOT_FOUND} or {@code RECORDING_NOT_FOUND}), not a message
     * [choice: a defensive reading; the emulator answers the partner codes].
     *
     * @param api the caller
     * @param token the token
     * @param request the request
     * @param notFound what a 104 means for this request
     * @return the answer
     */
    static VkResult send(VkApi api, TokenSource token, VkRequest request, ErrorCode notFound) {
        try {
            return api.call(token, request);
        } catch (NotFoundException e) {
            if (e.code() == ErrorCode.MESSAGE_NOT_FOUND) {
                throw new NotFoundException(notFound, request.method() + " failed: " + ErrorHints.of(notFound),
                        e.wireCode().isPresent() ? e.wireCode().getAsInt() : null, e.requestId().orElse(null), e);
            }
            throw e;
        }
    }
}
