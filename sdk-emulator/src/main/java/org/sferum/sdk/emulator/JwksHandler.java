package org.sferum.sdk.emulator;

import java.io.IOException;

/** Serves {@code GET /.well-known/jwks.json}: the public key the emulator signs ID tokens with. */
final class JwksHandler implements EmulatorHandler {
    /** The path of the key set. */
    static final String PATH = "/.well-known/jwks.json";

    private final IdTokens idTokens;

    /**
     * Creates the handler.
     *
     * @param idTokens the emulator's ID tokens
     */
    JwksHandler(IdTokens idTokens) {
        this.idTokens = idTokens;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        if (Cors.answerPreflightOrAllow(exchange)) {
            return;
        }
        String method = exchange.getRequestMethod();
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            HttpJson.send(exchange, 404, HttpJson.controlError("not_found", "no such path"));
        } else if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
            HttpJson.send(exchange, 405, HttpJson.controlError("method_not_allowed", "use GET"));
        } else {
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            HttpJson.send(exchange, 200, JsonNodes.MAPPER.valueToTree(idTokens.jwks()));
        }
    }
}
