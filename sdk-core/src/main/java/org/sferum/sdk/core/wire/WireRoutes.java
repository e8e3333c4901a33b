package org.sferum.sdk.core.wire;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.core.transport.TransportRequest;

/**
 * Where each VK API request goes: {@code {api}/method/{name}}, or, for the partner contract's requests
 * ({@link WireMethods#isPartner(VkRequest)}), {@code {partner}/method/{name}} with the partner key in
 * {@code X-Sferum-Partner-Key}. Immutable and thread-safe.
 */
public final class WireRoutes {
    /** The header that carries the partner key. */
    public static final String PARTNER_KEY_HEADER = "X-Sferum-Partner-Key";

    private final String apiBase;
    private final String partnerBase;
    private final String partnerKey;
    private final Map<String, URI> apiUris = new ConcurrentHashMap<>();
    private final Map<String, URI> partnerUris = new ConcurrentHashMap<>();

    private WireRoutes(URI apiBase, URI partnerBase, String partnerKey) {
        this.apiBase = withoutSlash(Objects.requireNonNull(apiBase, "apiBase"));
        this.partnerBase = partnerBase == null ? null : withoutSlash(partnerBase);
        this.partnerKey = partnerKey;
    }

    /**
     * Routes everything to the VK API; a partner request is a bug then (the client's guard refuses its operation
     * first) and fails with {@link IllegalStateException}.
     *
     * @param apiBase the VK API base
     * @return the routes
     */
    public static WireRoutes vk(URI apiBase) {
        return new WireRoutes(apiBase, null, null);
    }

    /**
     * Routes partner requests to the partner contract.
     *
     * @param apiBase the VK API base
     * @param partnerBase the partner contract's base
     * @param partnerKey the partner key, or {@code null} to send none (the emulator)
     * @return the routes
     */
    public static WireRoutes withPartner(URI apiBase, URI partnerBase, String partnerKey) {
        return new WireRoutes(apiBase, Objects.requireNonNull(partnerBase, "partnerBase"), partnerKey);
    }

    /**
     * Returns the API base, without a trailing slash.
     *
     * @return the base
     */
    public String apiBase() {
        return apiBase;
    }

    /**
     * Returns the address of a request.
     *
     * @param request the request
     * @return {@code {base}/method/{name}}
     * @throws IllegalStateException if it is a partner request and no partner contract is configured
     */
    public URI uri(VkRequest request) {
        if (!WireMethods.isPartner(request)) {
            return apiUris.computeIfAbsent(request.method(), name -> URI.create(apiBase + "/method/" + name));
        }
        if (partnerBase == null) {
            throw new IllegalStateException(request.method() + " belongs to the partner contract, which these"
                    + " endpoints lack; the capability guard should have refused the operation first");
        }
        return partnerUris.computeIfAbsent(request.method(), name -> URI.create(partnerBase + "/method/" + name));
    }

    /**
     * Adds the partner key to a partner request's headers.
     *
     * @param request the request
     * @param headers its headers
     */
    public void addHeaders(VkRequest request, Map<String, List<String>> headers) {
        if (partnerKey != null && WireMethods.isPartner(request)) {
            TransportRequest.addHeader(headers, PARTNER_KEY_HEADER, partnerKey);
        }
    }

    private static String withoutSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
