package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.emulator.vkscript.VkScript;
import org.sferum.sdk.emulator.vkscript.VkScriptException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers VK API calls: checks {@code v}, finds the method, authenticates the caller, runs the method, and turns
 * every failure into the VK error envelope with {@link VkErrorTable}. Never logs parameters.
 */
final class VkMethodDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(VkMethodDispatcher.class);
    /** Any 5.x version is accepted ({@code docs/wire/vk-api.md}, "Request"). */
    private static final Pattern VERSION = Pattern.compile("5\\.\\d{1,4}");
    /** The batching method, answered here rather than by the method table. */
    private static final String EXECUTE = "execute";
    /** The parameters of {@code execute} that are not the program's {@code Args}. */
    private static final Set<String> NOT_ARGS = Set.of("code", "v", "access_token", "func_v", "lang");

    /**
     * The partner methods that answer the partner codes 4100–4199 as they are ({@code docs/wire/calls.md},
     * "Errors"): those of sdk-core's partner list ({@code WireMethods}) that VK's schema does not publish (a test
     * compares the two). Every other method, VK's {@code calls.start} and
     * {@code calls.forceFinish} included, answers VK's generic code with the partner code as {@code error_subcode}
     * ({@link VkErrorTable#generic}).
     */
    static final Set<String> PARTNER_CODES = Set.of("messages.report", "messages.setChatPermissions",
            "messages.setMemberRole", "messages.setChatStyle", "messages.setDisappearing", "messages.pinConversation",
            "messages.unpinConversation", "messages.archiveConversation", "messages.unarchiveConversation",
            "messages.markAsUnreadConversation", "calls.createLessonCall", "calls.getById",
            "calls.getByLessonKey", "calls.list", "calls.join", "calls.joinByLink", "calls.leave", "calls.invite",
            "calls.getAttendance", "calls.getParticipants", "calls.getWaitingRoom", "calls.admit", "calls.reject",
            "calls.removeParticipant", "calls.muteParticipant", "calls.attractAttention", "calls.setAdmin",
            "calls.raiseHand", "calls.setMedia", "calls.startRecording", "calls.stopRecording", "calls.getRecordings",
            "calls.getRecordingById", "calls.getLessonRecordings", "calls.startBroadcast", "calls.stopBroadcast",
            "roster.getChats", "roster.getLinks", "roster.setPending", "roster.archiveChat", "roster.linkAccount",
            "roster.unlinkAccount", "support.getContacts", "support.sendFeedback");

    private final PlatformEngine engine;
    private final Map<String, VkMethod> methods;

    /**
     * Creates the API over an engine.
     *
     * @param engine the engine
     * @param methods the methods by name
     */
    VkMethodDispatcher(PlatformEngine engine, Map<String, VkMethod> methods) {
        this.engine = engine;
        this.methods = Map.copyOf(methods);
    }

    /**
     * Answers a call.
     *
     * @param call the call
     * @param requestId the caller's request id, for the log only
     * @return the response or error envelope
     */
    ObjectNode answer(VkCall call, Optional<String> requestId) {
        try {
            Optional<String> version = call.version();
            if (version.isEmpty()) {
                throw new VkFailure(VkErrorTable.INVALID_REQUEST, "v is required");
            }
            if (!VERSION.matcher(version.get()).matches()) {
                throw new VkFailure(VkErrorTable.INVALID_REQUEST, "v must be a 5.x version such as 5.199");
            }
            if (call.method().equals(EXECUTE)) {
                engine.users().authenticate(call.accessToken().orElse(null));
                return execute(call, requestId);
            }
            VkMethod method = methods.get(call.method());
            if (method == null) {
                throw new VkFailure(VkErrorTable.UNKNOWN_METHOD, "the emulator has no method '"
                        + printable(call.method()) + "'");
            }
            UserId caller = engine.users().authenticate(call.accessToken().orElse(null));
            engine.presence().seen(caller);
            return VkEnvelope.success(method.call(caller, new VkParams(call.params())));
        } catch (VkFailure e) {
            return error(call, e.vkCode(), e.getMessage());
        } catch (VkScriptException e) {
            return error(call, e.vkCode(), e.getMessage());
        } catch (SferumException e) {
            int code = VkErrorTable.vkCode(e.code());
            if (VkErrorTable.isPartnerCode(code) && !PARTNER_CODES.contains(call.method())) {
                return VkEnvelope.error(VkErrorTable.generic(code), code, e.getMessage(),
                        printable(call.method()), call.version());
            }
            return error(call, code, e.getMessage());
        } catch (UnsupportedOperationException e) {
            return error(call, VkErrorTable.METHOD_DISABLED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("VK API method {} failed unexpectedly (request id {})", printable(call.method()),
                    requestId.map(VkMethodDispatcher::printable).orElse("none"), Redacted.of(e));
            return error(call, VkErrorTable.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName()
                    + " in the emulator; see its log");
        }
    }

    /**
     * Runs {@code execute}: the VKScript program in {@code code}, its API calls through this same table as the same
     * caller (its token, so its permissions and its {@code random_id} idempotency), the program's other parameters
     * as {@code Args}. Failed inner calls are listed in {@code execute_errors} next to {@code response}.
     *
     * @param call the {@code execute} call, already authenticated
     * @param requestId the caller's request id, for the log only
     * @return the envelope
     */
    private ObjectNode execute(VkCall call, Optional<String> requestId) {
        String code = call.params().get("code");
        if (code == null || code.isBlank()) {
            throw new VkFailure(VkErrorTable.INVALID_PARAMETER, "code is undefined");
        }
        Map<String, String> args = new HashMap<>(call.params());
        args.keySet().removeAll(NOT_ARGS);
        Map<String, String> inherited = new HashMap<>();
        call.version().ifPresent(v -> inherited.put("v", v));
        VkScript.Result result = VkScript.run(code, args, (name, params) -> {
            if (name.equals(EXECUTE)) {
                return error(call, VkErrorTable.UNKNOWN_METHOD, "execute cannot call execute");
            }
            Map<String, String> innerParams = new HashMap<>(inherited);
            innerParams.putAll(params);
            innerParams.remove("access_token");
            return answer(new VkCall(name, innerParams, call.accessToken()), requestId);
        });
        ObjectNode envelope = VkEnvelope.success(result.response());
        if (!result.executeErrors().isEmpty()) {
            envelope.set("execute_errors", result.executeErrors());
        }
        return envelope;
    }

    /**
     * Builds an error envelope for a call.
     *
     * @param call the call
     * @param vkCode the VK error code
     * @param detail what was wrong
     * @return the envelope
     */
    static ObjectNode error(VkCall call, int vkCode, String detail) {
        return VkEnvelope.error(vkCode, detail, printable(call.method()), call.version());
    }

    /**
     * Cuts a client-supplied name to 100 printable ASCII characters, for messages and logs.
     *
     * @param text the text
     * @return the cleaned text
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 100; i++) {
            char c = text.charAt(i);
            out.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return out.toString();
    }
}
