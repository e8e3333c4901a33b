package org.sferum.sdk.core.links;

import org.sferum.sdk.core.wire.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Gives linked accounts' access tokens, refreshing one when it expires within {@link #REFRESH_AHEAD} on the
 * client's clock, or when the VK API refused it. Refreshes are single-flight per account on this client: threads
 * that need the same account's token at once wait for one refresh and all use its result. Across nodes that share
 * a {@link TokenStore}, refreshes are coordinated through the store (issue 12 item 4): a node first claims the
 * refresh with {@link TokenStore#replace compare-and-set} ({@link RefreshClaim}), and only the claimer presents the
 * refresh token; the others wait for its tokens. VK ID revokes every token of a link when a rotated refresh token
 * is presented again, so two nodes must never both present it. A claim whose node died is taken over after
 * {@link #CLAIM_LEASE}. The rotated tokens are stored in the {@link TokenStore}; a refused refresh token is
 * {@code RELINK_REQUIRED}, and the stored tokens are left for unlinking to clean. Thread-safe.
 */
public final class TokenRefresher {
    /** How long before its expiry an access token is refreshed. */
    public static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    /** How long a node's claim to refresh an account lasts before other nodes may take it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private static final Log LOG = Log.get(TokenRefresher.class);

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

    /**
     * Refreshes under a claim in the store: takes the claim with compare-and-set, presents the refresh token, and
     * replaces the claim with the new tokens. A node that finds another's claim waits for its tokens (or takes a
     * claim whose lease ended over); one that finds new tokens already stored uses them.
     */
    private TokenSet refreshNow(SchoolAccountId account, TokenSet seen) {
        long localDeadline = System.nanoTime() + CLAIM_LEASE.toNanos();
        TokenSet current = seen;
        while (true) {
            Optional<RefreshClaim> held = RefreshClaim.of(current);
            if (held.isEmpty() && !current.accessToken().equals(seen.accessToken())) {
                LOG.debug("tokens already refreshed by another node; using the stored tokens");
                return current;
            }
            boolean takeOver = held.isPresent() && (!clock.instant().isBefore(held.get().leaseEnd())
                    || System.nanoTime() - localDeadline >= 0);
            if (held.isEmpty() || takeOver) {
                TokenSet original = held.isPresent() ? held.get().unmark(current) : current;
                RefreshClaim claim = new RefreshClaim(clock.instant().plus(CLAIM_LEASE), UUID.randomUUID().toString(),
                        original.refreshToken());
                TokenSet marked = claim.mark(original);
                if (tokens.replace(account, current, marked)) {
                    return refreshClaimed(account, original, marked);
                }
            } else {
                pause();
            }
            current = stored(account);
        }
    }

    private TokenSet refreshClaimed(SchoolAccountId account, TokenSet original, TokenSet marked) {
        TokenGrant grant;
        try {
            grant = vkId.refresh(original.refreshToken(), original.deviceId());
        } catch (RuntimeException e) {
            release(account, marked, original);
            throw e;
        }
        TokenSet next = new TokenSet(grant.accessToken(),
                grant.refreshToken() != null ? grant.refreshToken() : original.refreshToken(), original.deviceId(),
                grant.expiresAt());
        if (tokens.replace(account, marked, next)) {
            LOG.debug("tokens refreshed and stored [request {}]", grant.requestId());
        } else {
            LOG.debug("tokens refreshed but the claim was gone (unlinked, or taken over after its lease); they are "
                    + "used for this call only [request {}]", grant.requestId());
        }
        return next;
    }

    /** Gives the claim back after a failed refresh, so that the next call tries again (best effort). */
    private void release(SchoolAccountId account, TokenSet marked, TokenSet original) {
        try {
            tokens.replace(account, marked, original);
        } catch (RuntimeException e) {
            LOG.debug("could not give back the refresh claim ({}); it ends with its lease", e.getClass().getName());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted while another node refreshed"
                    + " the account's tokens; try again");
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
