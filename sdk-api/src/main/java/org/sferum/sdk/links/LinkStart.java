package org.sferum.sdk.links;

import java.net.URI;
import java.util.Objects;

/**
 * The first step of linking: where to send the user's browser. The PKCE verifier and nonce stay on the server.
 *
 * @param authorizationUri the VK ID page to redirect to
 * @param state the state value the callback must carry back
 */
public record LinkStart(URI authorizationUri, String state) {
    /**
     * Validates the fields.
     *
     * @param authorizationUri the VK ID page to redirect to
     * @param state the state value the callback must carry back
     */
    public LinkStart {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(state, "state");
    }
}
