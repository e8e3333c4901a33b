package org.sferum.sdk.core.links;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives linked accounts' access tokens, refreshing one when it expires within {@link #REFRESH_AHEAD} on the
 * client's clock, or when the VK API refused it. Refreshes are single-flight per account on this client: threads
 * that need the same account's token at once wait for one refresh and all use its result. Across nodes that share
 * a {@link TokenStore}, two may refresh at once; VK ID rotates the refresh token, so the later one is refused, and
 * that node then takes the tokens the first one stored instead of asking for a new link. The rotated tokens are
 * stored in the {@link TokenStore}; a refused refresh token is {@code RELINK_REQUIRED}, and the stored tokens are
 * left for unlinking to clean. Thread-safe.
 */
public final class TokenRefresher {
    /** How long before its expiry an access token is refreshed. */
    public static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    /** How long a refused refresh waits for another node's rotated tokens before asking for a new link. */
    static final Duration ROTATION_GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    private final TokenStore tokens;
    private final LinkStore links;
    private final VkIdClient vkId;
    private final Clock clock;
    private final SferumMetrics metrics;
    private final ConcurrentHashMap<SchoolAccountId, Object> locks = new ConcurrentHashMap<>();

    /**
     * Creates the refresher.
     *
     * @param tokens where the tokens are kept
     * @param links tells a missing link from missing tokens
     * @param vkId refreshes
     * @param clock tells when a token expires
     */
    public TokenRefresher(TokenStore tokens, LinkStore links, VkIdClient vkId, Clock clock) {
        this(tokens, links, vkId, clock, SferumMetrics.none());
    }

    /**
     * Creates the refresher, reporting each refresh to metrics.
     *
     * @param tokens where the tokens are kept
     * @param links tells a missing link from missing tokens
     * @param vkId refreshes
     * @param clock tells when a token expires, and measures refreshes
     * @param metrics told of each refresh (outcome code and duration only)
     */
    public TokenRefresher(TokenStore tokens, LinkStore links, VkIdClient vkId, Clock clock, SferumMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.links = Objects.requireNonNull(links, "links");
        this.vkId = Objects.requireNonNull(vkId, "vkId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the token source of an account, for a session's calls.
     *
     * @param account the linked account
     * @return the source
     */
    public TokenSource sourceOf(SchoolAccountId account) {
        Objects.requireNonNull(account, "account");
        return new TokenSource() {
            @Override
            public AccessToken current() {
                return TokenRefresher.this.current(account);
            }

            @Override
            public Optional<AccessToken> renew(AccessToken rejected) {
                return Optional.of(TokenRefresher.this.renew(account, rejected));
            }

            @Override
            public String toString() {
                return "TokenSource[linked account, redacted]";
            }
        };
    }

    /**
     * Returns the account's access token, refreshed first when it expires soon.
     *
     * @param account the account
     * @return the token
     */
    public AccessToken current(SchoolAccountId account) {
        TokenSet set = stored(account);
        if (!expiresSoon(set)) {
            return set.accessToken();
        }
        synchronized (lockOf(account)) {
            set = stored(account);
            return expiresSoon(set) ? refresh(account, set).accessToken() : set.accessToken();
        }
    }

    /**
     * Replaces an access token the VK API refused, unless another thread already did.
     *
     * @param account the account
     * @param rejected the refused token
     * @return the token to retry with
     */
    public AccessToken renew(SchoolAccountId account, AccessToken rejected) {
        synchronized (lockOf(account)) {
            TokenSet set = stored(account);
            return set.accessToken().equals(rejected) ? refresh(account, set).accessToken() : set.accessToken();
        }
    }

    private TokenSet refresh(SchoolAccountId account, TokenSet set) {
        long started = clock.millis();
        try {
            TokenSet next = refreshNow(account, set);
            metrics.tokenRefreshed(Optional.empty(), since(started));
            return next;
        } catch (SferumException e) {
            metrics.tokenRefreshed(Optional.of(e.code()), since(started));
            throw e;
        }
    }

    private Duration since(long startedMillis) {
        return Duration.ofMillis(Math.max(0, clock.millis() - startedMillis));
    }

    private TokenSet refreshNow(SchoolAccountId account, TokenSet set) {
        TokenGrant grant;
        try {
            grant = vkId.refresh(set.refreshToken(), set.deviceId());
        } catch (RelinkRequiredException refused) {
            // Another node sharing the TokenStore may have refreshed (and so rotated) the same refresh token a
            // moment earlier: then its tokens are, or are about to be, in the store, and they are ours too.
            return rotatedElsewhere(account, set).orElseThrow(() -> refused);
        }
        TokenSet next = new TokenSet(grant.accessToken(),
                grant.refreshToken() != null ? grant.refreshToken() : set.refreshToken(), set.deviceId(),
                grant.expiresAt());
        tokens.put(account, next);
        LOG.debug("tokens refreshed and stored [request {}]", grant.requestId());
        return next;
    }

    /** Waits up to {@link #ROTATION_GRACE} for another node's rotated tokens to appear in the store. */
    private Optional<TokenSet> rotatedElsewhere(SchoolAccountId account, TokenSet refused) {
        long deadline = System.nanoTime() + ROTATION_GRACE.toNanos();
        while (true) {
            Optional<TokenSet> now = tokens.get(account);
            if (now.isPresent() && !now.get().refreshToken().equals(refused.refreshToken())) {
                LOG.debug("refresh token already rotated by another node; using the stored tokens");
                return now;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private boolean expiresSoon(TokenSet set) {
        return !clock.instant().plus(REFRESH_AHEAD).isBefore(set.expiresAt());
    }

    private TokenSet stored(SchoolAccountId account) {
        Optional<TokenSet> set = tokens.get(account);
        if (set.isPresent()) {
            return set.get();
        }
        if (links.findByAccount(account).isEmpty()) {
            throw new NotFoundException(ErrorCode.NOT_LINKED, "the school account is not linked to a VK ID"
                    + " educational profile; link it first with links().start");
        }
        throw new RelinkRequiredException(OAuthErrors.hint(ErrorCode.RELINK_REQUIRED) + " (no tokens are stored"
                + " for the account)", null, null, null);
    }

    private Object lockOf(SchoolAccountId account) {
        return locks.computeIfAbsent(account, a -> new Object());
    }
}
