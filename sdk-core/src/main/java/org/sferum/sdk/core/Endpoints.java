package org.sferum.sdk.core;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.Capability;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Backend;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.AccessToken;

/**
 * Where the client talks to, and therefore what it can do ({@code docs/backends.md}). Each choice tells the
 * truth about its {@link #capabilities() capabilities}, which {@link SferumClient#capabilities()} answers and its
 * guard enforces before anything is sent:
 * <ul>
 *   <li>{@link #vk()}: the public VK API ({@code https://api.vk.ru}) and VK ID ({@code https://id.vk.com}) only:
 *       messaging, chat administration, notifications, contacts, attachments, polls, events, linking;</li>
 *   <li>{@link #withPartner(URI, PartnerCredentials)}: adds the Sferum partner contract, which carries the methods
 *       VK does not publish (calls and lessons, recordings, chat settings and roles, list actions, reports);</li>
 *   <li>{@link #emulator(URI)}: the emulator (sferum-emulator), which serves all of them at one address;</li>
 *   <li>{@link #max(AccessToken)}: the MAX messenger's Bot API, reserved: it offers nothing yet.</li>
 * </ul>
 */
public final class Endpoints {
    private static final URI VK_API = URI.create("https://api.vk.ru");
    private static final URI VK_ID = URI.create("https://id.vk.com");
    private static final URI MAX_BOT_API = URI.create("https://platform-api2.max.ru");
    /** The name of the MAX backend, as {@link #backend()} answers it. */
    public static final String MAX_BACKEND = "MAX Bot API";

    private final URI api;
    private final URI id;
    private final URI partner;
    private final PartnerCredentials partnerCredentials;
    private final AccessToken botToken;
    private final Backend backend;

    /**
     * The VK API and VK ID at these addresses, without the partner contract: what {@link #vk()} is, elsewhere
     * (a proxy, a test server).
     *
     * @param api the VK API base, an absolute http or https URI
     * @param id the VK ID base, an absolute http or https URI
     */
    public Endpoints(URI api, URI id) {
        this(checkBase(api, "VK API endpoint"), checkBase(id, "VK ID endpoint"), null, null, null,
                Backend.of("VK API", Backend.VK_API));
    }

    private Endpoints(URI api, URI id, URI partner, PartnerCredentials partnerCredentials, AccessToken botToken,
                      Backend backend) {
        this.api = api;
        this.id = id;
        this.partner = partner;
        this.partnerCredentials = partnerCredentials;
        this.botToken = botToken;
        this.backend = backend;
    }

    /**
     * The public VK API ({@code https://api.vk.ru}) and VK ID ({@code https://id.vk.com}), without the partner
     * contract. Its capabilities are those whose every wire method VK publishes (docs/wire/vk-api.md).
     *
     * @return the endpoints
     */
    public static Endpoints vk() {
        return new Endpoints(VK_API, VK_ID);
    }

    /**
     * The real VK services, as before backends were told apart: the same as {@link #vk()}. The partner methods
     * (calls, recordings, chat settings, …) were never at {@code api.vk.ru}; say which backend you mean.
     *
     * @return {@link #vk()}
     * @deprecated use {@link #vk()}, and {@link #withPartner(URI, PartnerCredentials)} for the partner contract
     */
    @Deprecated(since = "0.2")
    public static Endpoints production() {
        return vk();
    }

    /**
     * An emulator (sferum-emulator) that serves the VK API, VK ID and the partner contract at one base address: it
     * offers every implemented capability.
     *
     * @param base the emulator's base address, such as {@code http://127.0.0.1:8080}
     * @return the endpoints
     */
    public static Endpoints emulator(URI base) {
        URI checked = checkBase(base, "emulator endpoint");
        return new Endpoints(checked, checked, checked, null, null,
                Backend.of("emulator", Backend.IMPLEMENTED));
    }

    /**
     * The MAX messenger's Bot API ({@code https://platform-api2.max.ru}), acting as a school's bot (F-EMB-08).
     * Its {@link #capabilities()} are {@code BOT_MESSAGING} and {@code EVENTS}: a session of a bot token
     * ({@code Sferum.session(AccessToken)}) posts, reads, edits, deletes and pins messages in the chats the bot is
     * in, sees those chats and their members, and receives their updates; every other operation throws
     * {@link org.sferum.sdk.error.UnsupportedCapabilityException} before anything is sent ({@code
     * docs/backends.md}).
     *
     * @param botToken the bot's token from business.max.ru; never logged
     * @return the endpoints
     */
    public static Endpoints max(AccessToken botToken) {
        Checks.notNull(botToken, "bot token");
        return max(MAX_BOT_API, botToken);
    }

    /**
     * The MAX Bot API at another address: the emulator's MAX face ({@code SferumEmulator.maxUri()}), a proxy or a
     * test server. Requests go to {@code base + "/me"}, {@code base + "/messages"} and so on, with the bot token in
     * the {@code Authorization} header.
     *
     * @param base the Bot API's base address, such as {@code https://platform-api2.max.ru}
     * @param botToken the bot's token
     * @return the endpoints
     * @throws org.sferum.sdk.error.ValidationException if the address is not absolute http(s) or the token null
     */
    public static Endpoints max(URI base, AccessToken botToken) {
        URI checked = checkBase(base, "MAX Bot API endpoint");
        Checks.notNull(botToken, "bot token");
        return new Endpoints(checked, checked, null, null, botToken, Backend.of(MAX_BACKEND, Backend.MAX_BOT_API));
    }

    /**
     * Adds the Sferum partner contract: its methods (those VK does not publish, docs/wire/vk-api.md) are called at
     * {@code {partner}/method/{name}} with the credentials, the others still at the VK API.
     *
     * @param partnerBase the partner contract's base address, an absolute http or https URI
     * @param credentials the school system's partner key
     * @return new endpoints with every implemented capability
     * @throws IllegalStateException if these endpoints are not the VK API's (an emulator has the partner methods
     *     already; MAX has no partner contract)
     */
    public Endpoints withPartner(URI partnerBase, PartnerCredentials credentials) {
        URI checked = checkBase(partnerBase, "partner contract endpoint");
        Checks.notNull(credentials, "partner credentials");
        if (partner != null || botToken != null) {
            throw new IllegalStateException("only the VK API's endpoints take a partner contract, not "
                    + backend.name());
        }
        return new Endpoints(api, id, checked, credentials, null,
                Backend.of("VK API + partner contract", Backend.IMPLEMENTED));
    }

    /**
     * Returns the VK API base (for MAX, the Bot API's).
     *
     * @return the base address
     */
    public URI api() {
        return api;
    }

    /**
     * Returns the VK ID base (for MAX, which has no VK ID, the Bot API's).
     *
     * @return the base address
     */
    public URI id() {
        return id;
    }

    /**
     * Returns the partner contract's base, when configured (the emulator's own address for an emulator).
     *
     * @return the base address, or empty
     */
    public Optional<URI> partner() {
        return Optional.ofNullable(partner);
    }

    /**
     * Returns the partner key, when configured.
     *
     * @return the credentials, or empty
     */
    public Optional<PartnerCredentials> partnerCredentials() {
        return Optional.ofNullable(partnerCredentials);
    }

    /**
     * Returns the MAX bot token, for {@link #max(AccessToken)}.
     *
     * @return the token, or empty
     */
    public Optional<AccessToken> botToken() {
        return Optional.ofNullable(botToken);
    }

    /**
     * Returns the backend's name: {@code VK API}, {@code VK API + partner contract}, {@code emulator} or
     * {@code MAX Bot API}.
     *
     * @return the name
     */
    public String backend() {
        return backend.name();
    }

    /**
     * Returns what a client with these endpoints can do.
     *
     * @return an immutable set
     */
    public Set<Capability> capabilities() {
        return backend.capabilities();
    }

    /** The backend, for the client's guard. */
    Backend backendProfile() {
        return backend;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoints that && api.equals(that.api) && id.equals(that.id)
                && Objects.equals(partner, that.partner)
                && Objects.equals(partnerCredentials, that.partnerCredentials)
                && Objects.equals(botToken, that.botToken) && backend.name().equals(that.backend.name());
    }

    @Override
    public int hashCode() {
        return Objects.hash(api, id, partner, backend.name());
    }

    /** Shows the addresses and the backend, never a key or token. */
    @Override
    public String toString() {
        return "Endpoints[" + backend.name() + ", api=" + api + ", id=" + id
                + (partner != null ? ", partner=" + partner : "") + "]";
    }

    private static URI checkBase(URI uri, String name) {
        Checks.notNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Checks.require(uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
                        && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null,
                ErrorCode.INVALID_ARGUMENT,
                name + " must be an absolute http(s) address without query or fragment, such as https://api.vk.ru");
        return uri;
    }
}
