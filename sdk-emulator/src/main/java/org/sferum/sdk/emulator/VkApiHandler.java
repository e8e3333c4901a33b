package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /method/{name}}: reads the call off the wire, lets {@link VkMethodDispatcher} answer it, and sends the envelope
 * with HTTP 200, as the VK API does for every outcome. Browser widgets get credentialed CORS and preflights, as on
 * {@code /oauth2/*}.
 */
final class VkApiHandler implements EmulatorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(VkApiHandler.class);

    private final VkMethodDispatcher api;

    /**
     * Creates the handler.
     *
     * @param api answers the calls
     */
    VkApiHandler(VkMethodDispatcher api) {
        this.api = api;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        if (Cors.answerPreflightOrAllow(exchange)) {
            return;
        }
        Optional<String> requestId = HttpJson.requestId(exchange);
        ObjectNode body;
        try {
            VkCall call = VkCallReader.read(exchange);
            body = api.answer(call, requestId);
        } catch (VkFailure e) {
            body = VkEnvelope.error(e.vkCode(), e.getMessage(), VkMethodDispatcher.printable(VkCallReader.methodName(exchange)),
                    Optional.empty());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), VkMethodDispatcher.printable(VkCallReader.methodName(exchange)),
                    body.has("error") ? "error " + body.path("error").path("error_code").asInt() : "ok");
        }
        HttpJson.send(exchange, 200, body);
    }
}
