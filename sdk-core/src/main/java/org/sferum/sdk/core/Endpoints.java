package org.sferum.sdk.core;

import java.net.URI;
import java.util.Locale;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * The base addresses the client talks to: the VK API (methods are called at {@code {api}/method/{name}}) and VK ID
 * (OAuth). One switch points a client at production or at an emulator.
 *
 * @param api the VK API base, an absolute http or https URI
 * @param id the VK ID base, an absolute http or https URI
 */
public record Endpoints(URI api, URI id) {
    private static final URI PRODUCTION_API = URI.create("https://api.vk.ru");
    private static final URI PRODUCTION_ID = URI.create("https://id.vk.com");

    /**
     * Validates both addresses.
     *
     * @param api the VK API base, an absolute http or https URI
     * @param id the VK ID base, an absolute http or https URI
     */
    public Endpoints {
        checkBase(api, "VK API endpoint");
        checkBase(id, "VK ID endpoint");
    }

    /**
     * The real services: {@code https://api.vk.ru} and {@code https://id.vk.com}.
     *
     * @return the production endpoints
     */
    public static Endpoints production() {
        return new Endpoints(PRODUCTION_API, PRODUCTION_ID);
    }

    /**
     * An emulator (sdk-testkit) that serves both the VK API and VK ID at one base address.
     *
     * @param base the emulator's base address, such as {@code http://127.0.0.1:8080}
     * @return the endpoints
     */
    public static Endpoints emulator(URI base) {
        return new Endpoints(base, base);
    }

    private static void checkBase(URI uri, String name) {
        Checks.notNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Checks.require(uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
                        && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null,
                ErrorCode.INVALID_ARGUMENT,
                name + " must be an absolute http(s) address without query or fragment, such as https://api.vk.ru");
    }
}
