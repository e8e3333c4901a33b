package org.sferum.sdk.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;

/**
 * Encrypts single column values with AES-256-GCM. A sealed value is the Base64 text of
 * {@code key id (1 byte) | IV (12 random bytes) | ciphertext and 128-bit tag}; the key id byte and the caller's
 * context (table, column, row key) are the additional authenticated data, so a value decrypts only in the row and
 * column it was written for. Thread-safe.
 */
final class Sealer {
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final int currentKeyId;
    private final Map<Integer, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    Sealer(int currentKeyId, Map<Integer, byte[]> keys) {
        this.currentKeyId = currentKeyId;
        Map<Integer, SecretKeySpec> specs = new TreeMap<>();
        keys.forEach((id, key) -> specs.put(id, new SecretKeySpec(key, "AES")));
        this.keys = Map.copyOf(specs);
        if (!this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key for the current key id");
        }
    }

    int currentKeyId() {
        return currentKeyId;
    }

    Iterable<Integer> keyIds() {
        return new TreeMap<>(keys).keySet();
    }

    /**
     * Encrypts a value with the current key.
     *
     * @param plain the value
     * @param context where it is stored: parts of the additional authenticated data
     * @return the sealed text
     */
    String seal(String plain, String... context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length);
            out.put((byte) currentKeyId).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.UNKNOWN,
                    "this JVM cannot encrypt with AES/GCM/NoPadding (" + e.getClass().getSimpleName() + ")",
                    null, null, null);
        }
    }

    /**
     * Decrypts a sealed value.
     *
     * @param sealed the sealed text
     * @param what what the value is, for messages (never the value)
     * @param context the same context it was sealed with
     * @return the value
     * @throws EncryptionKeyMismatchException when the key is not configured or does not match
     */
    String open(String sealed, String what, String... context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw malformed(what);
        }
        if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8) {
            throw malformed(what);
        }
        int keyId = Byte.toUnsignedInt(bytes[0]);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new EncryptionKeyMismatchException("the stored " + what + " is encrypted with key id " + keyId
                    + ", which is not configured: give that key with decryptionKey(" + keyId + ", key)");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
            cipher.updateAAD(aad(keyId, context));
            byte[] plain = cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new EncryptionKeyMismatchException("the stored " + what + " cannot be decrypted: the encryption "
                    + "key configured for key id " + keyId + " does not match the key it was written with (or the "
                    + "value was altered or copied from another row)");
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.UNKNOWN,
                    "this JVM cannot decrypt with AES/GCM/NoPadding (" + e.getClass().getSimpleName() + ")",
                    null, null, null);
        }
    }

    private static ServiceException malformed(String what) {
        return new ServiceException(ErrorCode.MALFORMED_RESPONSE, "the stored " + what
                + " is not in the encrypted format of the JDBC store; was the row written by something else?");
    }

    /** The key id and each context part, length-prefixed, so that no two contexts give the same bytes. */
    private static byte[] aad(int keyId, String... context) {
        byte[][] parts = new byte[context.length][];
        int size = 1;
        for (int i = 0; i < context.length; i++) {
            parts[i] = context[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + parts[i].length;
        }
        ByteBuffer aad = ByteBuffer.allocate(size);
        aad.put((byte) keyId);
        for (byte[] part : parts) {
            aad.putInt(part.length).put(part);
        }
        return aad.array();
    }
}
