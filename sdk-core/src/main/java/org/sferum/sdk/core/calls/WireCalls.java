package org.sferum.sdk.core.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Cursors;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * {@link Calls} over the VK API ({@code docs/wire/calls.md}): lesson calls with the partner method
 * {@code calls.createLessonCall} (idempotent by the lesson key, so retried), the tab with {@code calls.list}, one
 * call with {@code calls.getById}, ending with VK's {@code calls.forceFinish} (ending twice is harmless, so
 * retried). Calls in a chat arrive later with the calls issue.
 */
public final class WireCalls implements Calls {
    private static final String SCOPE = "calls";

    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireCalls(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public Page<Call> list(PageRequest page) {
        Checks.notNull(page, "page request");
        long offset = page.cursor().isPresent() ? Cursors.decode("o", SCOPE, 0, page.cursor().get()) : 0;
        VkResult result = api.call(token, VkRequest.idempotent("calls.list")
                .param("offset", offset)
                .param("count", page.size()));
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items list");
        }
        List<Call> calls = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            calls.add(decode(result, item));
        }
        long count = Json.longOr(result.response(), "count", -1);
        long next = offset + calls.size();
        boolean more = count >= 0 ? next < count : calls.size() == page.size();
        Optional<PageCursor> cursor = more && !calls.isEmpty() ? Optional.of(Cursors.encode("o", SCOPE, next))
                : Optional.empty();
        return new Page<>(calls, cursor, count >= 0 ? OptionalLong.of(count) : OptionalLong.empty());
    }

    @Override
    public Call createLessonCall(Lesson lesson, ChatId chat) {
        Checks.notNull(lesson, "lesson");
        Checks.notNull(chat, "chat");
        VkResult result = api.call(token, VkRequest.idempotent("calls.createLessonCall")
                .param("peer_id", chat.peerId())
                .param("lesson_key", lesson.lessonKey())
                .param("class_name", lesson.className())
                .param("subject", lesson.subject())
                .param("start_time", lesson.startsAt().getEpochSecond()));
        return decode(result, result.response());
    }

    @Override
    public Call startInChat(ChatId chat, boolean video) {
        throw NotYet.available("Calls.startInChat (F-CALL-01)", "the rest of the calls issue");
    }

    @Override
    public Call get(CallId call) {
        Checks.notNull(call, "call");
        VkResult result = callFound(VkRequest.idempotent("calls.getById").param("call_id", call.value()));
        return decode(result, result.response());
    }

    @Override
    public void endForAll(CallId call) {
        Checks.notNull(call, "call");
        callFound(VkRequest.idempotent("calls.forceFinish").param("call_id", call.value()));
    }

    @Override
    public Optional<Call> forLesson(String lessonKey) {
        throw NotYet.available("Calls.forLesson", "the rest of the calls issue");
    }

    @Override
    public Call startByLink(String title, org.sferum.sdk.calls.CallSettings settings) {
        throw NotYet.available("Calls.startByLink (F-CALL-07)", "the rest of the calls issue");
    }

    @Override
    public org.sferum.sdk.calls.CallJoin join(CallId call) {
        throw NotYet.available("Calls.join (F-CALL-03)", "the rest of the calls issue");
    }

    @Override
    public org.sferum.sdk.calls.CallJoin joinByLink(String joinLink) {
        throw NotYet.available("Calls.joinByLink (F-CALL-03)", "the rest of the calls issue");
    }

    @Override
    public void leave(CallId call) {
        throw NotYet.available("Calls.leave (F-CALL-04)", "the rest of the calls issue");
    }

    @Override
    public void invite(CallId call, List<UserId> contacts) {
        throw NotYet.available("Calls.invite (F-CALL-08)", "the rest of the calls issue");
    }

    @Override
    public org.sferum.sdk.calls.AttendanceReport attendance(CallId call) {
        throw NotYet.available("Calls.attendance (F-EMB-06)", "the rest of the calls issue");
    }

    @Override
    public org.sferum.sdk.calls.CallParticipants participants() {
        throw NotYet.available("Calls.participants (F-CALL-05)", "the rest of the calls issue");
    }

    @Override
    public org.sferum.sdk.calls.CallRecordings recordings() {
        throw NotYet.available("Calls.recordings (F-CALL-10)", "the rest of the calls issue");
    }

    /** Calls a method on one call: the VK API's 104 «not found» means the call, not a message. */
    private VkResult callFound(VkRequest request) {
        try {
            return api.call(token, request);
        } catch (NotFoundException e) {
            if (e.code() == ErrorCode.MESSAGE_NOT_FOUND) {
                throw new NotFoundException(ErrorCode.NOT_FOUND, "the call does not exist; list the user's calls "
                        + "to find its id");
            }
            throw e;
        }
    }

    private static Call decode(VkResult result, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw result.malformed("has no call object");
        }
        String id = Json.text(json, "call_id", "");
        long organiser = Json.longOr(json, "organiser_id", 0);
        long start = Json.longOr(json, "start_time", -1);
        CallState state = state(Json.text(json, "state", ""));
        if (id.isEmpty() || organiser <= 0 || start < 0 || state == null) {
            throw result.malformed("has a call without a valid call_id, organiser_id, start_time or state");
        }
        String link = Json.text(json, "join_link", "");
        Optional<String> joinLink = state == CallState.RUNNING && !link.isEmpty() ? Optional.of(link)
                : Optional.empty();
        // Stopgap (calls-events branch) so that sdk-core compiles against the calls API; calls-wire replaces it.
        return new Call(new CallId(id), org.sferum.sdk.calls.CallKind.LESSON, Json.text(json, "title", ""),
                UserId.of(organiser), state, Instant.ofEpochSecond(start), Optional.empty(), true, Optional.empty(),
                Optional.empty(), Optional.empty(), org.sferum.sdk.calls.CallSettings.DEFAULT,
                joinLink.map(url -> new org.sferum.sdk.calls.CallLinks(url, url, url,
                        new org.sferum.sdk.calls.ShortCredentials("", ""))),
                Optional.empty());
    }

    private static CallState state(String wire) {
        for (CallState state : CallState.values()) {
            if (state.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return state;
            }
        }
        return null;
    }
}
