package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Where a VKScript program's {@code API.section.method({...})} calls go: the emulator's method table. */
@FunctionalInterface
public interface ApiGateway {
    /**
     * Runs one API method as the caller of {@code execute}.
     *
     * @param method the method name, {@code section.method}
     * @param params the call's parameters, already written as VK wire values (arrays comma-joined, booleans 1/0)
     * @return the envelope, {@code {"response": …}} or {@code {"error": {"error_code", "error_msg", …}}}
     */
    ObjectNode call(String method, Map<String, String> params);
}
