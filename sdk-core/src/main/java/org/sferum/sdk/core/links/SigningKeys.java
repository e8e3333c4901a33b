package org.sferum.sdk.core.links;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;

/**
 * The RSA keys ID tokens are checked against: a JWK set the embedder configured, or one fetched from a URL
 * through the client's transport, kept, and fetched again once when a token names a key it does not hold.
 */
public abstract class SigningKeys {

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
     * Keys fetched from a URL when first needed, and again once when a token names an unknown key.
     *
     * @param vkId fetches the document
     * @param uri the JWK set's address
     * @return the keys
     */
    public static SigningKeys fetched(VkIdClient vkId, URI uri) {
        return new Fetched(Objects.requireNonNull(vkId, "vkId"), Objects.requireNonNull(uri, "uri"));
    }

    /**
     * Returns the keys that may have signed a token: those of its {@code kid} (all when it has none) that are
     * RSA signing keys for RS256.
     *
     * @param kid the token's {@code kid}, or {@code null}
     * @return the keys, possibly none
     */
    abstract List<RSAKey> candidates(String kid);

    static List<RSAKey> match(JWKSet keys, String kid) {
        List<RSAKey> out = new ArrayList<>(1);
        for (JWK key : keys.getKeys()) {
            if (key instanceof RSAKey && (kid == null || kid.equals(key.getKeyID()))
                    && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                    && (key.getAlgorithm() == null || JWSAlgorithm.RS256.equals(key.getAlgorithm()))) {
                out.add(((RSAKey) key).toPublicJWK());
            }
        }
        return out;
    }

    private static final class Fetched extends SigningKeys {
        private final VkIdClient vkId;
        private final URI uri;
        private volatile JWKSet cached;

        Fetched(VkIdClient vkId, URI uri) {
            this.vkId = vkId;
            this.uri = uri;
        }

        @Override
        List<RSAKey> candidates(String kid) {
            JWKSet known = cached;
            if (known != null) {
                List<RSAKey> found = match(known, kid);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return match(refetch(known), kid);
        }

        /** Fetches unless another thread already replaced the set this one found wanting. */
        private synchronized JWKSet refetch(JWKSet seen) {
            if (cached != seen) {
                return cached;
            }
            OAuthHttp.Reply reply = vkId.jwks(uri);
            try {
                cached = JWKSet.parse(reply.body().toString());
            } catch (ParseException e) {
                throw OAuthHttp.failure(ErrorCode.MALFORMED_RESPONSE, "jwks", "the answer is not a JWK set",
                        reply.requestId(), null);
            }
            return cached;
        }

        @Override
        public String toString() {
            return "SigningKeys[" + uri + "]";
        }
    }
}
