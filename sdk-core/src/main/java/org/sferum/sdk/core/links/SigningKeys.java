package org.sferum.sdk.core.links;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * The RSA keys ID tokens are checked against: a JWK set the embedder configured, or one fetched from a URL through
 * the client's transport and kept by Nimbus's {@link JWKSourceBuilder}: a cache with a time to live, refreshed ahead
 * of its expiry in the background, fetched again when a token names a key it does not hold (rate-limited: at most
 * two fetches per interval, so that tokens with made-up key ids cannot make the client hammer VK ID), and, when
 * VK ID cannot be reached, the last set served on for a while (outage tolerance).
 */
public abstract class SigningKeys implements Closeable {
    /** How long a fetched set is kept by default (Nimbus's default, 5 minutes). */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMillis(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);
    /** The least time between two fetches by default, beyond the first two (Nimbus's default, 30 seconds). */
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL =
            Duration.ofMillis(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL);
    /** How long the last set is served while VK ID cannot be reached, by default (ten times the time to live). */
    public static final Duration DEFAULT_OUTAGE_TOLERANCE = DEFAULT_TIME_TO_LIVE.multipliedBy(10);

    private SigningKeys() {
    }

    /**
     * Keys fixed at configuration.
     *
     * @param keys the JWK set
     * @return the keys
     */
    public static SigningKeys fixed(JWKSet keys) {
        Objects.requireNonNull(keys, "keys");
        return new SigningKeys() {
            @Override
            List<RSAKey> candidates(String kid) {
                return match(keys, kid);
            }
        };
    }

    /**
     * Keys fetched from a URL, with the default cache settings.
     *
     * @param vkId fetches the document
     * @param uri the JWK set's address
     * @return the keys
     */
    public static SigningKeys fetched(VkIdClient vkId, URI uri) {
        return fetched(vkId, uri, DEFAULT_TIME_TO_LIVE, DEFAULT_MIN_REFETCH_INTERVAL, DEFAULT_OUTAGE_TOLERANCE);
    }

    /**
     * Keys fetched from a URL when first needed, kept for a time, fetched again ahead of expiry and when a token
     * names an unknown key (no more than twice per {@code minRefetchInterval}), and served on for
     * {@code outageTolerance} when VK ID cannot be reached. The caller has checked the durations.
     *
     * @param vkId fetches the document
     * @param uri the JWK set's address
     * @param timeToLive how long a fetched set is kept, longer than {@code minRefetchInterval}
     * @param minRefetchInterval the rate limit's interval, positive
     * @param outageTolerance how long the last set is served while fetching fails; zero for not at all
     * @return the keys
     */
    public static SigningKeys fetched(VkIdClient vkId, URI uri, Duration timeToLive, Duration minRefetchInterval,
                                      Duration outageTolerance) {
        return new Fetched(Objects.requireNonNull(vkId, "vkId"), Objects.requireNonNull(uri, "uri"), timeToLive,
                minRefetchInterval, outageTolerance);
    }

    /**
     * Returns the keys that may have signed a token: those of its {@code kid} (all when it has none) that are
     * RSA signing keys for RS256.
     *
     * @param kid the token's {@code kid}, or {@code null}
     * @return the keys, possibly none
     */
    abstract List<RSAKey> candidates(String kid);

    /** Stops the background refresh, if any. Idempotent. */
    @Override
    public void close() {
    }

    static List<RSAKey> match(JWKSet keys, String kid) {
        return publicKeys(matcher(kid).build(), keys.getKeys());
    }

    private static JWKMatcher.Builder matcher(String kid) {
        JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyType(KeyType.RSA)
                .keyUses(KeyUse.SIGNATURE, null).algorithms(JWSAlgorithm.RS256, null);
        return kid == null ? matcher : matcher.keyID(kid);
    }

    private static List<RSAKey> publicKeys(JWKMatcher matcher, List<JWK> keys) {
        List<RSAKey> out = new ArrayList<>(1);
        for (JWK key : keys) {
            if (key instanceof RSAKey && matcher.matches(key)) {
                out.add(((RSAKey) key).toPublicJWK());
            }
        }
        return out;
    }

    private static final class Fetched extends SigningKeys {
        private final URI uri;
        private final ExecutorService refresher;
        private final JWKSource<SecurityContext> source;

        Fetched(VkIdClient vkId, URI uri, Duration timeToLive, Duration minRefetchInterval, Duration outageTolerance) {
            this.uri = uri;
            long ttl = timeToLive.toMillis();
            // A refresh waits at most a quarter of the time to live, and starts a quarter before expiry (Nimbus's
            // 15 s and 30 s when the time to live is long): the two together must fit in it.
            long refreshTimeout = Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, ttl / 4);
            long refreshAhead = Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, ttl / 4);
            this.refresher = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "sferum-jwks-refresh");
                thread.setDaemon(true);
                return thread;
            });
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(new Transport(vkId, uri))
                    .cache(ttl, refreshTimeout)
                    .refreshAheadCache(refreshAhead, null, refresher, true, null, false)
                    .rateLimited(minRefetchInterval.toMillis())
                    .retrying(false);
            this.source = (outageTolerance.isZero() ? builder.outageTolerant(false)
                    : builder.outageTolerant(outageTolerance.toMillis())).build();
        }

        @Override
        List<RSAKey> candidates(String kid) {
            JWKMatcher matcher = matcher(kid).build();
            try {
                return publicKeys(matcher, source.get(new JWKSelector(matcher), null));
            } catch (RateLimitReachedException e) {
                // The set was fetched twice within the interval already: the token names a key VK ID did not
                // publish then; it is refused as not signed by a known key rather than fetching again.
                return List.of();
            } catch (KeySourceException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof SferumException) {
                        throw (SferumException) cause;
                    }
                }
                throw OAuthHttp.failure(ErrorCode.SERVICE_UNAVAILABLE, "jwks", "the JWK set is not available",
                        null, null);
            }
        }

        @Override
        public void close() {
            try {
                if (source instanceof Closeable) {
                    ((Closeable) source).close(); // Nimbus's cache shuts the refresher down
                }
            } catch (IOException e) {
                // nothing else to release: the refresher is shut down below either way
            } finally {
                refresher.shutdownNow();
            }
        }

        @Override
        public String toString() {
            return "SigningKeys[" + uri + "]";
        }
    }

    /** Fetches the set through the client's transport; a failure is Nimbus's, carrying the typed exception. */
    private static final class Transport implements JWKSetSource<SecurityContext> {
        private final VkIdClient vkId;
        private final URI uri;

        Transport(VkIdClient vkId, URI uri) {
            this.vkId = vkId;
            this.uri = uri;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
                                SecurityContext context) throws KeySourceException {
            OAuthHttp.Reply reply;
            try {
                reply = vkId.jwks(uri);
            } catch (SferumException e) {
                throw new JWKSetRetrievalException("the JWK set could not be fetched (" + e.code() + ")", e);
            }
            try {
                return JWKSet.parse(reply.body().toString());
            } catch (ParseException e) {
                throw new JWKSetParseException("the answer is not a JWK set", OAuthHttp.failure(
                        ErrorCode.MALFORMED_RESPONSE, "jwks", "the answer is not a JWK set", reply.requestId(), null));
            }
        }

        @Override
        public void close() {
        }
    }
}
