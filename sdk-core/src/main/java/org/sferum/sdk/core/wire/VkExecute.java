package org.sferum.sdk.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.SferumException;

/**
 * Builds and reads VK {@code execute} requests for {@link VkApi#execute}: the program is
 * {@code return [API.a({"p":Args.a0_p}), API.b({...})];}, every value passed as an {@code Args} parameter; the answer
 * is an array with one item per call, {@code false} for a failed one, whose error is the next entry of
 * {@code execute_errors}.
 */
final class VkExecute {
    /** The method's name. */
    static final String METHOD = "execute";
    /** VK's limit of API calls in one program. */
    static final int MAX_CALLS = 25;
    private static final Pattern PARAM = Pattern.compile("[a-z_][a-z0-9_]*");

    private VkExecute() {
    }

    /** Whether a request can go inside {@code execute}: a VK API method with plain parameter names. */
    static boolean fits(VkRequest request) {
        if (request.method().equals(METHOD) || WireMethods.isPartner(request)) {
            return false;
        }
        for (String name : request.params().keySet()) {
            if (!PARAM.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }

    static List<ExecuteAnswer> run(VkApi api, TokenSource tokens, List<VkRequest> requests) {
        Objects.requireNonNull(tokens, "tokens");
        List<VkRequest> calls = List.copyOf(requests);
        if (calls.isEmpty() || calls.size() > MAX_CALLS) {
            throw new IllegalArgumentException("execute carries 1 to " + MAX_CALLS + " calls, not " + calls.size()
                    + "; split the calls");
        }
        boolean idempotent = true;
        boolean changes = false;
        StringBuilder code = new StringBuilder(32 * calls.size()).append("return [");
        for (int i = 0; i < calls.size(); i++) {
            VkRequest call = calls.get(i);
            if (WireMethods.isPartner(call)) {
                throw new IllegalArgumentException(call.method() + " belongs to the Sferum partner contract, which"
                        + " VK's execute cannot call; call it directly");
            }
            idempotent &= call.isIdempotent();
            changes |= call.changesState();
            code.append(i == 0 ? "" : ",").append("API.").append(call.method()).append("({");
            boolean first = true;
            for (String name : call.params().keySet()) {
                if (!PARAM.matcher(name).matches()) {
                    throw new IllegalArgumentException("parameter name not allowed inside execute: " + name);
                }
                code.append(first ? "" : ",").append('"').append(name).append("\":Args.a").append(i).append('_')
                        .append(name);
                first = false;
            }
            code.append("})");
        }
        code.append("];");
        VkRequest outer = VkRequest.execute(idempotent, changes).param("code", code.toString());
        for (int i = 0; i < calls.size(); i++) {
            for (Map.Entry<String, String> param : calls.get(i).params().entrySet()) {
                outer.param("a" + i + "_" + param.getKey(), param.getValue());
            }
        }
        try {
            return api.call(tokens, outer, result -> answers(result, calls));
        } catch (OutcomeUnknownException e) {
            SferumException last = e.getCause() instanceof SferumException cause ? cause : e;
            List<ExecuteAnswer> out = new ArrayList<>(calls.size());
            for (VkRequest call : calls) {
                out.add(new ExecuteAnswer(call, null, call.changesState()
                        ? VkApi.outcomeUnknown(call, e.requestId().orElse(null), null, last) : last));
            }
            return out;
        } catch (SferumException e) {
            List<ExecuteAnswer> out = new ArrayList<>(calls.size());
            for (VkRequest call : calls) {
                out.add(new ExecuteAnswer(call, null, e));
            }
            return out;
        }
    }

    /** Splits the envelope into the calls' answers; a shape that does not fit is {@code MALFORMED_RESPONSE}. */
    private static List<ExecuteAnswer> answers(VkResult envelope, List<VkRequest> calls) {
        JsonNode response = envelope.response().get("response");
        if (response == null || !response.isArray() || response.size() != calls.size()) {
            throw envelope.malformed("is not an array of " + calls.size() + " answers");
        }
        JsonNode errors = envelope.response().path("execute_errors");
        int nextError = 0;
        List<ExecuteAnswer> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            VkRequest call = calls.get(i);
            JsonNode item = response.get(i);
            VkResult inner = new VkResult(call.method(), envelope.requestId(), item);
            if (!item.isBoolean() || item.booleanValue()) {
                out.add(new ExecuteAnswer(call, inner, null));
                continue;
            }
            JsonNode error = errors.isArray() ? errors.get(nextError++) : null;
            if (error == null || !error.isObject()) {
                throw envelope.malformed("has a failed call without its entry in execute_errors");
            }
            SferumException failure = VkErrorCodes.exception(inner, error);
            int wire = failure.wireCode().orElse(0);
            boolean unknown = wire == VkErrorCodes.UNKNOWN_ERROR || wire == VkErrorCodes.INTERNAL_ERROR;
            out.add(new ExecuteAnswer(call, null, unknown && call.changesState()
                    ? VkApi.outcomeUnknown(call, envelope.requestId(), wire, failure) : failure));
        }
        return out;
    }
}
