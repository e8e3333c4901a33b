package org.sferum.sdk.core.links;

import org.sferum.sdk.core.wire.Log;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.core.users.WireUsers;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * {@link Links} over VK ID ({@code docs/wire/vk-id.md}): the authorization code flow with PKCE (S256), state and
 * nonce. A link and its tokens are written only after every check passed; a refused callback writes nothing.
 */
public final class WireLinks implements Links {
    /** How long a started linking waits for its callback. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** The scope sdk-core asks for. */
    public static final String SCOPE = "vkid.personal_info";

    private static final Log LOG = Log.get(WireLinks.class);

    private final LinkSettings settings;
    private final LinkStore linkStore;
    private final TokenStore tokenStore;
    private final VkIdClient vkId;
    /** Gives the ID token verifier on first use (it needs Nimbus, an optional library). */
    private final Linking parts;
    private final VkApi api;
    private final Unlinker unlinker;
    private final Secrets secrets;
    private final Clock clock;
    /** Whether linking and unlinking tell the platform's roster sync; see {@link Linking.Builder#notifyRoster}. */
    private final boolean notifyRoster;
    private final TokenRefresher refresher;

    /**
     * Creates the client.
     *
     * @param parts what linking is made of
     * @param unlinker leaves chats and revokes tokens when unlinking
     */
    WireLinks(Linking parts, Unlinker unlinker) {
        this.settings = parts.settings();
        this.linkStore = parts.linkStore();
        this.tokenStore = parts.tokenStore();
        this.vkId = parts.vkId();
        this.parts = parts;
        this.api = parts.api();
        this.secrets = parts.secrets();
        this.clock = parts.clock();
        this.notifyRoster = parts.notifyRoster();
        this.refresher = parts.refresher();
        this.unlinker = Objects.requireNonNull(unlinker, "unlinker");
    }

    /**
     * Refuses an account that is already linked, keeps the state, the PKCE verifier and the nonce as a
     * {@link PendingLink}, and returns VK ID's {@code /authorize} address with the S256 challenge.
     */
    @Override
    public LinkStart start(SchoolAccountId account, Role role) {
        Checks.notNull(account, "school account");
        Checks.notNull(role, "role");
        refuseLinked(account);
        String state = secrets.next();
        String codeVerifier = secrets.next();
        String nonce = secrets.next();
        linkStore.savePending(new PendingLink(state, account, role, codeVerifier, nonce, clock.instant()));
        String uri = settings.idBase() + "/authorize?response_type=code"
                + "&client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(settings.redirectUri().toString())
                + "&state=" + state
                + "&code_challenge=" + Secrets.challenge(codeVerifier)
                + "&code_challenge_method=S256"
                + "&scope=" + encode(SCOPE)
                + "&nonce=" + nonce;
        return new LinkStart(URI.create(uri), state);
    }

    /**
     * Takes the pending linking of the callback's state (once), exchanges the code, checks the ID token, reads
     * the profile with {@code users.get}, then stores the link and the tokens. A failure after the exchange
     * revokes the new tokens (best effort) and writes nothing.
     */
    @Override
    public Link complete(Map<String, String> callbackQuery, SchoolAccountId expectedAccount) {
        Checks.notNull(expectedAccount, "expected school account");
        return complete(callbackQuery, Optional.of(expectedAccount));
    }

    /**
     * Deprecated: the state alone decides the account; see {@link Links#complete(Map)}.
     */
    @Override
    @Deprecated
    public Link complete(Map<String, String> callbackQuery) {
        return complete(callbackQuery, Optional.empty());
    }

    private Link complete(Map<String, String> callbackQuery, Optional<SchoolAccountId> expectedAccount) {
        Checks.notNull(callbackQuery, "callback query");
        String state = callbackQuery.get("state");
        Optional<PendingLink> taken = state == null || state.isEmpty() ? Optional.empty()
                : linkStore.takePending(state);
        String error = callbackQuery.get("error");
        if (error != null) {
            throw OAuthErrors.callbackRefused(error);
        }
        PendingLink pending = taken.filter(p -> !clock.instant().isAfter(p.createdAt().plus(PENDING_LIFETIME)))
                .orElseThrow(() -> SferumException.of(ErrorCode.STATE_MISMATCH, "linking failed: "
                        + OAuthErrors.hint(ErrorCode.STATE_MISMATCH)));
        if (expectedAccount.isPresent() && !expectedAccount.get().equals(pending.account())) {
            linkStore.savePending(pending);   // the linking stays for the account that started it
            throw SferumException.of(ErrorCode.STATE_MISMATCH, "linking failed: the callback's state was started"
                    + " for another school account than the one signed in to this session (a forged or misdirected"
                    + " callback); nothing was linked, start linking again from this session");
        }
        String code = required(callbackQuery, "code");
        String deviceId = required(callbackQuery, "device_id");
        refuseLinked(pending.account());
        // Checked before the code is spent: without Nimbus the linking can be completed once it is added.
        IdTokenVerifier verifier = parts.verifier();
        TokenGrant grant = vkId.exchangeCode(code, pending.codeVerifier(), deviceId, pending.state());
        Link link;
        try {
            verifier.verify(grant, pending.nonce());
            Person person = new WireUsers(api, TokenSource.of(grant.accessToken())).me();
            if (person.id().value() != grant.userId()) {
                throw SferumException.of(ErrorCode.ID_TOKEN_INVALID, "linking failed: users.get answered another"
                        + " profile than the ID token's", null, grant.requestId(), null);
            }
            link = new Link(pending.account(), person.id(), pending.role(), clock.instant());
            linkStore.insert(link);
            storeTokens(link, new TokenSet(grant.accessToken(), grant.refreshToken(), deviceId,
                    grant.expiresAt()));
            LOG.debug("linking completed for {} [request {}]", person.id(), grant.requestId());
        } catch (RuntimeException e) {
            unlinker.revokeQuietly(grant.accessToken());
            throw e;
        }
        if (notifyRoster) {
            try {
                // the automatic chats waiting for the account take it in (docs/wire/roster.md)
                api.call(TokenSource.of(grant.accessToken()), VkRequest.idempotent("roster.linkAccount")
                        .param("account", link.account().value()));
            } catch (SferumException e) {
                LOG.warn("the account is linked, but roster sync was not told ({}); the next sync adds it to its"
                        + " chats", e.code());
            }
        }
        return link;
    }

    @Override
    public Optional<Link> find(SchoolAccountId account) {
        Checks.notNull(account, "school account");
        return linkStore.findByAccount(account);
    }

    /**
     * Leaves the user's group chats, revokes the tokens, then removes the tokens and the link. Refusals because
     * the token is no longer valid do not stop it; transient failures (network, rate limits, service errors)
     * stop it before anything is removed, so that it can be called again.
     */
    @Override
    public void unlink(SchoolAccountId account, boolean confirmed) {
        Checks.notNull(account, "school account");
        if (!confirmed) {
            throw new ValidationException(ErrorCode.CONFIRMATION_REQUIRED, "unlinking needs the user's explicit"
                    + " confirmation («Вы будете удалены из всех чатов»); pass confirmed = true once they agreed");
        }
        Link link = linkStore.findByAccount(account).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_LINKED,
                "the school account is not linked to a VK ID educational profile"));
        if (notifyRoster && tokenStore.get(account).isPresent()) {
            // first, so that a failure stops the unlinking before anything is removed and it can be repeated
            api.call(refresher.sourceOf(account), VkRequest.idempotent("roster.unlinkAccount")
                    .param("account", account.value()));
        }
        unlinker.leaveAndRevoke(link);
        tokenStore.remove(account);
        linkStore.delete(account);
        LOG.debug("unlinked {}", link.user());
    }

    private void storeTokens(Link link, TokenSet tokens) {
        try {
            tokenStore.put(link.account(), tokens);
        } catch (RuntimeException e) {
            linkStore.delete(link.account());
            throw e;
        }
    }

    private void refuseLinked(SchoolAccountId account) {
        if (linkStore.findByAccount(account).isPresent()) {
            throw new ConflictException(ErrorCode.ACCOUNT_ALREADY_LINKED, "the school account is already linked to"
                    + " a VK ID educational profile; unlink it before linking again");
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the callback has no " + name + "; pass the"
                    + " query of VK ID's redirect as it came");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WireLinks[client_id=" + settings.clientId() + "]";
    }
}
