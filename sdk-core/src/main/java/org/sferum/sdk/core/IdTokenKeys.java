package org.sferum.sdk.core;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.sferum.sdk.core.links.SigningKeys;
import org.sferum.sdk.core.links.VkIdClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.internal.Checks;

/**
 * Where the keys that check VK ID's ID tokens come from (F-LINK-11). Only RS256 signatures by one of these keys are
 * accepted. Set with {@link SferumClient.Builder#idTokenKeys(IdTokenKeys)}; the default is {@link #none()}.
 *
 * <ul>
 *   <li>{@link #jwks(URI)}: a JWK set published at a URL (the emulator's {@code /.well-known/jwks.json}), fetched
 *       through the client's transport when first needed and kept by Nimbus's {@code JWKSourceBuilder}: for a time
 *       to live (5 minutes), refreshed in the background ahead of expiry, fetched again when a token names a key
 *       it does not hold (key rotation) but no more than twice in 30 seconds, and served on for 50 minutes while
 *       the URL cannot be reached (outage tolerance); {@link #jwks(URI, Duration, Duration, Duration)} sets
 *       these;</li>
 *   <li>{@link #of(String)}: a JWK set the embedder configures;</li>
 *   <li>{@link #none()}: no keys here; each ID token is checked by VK ID itself through
 *       {@code POST /oauth2/public_info}, as VK ID publishes no key set.</li>
 * </ul>
 */
public final class IdTokenKeys {
    private static final IdTokenKeys NONE = new IdTokenKeys(null, null, null, null, null);

    private final URI jwksUri;
    private final JWKSet keys;
    private final Duration timeToLive;
    private final Duration minRefetchInterval;
    private final Duration outageTolerance;

    private IdTokenKeys(URI jwksUri, JWKSet keys, Duration timeToLive, Duration minRefetchInterval,
                        Duration outageTolerance) {
        this.jwksUri = jwksUri;
        this.keys = keys;
        this.timeToLive = timeToLive;
        this.minRefetchInterval = minRefetchInterval;
        this.outageTolerance = outageTolerance;
    }

    /**
     * Keys fetched from a JWK set URL through the client's transport.
     *
     * @param uri the JWK set's absolute http(s) address
     * @return the key source
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an address that is not absolute http(s)
     * @throws org.sferum.sdk.error.SferumException with {@code MISSING_LIBRARY} when Nimbus JOSE + JWT
     *     ({@code com.nimbusds:nimbus-jose-jwt}, an optional dependency) is not on the class path
     */
    public static IdTokenKeys jwks(URI uri) {
        return jwks(uri, SigningKeys.DEFAULT_TIME_TO_LIVE, SigningKeys.DEFAULT_MIN_REFETCH_INTERVAL,
                SigningKeys.DEFAULT_OUTAGE_TOLERANCE);
    }

    /**
     * Keys fetched from a JWK set URL through the client's transport, with the cache's settings.
     *
     * @param uri the JWK set's absolute http(s) address
     * @param timeToLive how long a fetched set is kept before it is fetched again (it is refreshed in the
     *                   background in the last quarter of that, at most 30 seconds ahead); longer than
     *                   {@code minRefetchInterval}
     * @param minRefetchInterval the rate limit: after two fetches, none more until this much time has passed
     *                           since the first, however many tokens name unknown keys; positive
     * @param outageTolerance how long the last fetched set is still used while the URL cannot be reached;
     *                        zero to fail at once, else at least the time to live
     * @return the key source
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an address that is not absolute http(s) or
     *                             durations that do not fit together as said
     */
    public static IdTokenKeys jwks(URI uri, Duration timeToLive, Duration minRefetchInterval,
                                   Duration outageTolerance) {
        Checks.notNull(uri, "JWK set URL");
        org.sferum.sdk.core.wire.OptionalLibraries.NIMBUS.require();
        Checks.notNull(timeToLive, "time to live");
        Checks.notNull(minRefetchInterval, "minimum refetch interval");
        Checks.notNull(outageTolerance, "outage tolerance");
        Checks.require(!minRefetchInterval.isNegative() && !minRefetchInterval.isZero()
                        && minRefetchInterval.compareTo(timeToLive) < 0, ErrorCode.INVALID_ARGUMENT,
                "the minimum refetch interval must be positive and shorter than the time to live");
        Checks.require(outageTolerance.isZero() || outageTolerance.compareTo(timeToLive) >= 0,
                ErrorCode.INVALID_ARGUMENT, "the outage tolerance must be zero (none) or at least the time to live");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Checks.require(uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getRawFragment() == null, ErrorCode.INVALID_ARGUMENT,
                "the JWK set URL must be an absolute http(s) address, such as https://id.example/.well-known/jwks.json");
        return new IdTokenKeys(uri, null, timeToLive, minRefetchInterval, outageTolerance);
    }

    /**
     * Keys given as a JWK set document. Private key parts, if any, are dropped.
     *
     * @param jwkSetJson the JWK set, such as {@code {"keys":[{"kty":"RSA","kid":"…","n":"…","e":"AQAB"}]}}
     * @return the key source
     * @throws ValidationException with {@code INVALID_ARGUMENT} when the text is not a JWK set with an RSA key
     * @throws org.sferum.sdk.error.SferumException with {@code MISSING_LIBRARY} when Nimbus JOSE + JWT
     *     ({@code com.nimbusds:nimbus-jose-jwt}, an optional dependency) is not on the class path
     */
    public static IdTokenKeys of(String jwkSetJson) {
        Checks.notNull(jwkSetJson, "JWK set");
        org.sferum.sdk.core.wire.OptionalLibraries.NIMBUS.require();
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(jwkSetJson).toPublicJWKSet();
        } catch (ParseException e) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the JWK set cannot be read; pass a JSON"
                    + " document of the form {\"keys\":[…]}");
        }
        boolean rsa = false;
        for (JWK key : parsed.getKeys()) {
            rsa |= key instanceof RSAKey;
        }
        Checks.require(rsa, ErrorCode.INVALID_ARGUMENT, "the JWK set holds no RSA key; ID tokens are signed RS256");
        return new IdTokenKeys(null, parsed, null, null, null);
    }

    /**
     * No keys: every ID token is checked through VK ID's {@code POST /oauth2/public_info}. The default.
     *
     * @return the key source
     */
    public static IdTokenKeys none() {
        return NONE;
    }

    /** Makes the keys for a client, given its VK ID caller; {@code null} for {@link #none()}. */
    Function<VkIdClient, SigningKeys> signingKeys() {
        if (jwksUri != null) {
            return vkId -> SigningKeys.fetched(vkId, jwksUri, timeToLive, minRefetchInterval, outageTolerance);
        }
        return keys == null ? null : vkId -> SigningKeys.fixed(keys);
    }

    @Override
    public String toString() {
        return jwksUri != null ? "IdTokenKeys[jwks " + jwksUri + "]"
                : keys != null ? "IdTokenKeys[" + keys.getKeys().size() + " configured keys]"
                : "IdTokenKeys[none: VK ID's public_info]";
    }
}
