package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.sferum.sdk.users.UserId;

/** One VK API method: reads its parameters, calls the engine as the caller, renders the result. */
@FunctionalInterface
interface VkMethod {
    /**
     * Runs the method.
     *
     * @param caller the authenticated user
     * @param params the call's parameters
     * @return the value of {@code response}
     */
    JsonNode call(UserId caller, VkParams params);
}
