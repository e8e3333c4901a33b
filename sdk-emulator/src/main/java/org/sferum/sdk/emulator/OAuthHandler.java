package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves VK ID's {@code /oauth2/*} endpoints ({@code docs/wire/vk-id.md}): {@code POST} with the query and the form
 * merged (the form wins), JSON answers, errors with HTTP 400, credentialed CORS and preflights. Never logs
 * parameters.
 */
final class OAuthHandler implements EmulatorHandler {
    /** The path prefix of the endpoints. */
    static final String PREFIX = "/oauth2/";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthHandler.class);

    private final TokenEndpoint token;
    private final UserEndpoints users;

    /**
     * Creates the handler.
     *
     * @param token the token endpoint
     * @param users the other endpoints
     */
    OAuthHandler(TokenEndpoint token, UserEndpoints users) {
        this.token = token;
        this.users = users;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        if (Cors.answerPreflightOrAllow(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String endpoint = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (!known(endpoint)) {
            HttpJson.send(exchange, 404, new OAuthFailure("invalid_request", null, "no such VK ID endpoint")
                    .body(Optional.empty()));
            return;
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
            HttpJson.send(exchange, 405, new OAuthFailure("invalid_request", null, "use POST").body(Optional.empty()));
            return;
        }
        Map<String, String> params = Map.of();
        try {
            params = VkCallReader.read(exchange).params();
            HttpJson.send(exchange, 200, answer(endpoint, params));
        } catch (VkFailure e) {
            HttpJson.send(exchange, 400, new OAuthFailure("invalid_request", null, e.getMessage())
                    .body(Optional.empty()));
        } catch (OAuthFailure e) {
            LOG.debug("POST {}{} -> {} {}", PREFIX, endpoint, e.error(), e.reason().orElse(""));
            HttpJson.send(exchange, 400, e.body(OAuthParams.optional(params, "state")));
        } catch (RuntimeException e) {
            LOG.error("VK ID endpoint {}{} failed unexpectedly", PREFIX, endpoint, Redacted.of(e));
            HttpJson.send(exchange, 500, new OAuthFailure("server_error", null,
                    "unexpected " + e.getClass().getSimpleName() + " in the emulator; see its log")
                    .body(Optional.empty()));
        }
    }

    private static boolean known(String endpoint) {
        switch (endpoint) {
            case "auth":
            case "user_info":
            case "public_info":
            case "logout":
            case "revoke":
                return true;
            default:
                return false;
        }
    }

    private ObjectNode answer(String endpoint, Map<String, String> params) {
        switch (endpoint) {
            case "auth":
                return token.answer(params);
            case "user_info":
                return users.userInfo(params);
            case "public_info":
                return users.publicInfo(params);
            case "logout":
                return users.logout(params);
            case "revoke":
            default:
                return users.revoke(params);
        }
    }
}
