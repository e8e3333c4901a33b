package org.sferum.sdk.testkit.engine.vkid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/**
 * The registered applications and their redirect URIs. A redirect URI matches a registered one exactly, except
 * that for a loopback host ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}) the port is ignored (RFC 8252).
 * Guarded by the VK ID lock.
 */
final class Clients {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Map<String, List<URI>> redirectsById = new HashMap<>();

    /**
     * Registers a client, replacing its earlier redirect URIs.
     *
     * @param clientId the client id
     * @param redirectUris absolute URIs without fragments
     */
    void register(String clientId, List<URI> redirectUris) {
        if (clientId == null || clientId.isBlank()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the client id is required");
        }
        List<URI> uris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        for (URI uri : uris) {
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawFragment() != null || uri.getHost() == null) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "a redirect URI must be an absolute URI with a host and no fragment: " + uri);
            }
        }
        redirectsById.put(clientId, uris);
    }

    /**
     * Tells whether a client is registered.
     *
     * @param clientId the client id, possibly {@code null}
     * @return whether it is
     */
    boolean known(String clientId) {
        return clientId != null && redirectsById.containsKey(clientId);
    }

    /**
     * Tells whether a redirect URI is registered for a client.
     *
     * @param clientId the client id
     * @param redirectUri the redirect URI as sent
     * @return whether it matches one of the client's
     */
    boolean allows(String clientId, String redirectUri) {
        List<URI> registered = redirectsById.get(clientId);
        if (registered == null || redirectUri == null) {
            return false;
        }
        URI given;
        try {
            given = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return false;
        }
        return registered.stream().anyMatch(r -> matches(r, given));
    }

    private static boolean matches(URI registered, URI given) {
        if (registered.toString().equals(given.toString())) {
            return true;
        }
        String host = registered.getHost() == null ? null : registered.getHost().toLowerCase(Locale.ROOT);
        return host != null && LOOPBACK.contains(host) && given.getRawFragment() == null
                && Objects.equals(registered.getScheme(), given.getScheme())
                && Objects.equals(registered.getRawUserInfo(), given.getRawUserInfo())
                && Objects.equals(host, given.getHost() == null ? null : given.getHost().toLowerCase(Locale.ROOT))
                && Objects.equals(registered.getRawPath(), given.getRawPath())
                && Objects.equals(registered.getRawQuery(), given.getRawQuery());
    }
}
