package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * Calls (F-CALL-01 … F-CALL-04, F-CALL-07, F-CALL-08, F-SECT-02 … F-SECT-04, F-EMB-06), as
 * {@code docs/wire/calls.md} says: the VK API's {@code calls.start} and {@code calls.forceFinish(call_id)}, and the
 * Sferum partner methods [choice: VK publishes none] {@code calls.createLessonCall}, {@code calls.getById},
 * {@code calls.list}, {@code calls.getByLessonKey}, {@code calls.join}, {@code calls.joinByLink},
 * {@code calls.leave}, {@code calls.invite} and {@code calls.getAttendance}. Registers the participants'
 * ({@link CallParticipantsMethods}) and the recordings' ({@link CallRecordingsMethods}) methods too. Every rule is
 * the engine's.
 */
final class CallsMethods {
    /** The most calls one {@code calls.list} page returns. */
    static final int MAX_COUNT = 200;
    /** [choice] The title of a call by link started without {@code title}, as VK's {@code calls.start} allows. */
    static final String DEFAULT_TITLE = "Звонок";
    /** [choice] The most users one {@code calls.invite} names. */
    static final int MAX_INVITED = 100;

    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    CallsMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry, with those of the participants and the recordings.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("calls.start", this::start);
        into.put("calls.createLessonCall", this::createLessonCall);
        into.put("calls.getById", this::getById);
        into.put("calls.getByLessonKey", this::getByLessonKey);
        into.put("calls.list", this::list);
        into.put("calls.join", this::join);
        into.put("calls.joinByLink", this::joinByLink);
        into.put("calls.leave", this::leave);
        into.put("calls.forceFinish", this::forceFinish);
        into.put("calls.invite", this::invite);
        into.put("calls.getAttendance", this::getAttendance);
        new CallParticipantsMethods(engine).register(into);
        new CallRecordingsMethods(engine).register(into);
    }

    /**
     * VK's {@code calls.start}: with {@code peer_id} [choice] a call in that chat ({@code video}, default 0); without
     * it a call by link ({@code title}, «Звонок» when not given, {@code anonymous_allowed}, {@code waiting_room}, both default 0). Answers the
     * call object, whose link fields are {@code calls_start_response}'s. VK's {@code group_id} (on behalf of a
     * community) is refused with 100 [choice: communities are not modelled].
     */
    private JsonNode start(UserId caller, VkParams params) {
        if (params.string("group_id").isPresent()) {
            throw VkParams.invalid("group_id", "is not supported: Sferum calls start on behalf of a user");
        }
        Optional<ChatId> chat = params.optionalValue("peer_id", ChatId::of);
        Call call;
        if (chat.isPresent()) {
            call = engine.calls().startCallInChat(caller, chat.get(), params.flag("video"));
        } else {
            CallSettings settings = new CallSettings(params.flag("anonymous_allowed"), params.flag("waiting_room"));
            call = engine.calls().startCallByLink(caller, params.string("title").orElse(DEFAULT_TITLE), settings);
        }
        return CallJson.call(call);
    }

    /** {@code calls.createLessonCall(peer_id, lesson_key, class_name, subject, start_time)}: the call object. */
    private JsonNode createLessonCall(UserId caller, VkParams params) {
        ChatId chat = params.requiredValue("peer_id", ChatId::of);
        long start = params.requiredLong("start_time");
        Lesson lesson = VkParams.value("lesson_key", () -> new Lesson(params.requiredString("lesson_key"),
                params.string("class_name").orElse(""), params.string("subject").orElse(""),
                Instant.ofEpochSecond(start)));
        Call call = engine.calls().createLessonCall(caller, lesson, chat);
        return CallJson.call(call);
    }

    /** {@code calls.getById(call_id)}: the call object. */
    private JsonNode getById(UserId caller, VkParams params) {
        return CallJson.call(engine.calls().call(caller, callId(params)));
    }

    /** {@code calls.getByLessonKey(lesson_key)}: {@code {count, items}} with the lesson's call, or none. */
    private JsonNode getByLessonKey(UserId caller, VkParams params) {
        String key = params.requiredString("lesson_key");
        return CallJson.items(engine.calls().lessonCall(caller, key).map(List::of).orElse(List.of()), CallJson::call);
    }

    /** {@code calls.list(offset, count)}: {@code {count, items}}, newest first. */
    private JsonNode list(UserId caller, VkParams params) {
        int offset = Math.max(0, params.intOr("offset", 0));
        int count = params.intOr("count", 20);
        if (count < 1 || count > MAX_COUNT) {
            throw VkParams.invalid("count", "must be 1 to " + MAX_COUNT);
        }
        List<Call> all = engine.calls().callsOf(caller);
        ObjectNode out = CallJson.items(all.subList(Math.min(offset, all.size()),
                Math.min(all.size(), offset + count)), CallJson::call);
        out.put("count", all.size());
        return out;
    }

    /** {@code calls.join(call_id)}: the join object. */
    private JsonNode join(UserId caller, VkParams params) {
        return CallJson.join(engine.calls().joinCall(caller, callId(params)));
    }

    /** {@code calls.joinByLink(join_link)}: the join object. */
    private JsonNode joinByLink(UserId caller, VkParams params) {
        return CallJson.join(engine.calls().joinCallByLink(caller, params.requiredString("join_link")));
    }

    /** {@code calls.leave(call_id)}: answers {@code 1}. */
    private JsonNode leave(UserId caller, VkParams params) {
        engine.calls().leaveCall(caller, callId(params));
        return IntNode.valueOf(1);
    }

    /** {@code calls.forceFinish(call_id)}: answers {@code 1}. */
    private JsonNode forceFinish(UserId caller, VkParams params) {
        engine.calls().endCallForAll(caller, callId(params));
        return IntNode.valueOf(1);
    }

    /** {@code calls.invite(call_id, user_ids)}: answers {@code 1}. */
    private JsonNode invite(UserId caller, VkParams params) {
        CallId id = callId(params);
        List<UserId> users = params.valueList("user_ids", MAX_INVITED, UserId::of);
        engine.calls().inviteToCall(caller, id, users);
        return IntNode.valueOf(1);
    }

    /** {@code calls.getAttendance(call_id)}: the attendance report. */
    private JsonNode getAttendance(UserId caller, VkParams params) {
        return CallJson.attendance(engine.calls().attendance(caller, callId(params)));
    }

    /**
     * Reads {@code call_id}.
     *
     * @param params the parameters
     * @return the call id
     */
    static CallId callId(VkParams params) {
        String text = params.requiredString("call_id");
        return VkParams.value("call_id", () -> new CallId(text));
    }

    /**
     * Reads a required enum parameter given as its lower-case name.
     *
     * @param params the parameters
     * @param name the parameter
     * @param type the enum
     * @param <E> the enum type
     * @return the value
     */
    static <E extends Enum<E>> E choice(VkParams params, String name, Class<E> type) {
        String text = params.requiredString(name);
        for (E value : type.getEnumConstants()) {
            if (CallJson.wire(value).equals(text)) {
                return value;
            }
        }
        throw VkParams.invalid(name, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(CallJson::wire).toList());
    }
}
