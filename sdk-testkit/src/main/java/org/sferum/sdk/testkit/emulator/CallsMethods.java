package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.CallState;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * Lesson calls and the calls tab (F-CALL-02, F-SECT-02 … F-SECT-04), as {@code docs/wire/calls.md} says: the VK
 * API's {@code calls.forceFinish(call_id)}, and the Sferum partner methods [choice: VK publishes none]
 * {@code calls.createLessonCall}, {@code calls.getById} and {@code calls.list}, whose call object carries, while
 * the call runs, the fields of VK's {@code calls.start} answer ({@code call_id}, {@code join_link},
 * {@code ok_join_link}, {@code short_credentials}).
 */
final class CallsMethods {
    /** The most calls one {@code calls.list} page returns. */
    static final int MAX_COUNT = 200;

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
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("calls.createLessonCall", this::createLessonCall);
        into.put("calls.getById", this::getById);
        into.put("calls.list", this::list);
        into.put("calls.forceFinish", this::forceFinish);
    }

    /** {@code calls.createLessonCall(peer_id, lesson_key, class_name, subject, start_time)}: the call object. */
    private JsonNode createLessonCall(UserId caller, VkParams params) {
        ChatId chat = params.requiredValue("peer_id", ChatId::of);
        long start = params.requiredLong("start_time");
        Lesson lesson = VkParams.value("lesson_key", () -> new Lesson(params.requiredString("lesson_key"),
                params.string("class_name").orElse(""), params.string("subject").orElse(""),
                Instant.ofEpochSecond(start)));
        Call call = engine.createLessonCall(caller, lesson, chat);
        return callJson(caller, call);
    }

    /** {@code calls.getById(call_id)}: the call object. */
    private JsonNode getById(UserId caller, VkParams params) {
        CallId id = callId(params);
        return callJson(caller, engine.call(caller, id));
    }

    /** {@code calls.list(offset, count)}: {@code {count, items}}, newest first. */
    private JsonNode list(UserId caller, VkParams params) {
        int offset = Math.max(0, params.intOr("offset", 0));
        int count = params.intOr("count", 20);
        if (count < 1 || count > MAX_COUNT) {
            throw VkParams.invalid("count", "must be 1 to " + MAX_COUNT);
        }
        List<Call> all = engine.callsOf(caller);
        ArrayNode items = Json.array();
        for (Call call : all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + count))) {
            items.add(callJson(caller, call));
        }
        ObjectNode out = Json.object();
        out.put("count", all.size());
        out.set("items", items);
        return out;
    }

    /** {@code calls.forceFinish(call_id)}: answers {@code 1}. */
    private JsonNode forceFinish(UserId caller, VkParams params) {
        engine.endCallForAll(caller, callId(params));
        return IntNode.valueOf(1);
    }

    private static CallId callId(VkParams params) {
        String text = params.requiredString("call_id");
        return VkParams.value("call_id", () -> new CallId(text));
    }

    /** The partner call object; the link fields of {@code calls.start} only while the call runs. */
    private ObjectNode callJson(UserId caller, Call call) {
        ObjectNode json = Json.object();
        json.put("call_id", call.id().value());
        json.put("type", "lesson");
        json.put("title", call.title());
        json.put("organiser_id", call.organiser().value());
        json.put("state", call.state().name().toLowerCase(Locale.ROOT));
        json.put("start_time", call.startsAt().getEpochSecond());
        if (call.links().isPresent()) {
            CallLinks links = call.links().get();
            json.put("join_link", links.browser());
            json.put("ok_join_link", links.ok());
            ObjectNode credentials = json.putObject("short_credentials");
            credentials.put("id", links.shortCredentials().id());
            credentials.put("password", links.shortCredentials().password());
            String shortLink = PlatformEngine.CALL_LINK_BASE + "short/" + links.shortCredentials().id();
            credentials.put("link_without_password", shortLink);
            credentials.put("link_with_password", shortLink + "?password=" + links.shortCredentials().password());
        }
        return json;
    }
}
