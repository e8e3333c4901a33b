package org.sferum.sdk.testkit.fake;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RelinkRequiredException;
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
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The fake's linking: the school system's side of the flow (state, PKCE, nonce, stores) as sdk-core does it,
 * over the engine's VK ID instead of HTTP. The platform's rules (codes, PKCE, tokens) are the engine's; the school
 * system's rules (state once, nonce, conflicts, confirmation) are the same as sdk-core's, tested by the same
 * {@code LinkingContract}.
 */
final class FakeLinks implements Links {
    /** How long a started linking waits for its callback (docs/wire/vk-id.md). */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** How long before expiry an access token is refreshed. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    private static final URI AUTHORIZE = URI.create("https://id.vk.test/authorize");

    private final PlatformEngine engine;
    private final String clientId;
    private final String redirectUri;
    private final LinkStore links;
    private final TokenStore tokens;
    private final SecureRandom random = new SecureRandom();
    private final Map<SchoolAccountId, Object> refreshLocks = new ConcurrentHashMap<>();

    FakeLinks(PlatformEngine engine, String clientId, String redirectUri, LinkStore links, TokenStore tokens) {
        this.engine = engine;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.links = links;
        this.tokens = tokens;
    }

    @Override
    public LinkStart start(SchoolAccountId account, Role role) {
        Checks.notNull(account, "school account");
        Checks.notNull(role, "role");
        if (links.findByAccount(account).isPresent()) {
            throw new ConflictException(ErrorCode.ACCOUNT_ALREADY_LINKED, "school account " + account.value()
                    + " is already linked; unlink it before linking again");
        }
        String state = randomToken();
        String verifier = randomToken();
        String nonce = randomToken();
        links.savePending(new PendingLink(state, account, role, verifier, nonce, engine.clock().instant()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.put("scope", "vkid.personal_info");
        query.put("nonce", nonce);
        StringBuilder uri = new StringBuilder(AUTHORIZE.toString()).append('?');
        query.forEach((k, v) -> uri.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        uri.setLength(uri.length() - 1);
        return new LinkStart(URI.create(uri.toString()), state);
    }

    @Override
    public Link complete(Map<String, String> callbackQuery, SchoolAccountId expectedAccount) {
        Checks.notNull(expectedAccount, "expected school account");
        return complete(callbackQuery, Optional.of(expectedAccount));
    }

    /** Deprecated: the state alone decides the account; see {@link Links#complete(Map)}. */
    @Override
    @Deprecated
    public Link complete(Map<String, String> callbackQuery) {
        return complete(callbackQuery, Optional.empty());
    }

    private Link complete(Map<String, String> callbackQuery, Optional<SchoolAccountId> expectedAccount) {
        Checks.notNull(callbackQuery, "callback query");
        String error = callbackQuery.get("error");
        Optional<PendingLink> pending = Optional.ofNullable(callbackQuery.get("state")).flatMap(links::takePending);
        if (error != null) {
            throw new AuthenticationException(ErrorCode.ACCESS_DENIED,
                    "VK ID did not authorize the linking (" + printable(error) + "); the user may start again");
        }
        PendingLink started = pending.filter(p -> p.createdAt().plus(PENDING_LIFETIME)
                .isAfter(engine.clock().instant())).orElseThrow(() -> new AuthenticationException(
                ErrorCode.STATE_MISMATCH, "the callback's state matches no pending linking (unknown, already "
                + "used, or older than 10 minutes); start the linking again"));
        if (expectedAccount.isPresent() && !expectedAccount.get().equals(started.account())) {
            links.savePending(started);   // the linking stays for the account that started it
            throw new AuthenticationException(ErrorCode.STATE_MISMATCH, "the callback's state was started for "
                    + "another school account than the one signed in to this session (a forged or misdirected "
                    + "callback); nothing was linked, start linking again from this session");
        }
        String code = required(callbackQuery, "code");
        String deviceId = required(callbackQuery, "device_id");
        VkIdService.TokenGrant grant = engine.vkId().exchangeCode(clientId, code, started.codeVerifier(),
                redirectUri, deviceId);
        VkIdService.IdTokenClaims claims = grant.idToken().orElseThrow(() -> new AuthenticationException(
                ErrorCode.ID_TOKEN_INVALID, "the token answer carries no ID token"));
        checkClaims(claims, started, grant);
        Instant now = engine.clock().instant();
        Link link = new Link(started.account(), grant.user(), started.role(), now);
        links.insert(link);
        tokens.put(started.account(), new TokenSet(AccessToken.of(grant.accessToken()), grant.refreshToken(),
                deviceId, now.plusSeconds(grant.expiresIn())));
        engine.roster().accountLinked(link.account(), link.user()); // F-CHAT-01: pending chats take them in
        return link;
    }

    private void checkClaims(VkIdService.IdTokenClaims claims, PendingLink started, VkIdService.TokenGrant grant) {
        long now = engine.clock().instant().getEpochSecond();
        if (!clientId.equals(claims.audience())) {
            throw new AuthenticationException(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH,
                    "the ID token was issued for another application");
        }
        if (claims.expiresAt() + 60 < now) {
            throw new AuthenticationException(ErrorCode.ID_TOKEN_EXPIRED, "the ID token has expired");
        }
        if (!claims.nonce().map(started.nonce()::equals).orElse(false)) {
            throw new AuthenticationException(ErrorCode.NONCE_MISMATCH,
                    "the ID token's nonce is not the one this linking sent");
        }
        if (!claims.subject().equals(Long.toString(grant.user().value()))) {
            throw new AuthenticationException(ErrorCode.ID_TOKEN_INVALID,
                    "the ID token's subject is not the user the tokens were issued to");
        }
    }

    @Override
    public Optional<Link> find(SchoolAccountId account) {
        return links.findByAccount(Checks.notNull(account, "school account"));
    }

    @Override
    public void unlink(SchoolAccountId account, boolean confirmed) {
        Checks.notNull(account, "school account");
        if (!confirmed) {
            throw new ValidationException(ErrorCode.CONFIRMATION_REQUIRED, "unlinking removes the user from all "
                    + "chats («Вы будете удалены из всех чатов»); pass confirmed = true once the user agreed");
        }
        Link link = links.findByAccount(account).orElseThrow(() -> notLinked(account));
        engine.roster().accountUnlinked(account); // its automatic chats wait for it again
        for (ChatId chat : engine.chats().chatsOf(link.user())) {
            try {
                engine.chats().leaveChat(link.user(), chat);
            } catch (PermissionDeniedException alreadyGone) {
                // left meanwhile: nothing to do
            }
        }
        tokens.get(account).ifPresent(set -> {
            try {
                engine.vkId().revoke(set.accessToken().secret());
            } catch (SferumException alreadyInvalid) {
                // an expired or revoked token must not keep the link alive
            }
        });
        tokens.remove(account);
        links.delete(account);
    }

    /**
     * Returns a valid access token of a linked account, refreshing it first when it expires within a minute.
     * Concurrent callers refresh once.
     *
     * @param account the account
     * @return the token
     */
    AccessToken currentToken(SchoolAccountId account) {
        links.findByAccount(account).orElseThrow(() -> notLinked(account));
        TokenSet set = tokens.get(account).orElseThrow(() -> notLinked(account));
        if (fresh(set)) {
            return set.accessToken();
        }
        synchronized (refreshLocks.computeIfAbsent(account, a -> new Object())) {
            TokenSet again = tokens.get(account).orElseThrow(() -> notLinked(account));
            if (fresh(again)) {
                return again.accessToken();
            }
            VkIdService.TokenGrant grant;
            try {
                grant = engine.vkId().refresh(clientId, again.refreshToken(), again.deviceId());
            } catch (SferumException e) {
                // Another node sharing the token store may have rotated the refresh token a moment earlier.
                Optional<TokenSet> now = tokens.get(account);
                if (now.isPresent() && !now.get().refreshToken().equals(again.refreshToken())) {
                    return now.get().accessToken();
                }
                throw new RelinkRequiredException("the link of school account " + account.value()
                        + " can no longer be refreshed (" + e.code() + "); the user has to link again", null, null, e);
            }
            TokenSet next = new TokenSet(AccessToken.of(grant.accessToken()), grant.refreshToken(),
                    again.deviceId(), engine.clock().instant().plusSeconds(grant.expiresIn()));
            tokens.put(account, next);
            return next.accessToken();
        }
    }

    private boolean fresh(TokenSet set) {
        return set.expiresAt().isAfter(engine.clock().instant().plus(REFRESH_AHEAD));
    }

    private static NotFoundException notLinked(SchoolAccountId account) {
        return new NotFoundException(ErrorCode.NOT_LINKED, "school account " + account.value()
                + " is not linked to a VK ID educational profile; start linking with links().start");
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the callback has no " + name);
        }
        return value;
    }

    private static String printable(String text) {
        return text.replaceAll("[^a-z_]", "?");
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
