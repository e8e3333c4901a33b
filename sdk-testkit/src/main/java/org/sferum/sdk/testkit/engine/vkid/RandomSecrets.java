package org.sferum.sdk.testkit.engine.vkid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (codes, tokens, ids), digests and constant-time comparison. */
final class RandomSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomSecrets() {
    }

    /**
     * Returns random bytes, base64url without padding.
     *
     * @param bytes how many random bytes
     * @return the text
     */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    /**
     * Returns random decimal digits.
     *
     * @param count how many
     * @return the digits
     */
    static String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return out.toString();
    }

    /**
     * Returns base64url(SHA-256(text)) without padding, the text read as UTF-8.
     *
     * @param text the text
     * @return the digest
     */
    static String sha256(String text) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Compares two secrets in constant time.
     *
     * @param a one, possibly {@code null}
     * @param b the other, possibly {@code null}
     * @return whether both are present and equal
     */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
