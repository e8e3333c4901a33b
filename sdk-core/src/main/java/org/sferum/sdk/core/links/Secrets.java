package org.sferum.sdk.core.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of a linking (state, PKCE verifier, nonce) and the PKCE S256 challenge (RFC 7636). Values are
 * 32 random bytes from a {@link SecureRandom}, base64url without padding: 43 characters. Thread-safe.
 */
public final class Secrets {
    private static final int BYTES = 32;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    /**
     * Creates the generator.
     *
     * @param random the source of randomness
     */
    public Secrets(SecureRandom random) {
        this.random = random;
    }

    /**
     * Returns a new random value: 32 bytes, base64url, 43 characters.
     *
     * @return the value
     */
    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    /**
     * Computes the S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))), no padding.
     *
     * @param verifier the code verifier
     * @return the challenge
     */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Compares two secrets in time that does not depend on where they differ.
     *
     * @param expected the value kept here
     * @param received the value that came back, may be {@code null}
     * @return whether they are equal
     */
    public static boolean same(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }
}
