package org.sferum.sdk.core.links;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What linking needs to know about the application and VK ID.
 *
 * @param clientId the application's VK ID client id
 * @param redirectUri where VK ID sends the browser back, exactly as registered
 * @param idBase the VK ID base address, without a trailing slash
 * @param issuer the {@code iss} the ID token must carry
 * @param requestTimeout how long one request to VK ID may wait for its answer
 */
public record LinkSettings(String clientId, URI redirectUri, String idBase, String issuer, Duration requestTimeout) {
    /**
     * Validates the fields.
     *
     * @param clientId the application's VK ID client id
     * @param redirectUri where VK ID sends the browser back, exactly as registered
     * @param idBase the VK ID base address, without a trailing slash
     * @param issuer the {@code iss} the ID token must carry
     * @param requestTimeout how long one request to VK ID may wait for its answer
     */
    public LinkSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(idBase, "idBase");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (idBase.endsWith("/")) {
            throw new IllegalArgumentException("idBase must not end with a slash");
        }
    }
}
