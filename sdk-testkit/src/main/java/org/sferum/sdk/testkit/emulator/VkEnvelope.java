package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The two VK API envelopes: {@code {"response": …}} and {@code {"error": {…}}}. */
final class VkEnvelope {
    private VkEnvelope() {
    }

    /**
     * Wraps a result.
     *
     * @param response the result
     * @return {@code {"response": response}}
     */
    static ObjectNode success(JsonNode response) {
        ObjectNode envelope = JsonNodes.object();
        envelope.set("response", response);
        return envelope;
    }

    /**
     * Builds an error. {@code request_params} echoes {@code method}, {@code oauth} and {@code v} only, never the
     * token or the message text.
     *
     * @param vkCode the VK error code
     * @param detail what was wrong, appended to the code's meaning
     * @param method the method name
     * @param version the {@code v} parameter, if given
     * @return {@code {"error": {error_code, error_msg, request_params}}}
     */
    static ObjectNode error(int vkCode, String detail, String method, Optional<String> version) {
        return error(vkCode, 0, detail, method, version);
    }

    /**
     * Builds an error with VK's optional {@code error_subcode}: the partner code behind a generic VK code
     * ({@link VkErrorTable#generic}), so that a partner client still tells the refusals apart.
     *
     * @param vkCode the VK error code
     * @param subcode the subcode; 0 for none
     * @param detail what was wrong, appended to the meaning of the subcode, or else of the code
     * @param method the method name
     * @param version the {@code v} parameter, if given
     * @return {@code {"error": {error_code, [error_subcode], error_msg, request_params}}}
     */
    static ObjectNode error(int vkCode, int subcode, String detail, String method, Optional<String> version) {
        ObjectNode error = JsonNodes.object();
        error.put("error_code", vkCode);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        String meaning = VkErrorTable.meaning(subcode != 0 ? subcode : vkCode);
        error.put("error_msg", detail == null || detail.isEmpty() ? meaning : meaning + ": " + detail);
        ArrayNode params = error.putArray("request_params");
        params.add(param("method", method));
        params.add(param("oauth", "1"));
        version.ifPresent(v -> params.add(param("v", v)));
        ObjectNode envelope = JsonNodes.object();
        envelope.set("error", error);
        return envelope;
    }

    private static ObjectNode param(String key, String value) {
        ObjectNode param = JsonNodes.object();
        param.put("key", key);
        param.put("value", value);
        return param;
    }
}
