package org.sferum.sdk.core.links;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;

/**
 * Checks the ID token of a code exchange as {@code docs/wire/vk-id.md} says, in this order, each with its own
 * code: the algorithm (RS256 only: {@code none}, HMAC and everything else are
 * {@code ID_TOKEN_ALGORITHM_NOT_ALLOWED}), the signature against the configured keys
 * ({@code ID_TOKEN_SIGNATURE_INVALID}) or, without keys, VK ID's {@code /oauth2/public_info}
 * ({@code ID_TOKEN_INVALID}), the issuer, the audience (exactly this client, or several with {@code azp} equal to
 * it), the expiry with 60 seconds of skew, {@code iat} and {@code nbf} not later than now plus the skew
 * ({@code ID_TOKEN_INVALID}), the nonce, and the
 * subject against the exchange's {@code user_id} ({@code ID_TOKEN_INVALID}). Messages never quote the token.
 */
public final class IdTokenVerifier {
    /** How far the clocks of VK ID and this client may differ. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Pattern ALG_NAME = Pattern.compile("[A-Za-z0-9+\\-]{1,20}");

    private final SigningKeys keys;
    private final VkIdClient vkId;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    /**
     * Creates the verifier.
     *
     * @param keys the keys to check signatures against, or {@code null} to ask {@code /oauth2/public_info}
     * @param vkId asks {@code /oauth2/public_info}
     * @param issuer the {@code iss} the tokens must carry
     * @param audience the {@code aud} the tokens must carry: the application's client id
     * @param clock tells whether a token has expired
     */
    public IdTokenVerifier(SigningKeys keys, VkIdClient vkId, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.vkId = Objects.requireNonNull(vkId, "vkId");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the ID token of a grant.
     *
     * @param grant the exchange's answer, with its ID token and {@code user_id}
     * @param nonce the nonce the linking sent
     * @throws AuthenticationException with the code of the first check that failed
     */
    public void verify(TokenGrant grant, String nonce) {
        String rid = grant.requestId();
        SignedJWT jwt = parseRs256(grant.idToken(), rid);
        if (keys != null) {
            checkSignature(jwt, rid);
        } else if (vkId.publicInfoUser(grant.idToken()) != grant.userId()) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "VK ID's public_info names another user", rid);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "its claims are not a JSON object", rid);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw refuse(ErrorCode.ID_TOKEN_ISSUER_MISMATCH, "it was not issued by " + issuer, rid);
        }
        checkAudience(claims, rid);
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "it has no exp", rid);
        }
        Instant now = clock.instant();
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            throw refuse(ErrorCode.ID_TOKEN_EXPIRED, "it expired at " + exp.toInstant(), rid);
        }
        checkNotFromTheFuture(claims.getIssueTime(), "iat", now, rid);
        checkNotFromTheFuture(claims.getNotBeforeTime(), "nbf", now, rid);
        Object received = claims.getClaim("nonce");
        if (!(received instanceof String) || !Secrets.same(nonce, (String) received)) {
            throw refuse(ErrorCode.NONCE_MISMATCH, "its nonce is not the one this linking sent", rid);
        }
        if (!Long.toString(grant.userId()).equals(claims.getSubject())) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "its sub is not the exchange's user_id", rid);
        }
    }

    /**
     * OpenID Connect Core 1.0 §3.1.3.7 items 3–5 (issue 12 item 9): the client id must be an audience, and a
     * token for several audiences must name this client as its authorized party ({@code azp}).
     */
    private void checkAudience(JWTClaimsSet claims, String rid) {
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw refuse(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH, "it was issued for another application", rid);
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !audience.equals(azp)) {
            throw refuse(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH, "its authorized party (azp) is another application",
                    rid);
        }
        if (aud.size() > 1 && azp == null) {
            throw refuse(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH, "it names several audiences and no authorized party"
                    + " (azp) equal to this application", rid);
        }
    }

    /** An {@code iat} or {@code nbf} later than now plus {@link #CLOCK_SKEW} is refused (issue 12 item 9). */
    private static void checkNotFromTheFuture(Date claim, String name, Instant now, String rid) {
        if (claim != null && claim.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "its " + name + " is " + claim.toInstant() + ", later than now"
                    + " plus " + CLOCK_SKEW.getSeconds() + " s of clock skew; check this machine's clock", rid);
        }
    }

    private static SignedJWT parseRs256(String token, String rid) {
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            throw refuse(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED, "it is encrypted; only RS256 signatures are"
                    + " accepted", rid);
        }
        if (parts.length != 3) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "it is not a JWS in compact form", rid);
        }
        Algorithm alg;
        try {
            alg = Header.parse(new Base64URL(parts[0])).getAlgorithm();
        } catch (ParseException e) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "its header cannot be read", rid);
        }
        if (!JWSAlgorithm.RS256.equals(alg)) {
            String name = alg == null ? "?" : alg.getName();
            String kind = Algorithm.NONE.equals(alg) ? "unsigned"
                    : JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? "HMAC" : "another algorithm";
            throw refuse(ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED, kind + " (alg "
                    + (ALG_NAME.matcher(name).matches() ? name : "?") + "); only RS256 is accepted", rid);
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw refuse(ErrorCode.ID_TOKEN_INVALID, "it is not a valid JWS", rid);
        }
    }

    private void checkSignature(SignedJWT jwt, String rid) {
        for (RSAKey key : keys.candidates(jwt.getHeader().getKeyID())) {
            try {
                if (jwt.verify(new RSASSAVerifier(key))) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // this key cannot check it: try the next one
            }
        }
        throw refuse(ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "its signature does not verify against VK ID's keys",
                rid);
    }

    private static AuthenticationException refuse(ErrorCode code, String why, String rid) {
        return new AuthenticationException(code, "the ID token is refused: " + why + " (" + code.name() + ")", null,
                rid, null);
    }
}
