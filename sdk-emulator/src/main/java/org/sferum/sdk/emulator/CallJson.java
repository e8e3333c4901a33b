package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.sferum.sdk.calls.AttendanceEntry;
import org.sferum.sdk.calls.AttendanceReport;
import org.sferum.sdk.calls.AttendanceSession;
import org.sferum.sdk.calls.Broadcast;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallJoin;
import org.sferum.sdk.calls.CallLinks;
import org.sferum.sdk.calls.Participant;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.calls.WaitingParticipant;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The partner JSON objects of {@code docs/wire/calls.md} [choice: VK publishes none but {@code calls.start}'s
 * answer]: the call, the join, the participant, the waiting participant, the recording, the broadcast and the
 * attendance report. Enums travel as their lower-case names, times as Unix seconds, booleans as JSON booleans.
 */
final class CallJson {
    private CallJson() {
    }

    /** An enum's wire name: its lower-case name. */
    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The call object; while the call runs it carries the fields of VK's {@code calls.start} answer
     * ({@code call_id}, {@code join_link}, {@code ok_join_link}, {@code short_credentials}).
     *
     * @param call the call as its viewer sees it
     * @return the object
     */
    static ObjectNode call(Call call) {
        ObjectNode json = JsonNodes.object();
        json.put("call_id", call.id().value());
        json.put("type", wire(call.kind()));
        json.put("title", call.title());
        json.put("organiser_id", call.organiser().value());
        json.put("state", wire(call.state()));
        json.put("start_time", call.startsAt().getEpochSecond());
        call.endedAt().ifPresent(at -> json.put("ended_at", at.getEpochSecond()));
        json.put("video", call.video());
        call.chat().ifPresent(chat -> json.put("peer_id", chat.peerId()));
        call.callChat().ifPresent(chat -> json.put("call_chat_peer_id", chat.peerId()));
        call.lessonKey().ifPresent(key -> json.put("lesson_key", key));
        ObjectNode settings = json.putObject("settings");
        settings.put("anonymous_allowed", call.settings().anonymousAllowed());
        settings.put("waiting_room", call.settings().waitingRoom());
        if (call.links().isPresent()) {
            CallLinks links = call.links().get();
            json.put("join_link", links.browser());
            json.put("app_join_link", links.app());
            json.put("ok_join_link", links.ok());
            ObjectNode credentials = json.putObject("short_credentials");
            credentials.put("id", links.shortCredentials().id());
            credentials.put("password", links.shortCredentials().password());
            // [choice] the short links live beside the join link: <base>short/<id>[?password=…]
            String shortLink = links.browser().substring(0, links.browser().lastIndexOf('/') + 1) + "short/"
                    + links.shortCredentials().id();
            credentials.put("link_without_password", shortLink);
            credentials.put("link_with_password", shortLink + "?password=" + links.shortCredentials().password());
        }
        call.broadcast().ifPresent(broadcast -> json.set("broadcast", broadcast(broadcast)));
        return json;
    }

    /**
     * The join object: the call, the caller's participant id, status and role.
     *
     * @param join the join
     * @return the object
     */
    static ObjectNode join(CallJoin join) {
        ObjectNode json = JsonNodes.object();
        json.set("call", call(join.call()));
        json.put("participant_id", join.participant().value());
        json.put("status", wire(join.status()));
        json.put("role", wire(join.role()));
        return json;
    }

    /**
     * A participant in the call.
     *
     * @param participant the participant
     * @return the object
     */
    static ObjectNode participant(Participant participant) {
        ObjectNode json = JsonNodes.object();
        json.put("participant_id", participant.id().value());
        participant.user().ifPresent(user -> json.put("user_id", user.value()));
        json.put("name", participant.name());
        json.put("role", wire(participant.role()));
        json.put("camera", participant.camera());
        json.put("microphone", participant.microphone());
        json.put("screen_sharing", participant.screenSharing());
        json.put("hand_raised", participant.handRaised());
        json.put("attention_requested", participant.attentionRequested());
        json.put("joined_at", participant.joinedAt().getEpochSecond());
        return json;
    }

    /**
     * Someone in the waiting room.
     *
     * @param waiting who
     * @return the object
     */
    static ObjectNode waiting(WaitingParticipant waiting) {
        ObjectNode json = JsonNodes.object();
        json.put("participant_id", waiting.id().value());
        waiting.user().ifPresent(user -> json.put("user_id", user.value()));
        json.put("name", waiting.name());
        json.put("since", waiting.since().getEpochSecond());
        return json;
    }

    /**
     * A recording; {@code link} only where the viewer may watch it.
     *
     * @param recording the recording as its viewer sees it
     * @return the object
     */
    static ObjectNode recording(Recording recording) {
        ObjectNode json = JsonNodes.object();
        json.put("recording_id", recording.id().value());
        json.put("call_id", recording.call().value());
        json.put("title", recording.title());
        json.put("recorded_by", recording.recordedBy().value());
        json.put("author", wire(recording.author()));
        json.put("audience", wire(recording.audience()));
        json.put("started_at", recording.startedAt().getEpochSecond());
        recording.stoppedAt().ifPresent(at -> json.put("stopped_at", at.getEpochSecond()));
        recording.lessonKey().ifPresent(key -> json.put("lesson_key", key));
        recording.link().ifPresent(link -> json.put("link", link));
        return json;
    }

    /**
     * A broadcast.
     *
     * @param broadcast the broadcast
     * @return the object
     */
    static ObjectNode broadcast(Broadcast broadcast) {
        ObjectNode json = JsonNodes.object();
        json.put("title", broadcast.title());
        json.put("watch_link", broadcast.watchLink());
        json.put("started_at", broadcast.startedAt().getEpochSecond());
        return json;
    }

    /**
     * The attendance report.
     *
     * @param report the report
     * @return the object
     */
    static ObjectNode attendance(AttendanceReport report) {
        ObjectNode json = JsonNodes.object();
        json.put("call_id", report.call().value());
        report.lessonKey().ifPresent(key -> json.put("lesson_key", key));
        json.put("generated_at", report.generatedAt().getEpochSecond());
        ArrayNode items = json.putArray("items");
        for (AttendanceEntry entry : report.entries()) {
            ObjectNode item = items.addObject();
            item.put("participant_id", entry.participant().value());
            entry.user().ifPresent(user -> item.put("user_id", user.value()));
            item.put("name", entry.name());
            ArrayNode sessions = item.putArray("sessions");
            for (AttendanceSession session : entry.sessions()) {
                ObjectNode one = sessions.addObject();
                one.put("joined_at", session.joinedAt().getEpochSecond());
                session.leftAt().ifPresent(at -> one.put("left_at", at.getEpochSecond()));
            }
        }
        ArrayNode never = json.putArray("never_joined");
        for (UserId user : report.neverJoined()) {
            never.add(user.value());
        }
        return json;
    }

    /**
     * A list answer: {@code {count, items}}.
     *
     * @param all the items
     * @param render how to render one
     * @param <T> the item type
     * @return the object
     */
    static <T> ObjectNode items(List<T> all, Function<T, ObjectNode> render) {
        ObjectNode out = JsonNodes.object();
        out.put("count", all.size());
        ArrayNode items = out.putArray("items");
        for (T item : all) {
            items.add(render.apply(item));
        }
        return out;
    }
}
