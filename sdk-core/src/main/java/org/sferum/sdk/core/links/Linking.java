package org.sferum.sdk.core.links;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Linking as one client uses it: the {@link Links} and the token sources of linked accounts' sessions, over one
 * set of stores, one VK ID caller and one refresher (so that refreshes are single-flight across sessions).
 */
public final class Linking {
    private final LinkSettings settings;
    private final LinkStore linkStore;
    private final TokenStore tokenStore;
    private final OAuthHttp http;
    private final VkIdClient vkId;
    /** Made on first use, after checking that Nimbus (optional) is there: messaging never needs it. */
    private volatile IdTokenVerifier verifier;
    private final SigningKeys keys;
    private final VkApi api;
    private final Secrets secrets;
    private final Clock clock;
    private final TokenRefresher refresher;
    private final boolean notifyRoster;
    private final WireLinks links;

    private Linking(Builder b) {
        this.settings = b.settings;
        this.linkStore = b.linkStore;
        this.tokenStore = b.tokenStore;
        this.api = b.api;
        this.clock = b.clock;
        this.secrets = new Secrets(new SecureRandom());
        this.http = new OAuthHttp(b.transport, settings.idBase(), settings.requestTimeout(), clock, b.interceptors);
        this.vkId = new VkIdClient(http, settings, secrets, clock);
        this.keys = b.keys == null ? null : b.keys.apply(vkId);
        this.refresher = new TokenRefresher(tokenStore, linkStore, vkId, clock, api.metrics());
        this.notifyRoster = b.notifyRoster;
        this.links = new WireLinks(this, new Unlinker(api, vkId, refresher, tokenStore));
    }

    /**
     * Starts building.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the links client.
     *
     * @return the links
     */
    public Links links() {
        return links;
    }

    /**
     * Returns where a linked account's session gets its tokens.
     *
     * @param account the account
     * @return the source
     * @throws NotFoundException with {@code NOT_LINKED} when the account is not linked
     * @throws org.sferum.sdk.error.RelinkRequiredException when no tokens are stored for it
     */
    public TokenSource sessionTokens(SchoolAccountId account) {
        if (linkStore.findByAccount(account).isEmpty()) {
            throw new NotFoundException(ErrorCode.NOT_LINKED, "the school account is not linked to a VK ID"
                    + " educational profile; link it first with links().start");
        }
        if (tokenStore.get(account).isEmpty()) {
            throw new RelinkRequiredException(OAuthErrors.hint(ErrorCode.RELINK_REQUIRED)
                    + " (no tokens are stored for the account)", null, null, null);
        }
        return refresher.sourceOf(account);
    }

    /** Refuses every later request to VK ID. Idempotent. */
    public void close() {
        if (keys != null) {
            keys.close();
        }
        http.close();
    }

    LinkSettings settings() {
        return settings;
    }

    LinkStore linkStore() {
        return linkStore;
    }

    TokenStore tokenStore() {
        return tokenStore;
    }

    VkIdClient vkId() {
        return vkId;
    }

    IdTokenVerifier verifier() {
        IdTokenVerifier made = verifier;
        if (made == null) {
            org.sferum.sdk.core.wire.OptionalLibraries.NIMBUS.require();
            made = new IdTokenVerifier(keys, vkId, settings.issuer(), settings.clientId(), clock);
            verifier = made;
        }
        return made;
    }

    VkApi api() {
        return api;
    }

    Secrets secrets() {
        return secrets;
    }

    Clock clock() {
        return clock;
    }

    TokenRefresher refresher() {
        return refresher;
    }

    boolean notifyRoster() {
        return notifyRoster;
    }

    /** Builds a {@link Linking}; every part is required except the keys. */
    public static final class Builder {
        private LinkSettings settings;
        private LinkStore linkStore;
        private TokenStore tokenStore;
        private Transport transport;
        private VkApi api;
        private Clock clock;
        private List<RequestInterceptor> interceptors = List.of();
        private Function<VkIdClient, SigningKeys> keys;
        private boolean notifyRoster;

        private Builder() {
        }

        /**
         * Sets the application and VK ID.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(LinkSettings value) {
            this.settings = value;
            return this;
        }

        /**
         * Sets the stores.
         *
         * @param links where links and pending linkings are kept
         * @param tokens where tokens are kept
         * @return this builder
         */
        public Builder stores(LinkStore links, TokenStore tokens) {
            this.linkStore = links;
            this.tokenStore = tokens;
            return this;
        }

        /**
         * Sets how requests are sent: the client's transport for VK ID, its VK API caller, its interceptors.
         *
         * @param http the transport
         * @param vkApi the VK API caller
         * @param requestInterceptors the interceptors
         * @return this builder
         */
        public Builder wire(Transport http, VkApi vkApi, List<RequestInterceptor> requestInterceptors) {
            this.transport = http;
            this.api = vkApi;
            this.interceptors = List.copyOf(requestInterceptors);
            return this;
        }

        /**
         * Sets the client's clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Sets how the keys that check ID tokens are made, given the VK ID caller (which fetches a JWK set);
         * {@code null}, the default, checks ID tokens through {@code /oauth2/public_info}.
         *
         * @param value makes the keys, or {@code null}
         * @return this builder
         */
        public Builder keys(Function<VkIdClient, SigningKeys> value) {
            this.keys = value;
            return this;
        }

        /**
         * Sets whether linking and unlinking tell the platform's roster sync (partner {@code roster.linkAccount}
         * and {@code roster.unlinkAccount}, {@code docs/wire/roster.md}); off by default, on only for a client
         * given the schools' service accounts.
         *
         * @param value whether to tell it
         * @return this builder
         */
        public Builder notifyRoster(boolean value) {
            this.notifyRoster = value;
            return this;
        }

        /**
         * Builds it.
         *
         * @return the linking
         */
        public Linking build() {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(linkStore, "linkStore");
            Objects.requireNonNull(tokenStore, "tokenStore");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(clock, "clock");
            return new Linking(this);
        }
    }
}
