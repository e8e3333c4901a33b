package org.sferum.sdk.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.IdTokenClaims;

/**
 * The emulator's ID tokens ({@code docs/wire/vk-id.md}, "ID token"): an RSA key pair of the emulator's own, with a
 * {@code kid}; tokens signed RS256 with {@code iss} the emulator's base URI; the public key as a JWK set for
 * {@code GET /.well-known/jwks.json}; and the check {@code /oauth2/public_info} makes. The key pair is made when
 * first needed, so that emulators that never link start as fast as before. Thread-safe.
 */
final class IdTokens {
    private static final int KEY_SIZE = 2048;

    private final String issuer;
    private final Clock clock;
    private volatile Keys keys;

    /**
     * Creates the token service; the key pair comes later.
     *
     * @param issuer the {@code iss} of every token: the emulator's base URI
     * @param clock the clock {@link #verify} checks expiry against
     */
    IdTokens(URI issuer, Clock clock) {
        this.issuer = issuer.toString();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The key pair with its signer and verifier. */
    private record Keys(RSAKey key, RSASSASigner signer, RSASSAVerifier verifier) {
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            synchronized (this) {
                current = keys;
                if (current == null) {
                    current = generate();
                    keys = current;
                }
            }
        }
        return current;
    }

    private static Keys generate() {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyID("sferum-emulator-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new Keys(key, new RSASSASigner(key), new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the JDK cannot make an RSA key pair", e);
        }
    }

    /**
     * Signs claims into a compact JWS.
     *
     * @param claims the claims the engine issued
     * @return the ID token
     */
    String sign(IdTokenClaims claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(claims.audience())
                .subject(claims.subject())
                .issueTime(new Date(claims.issuedAt() * 1000))
                .expirationTime(new Date(claims.expiresAt() * 1000));
        claims.nonce().ifPresent(nonce -> set.claim("nonce", nonce));
        Keys current = keys();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(current.key().getKeyID())
                .type(JOSEObjectType.JWT).build(), set.build());
        try {
            jwt.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an ID token failed", e);
        }
        return jwt.serialize();
    }

    /**
     * Returns the public key set, as {@code GET /.well-known/jwks.json} serves it.
     *
     * @return the JWK set as a JSON object
     */
    Map<String, Object> jwks() {
        return new JWKSet(keys().key().toPublicJWK()).toJSONObject(true);
    }

    /**
     * Checks a token the way {@code /oauth2/public_info} does: signed by this emulator with RS256, issued by it, for
     * the client, not expired.
     *
     * @param idToken the compact token
     * @param clientId the client asking
     * @return the subject (the user id), when the token is good
     */
    Optional<String> verify(String idToken, String clientId) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(keys().verifier())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            boolean good = issuer.equals(claims.getIssuer())
                    && claims.getAudience().contains(clientId)
                    && expiry != null && expiry.toInstant().isAfter(clock.instant())
                    && claims.getSubject() != null;
            return good ? Optional.of(claims.getSubject()) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
