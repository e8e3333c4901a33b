package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The background requests of the VK ID Web SDK on the VK ID domain ({@code docs/wire/vk-id.md}, "The VK ID Web
 * SDK's modes"): {@code POST /vkid_sdk_get_config} answers {@code {"response":{"active":0}}} and
 * {@code POST /stat_events_vkid_sdk} answers {@code {"response":1}}, with the credentialed CORS of {@code /oauth2/*}.
 */
final class VkIdSdkHandler implements EmulatorHandler {
    /** The SDK's configuration request. */
    static final String CONFIG_PATH = "/vkid_sdk_get_config";
    /** The SDK's statistics request. */
    static final String STATS_PATH = "/stat_events_vkid_sdk";

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        if (Cors.answerPreflightOrAllow(exchange)) {
            return;
        }
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getPath();
        JsonNode answer = answer(path);
        if (answer == null) {
            HttpJson.send(exchange, 404, HttpJson.controlError("not_found", "no such path"));
        } else if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
            HttpJson.send(exchange, 405, HttpJson.controlError("method_not_allowed", "use POST"));
        } else {
            HttpJson.send(exchange, 200, answer);
        }
    }

    /**
     * The answer of one of the SDK's paths.
     *
     * @param path the request path
     * @return the body, or {@code null} for another path
     */
    static JsonNode answer(String path) {
        ObjectNode body = JsonNodes.object();
        if (CONFIG_PATH.equals(path)) {
            body.putObject("response").put("active", 0);
            return body;
        }
        if (STATS_PATH.equals(path)) {
            body.put("response", 1);
            return body;
        }
        return null;
    }
}
