package org.sferum.sdk.core;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.text.ParseException;
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
 *       through the client's transport when first needed, kept, and fetched again once when a token names a key
 *       it does not hold (key rotation);</li>
 *   <li>{@link #of(String)}: a JWK set the embedder configures;</li>
 *   <li>{@link #none()}: no keys here; each ID token is checked by VK ID itself through
 *       {@code POST /oauth2/public_info}, as VK ID publishes no key set.</li>
 * </ul>
 */
public final class IdTokenKeys {
    private static final IdTokenKeys NONE = new IdTokenKeys(null, null);

    private final URI jwksUri;
    private final JWKSet keys;

    private IdTokenKeys(URI jwksUri, JWKSet keys) {
        this.jwksUri = jwksUri;
        this.keys = keys;
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
        Checks.notNull(uri, "JWK set URL");
        org.sferum.sdk.core.wire.OptionalLibraries.NIMBUS.require();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Checks.require(uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getRawFragment() == null, ErrorCode.INVALID_ARGUMENT,
                "the JWK set URL must be an absolute http(s) address, such as https://id.example/.well-known/jwks.json");
        return new IdTokenKeys(uri, null);
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
        return new IdTokenKeys(null, parsed);
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
            return vkId -> SigningKeys.fetched(vkId, jwksUri);
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
