package org.sferum.sdk.testkit.engine.vkid;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS codes sent to phones: {@value #DIGITS} digits, valid {@link #LIFETIME}, one use; a new code replaces the
 * phone's previous one. Guarded by the VK ID lock.
 */
final class SmsCodes {
    /** The digits of a code. */
    static final int DIGITS = 6;
    /** How long a code is valid. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** The outcome of checking an entered code. */
    enum Check {
        /** The code is right: it is used up. */
        RIGHT,
        /** The code is wrong. */
        WRONG,
        /** No code is valid: it expired, was used, or none was sent. */
        EXPIRED
    }

    /** At most this many phones have a code at once; the oldest code is dropped first (a flood of logins). */
    static final int MAX_PHONES = 10_000;

    /** In the order the codes were sent: expired ones are at the head. */
    private final Map<String, Sent> lastByPhone = new LinkedHashMap<>();

    /**
     * Sends a new code.
     *
     * @param phone the normalised phone
     * @param now the time
     */
    void send(String phone, Instant now) {
        lastByPhone.remove(phone);
        Iterator<Sent> oldest = lastByPhone.values().iterator();
        while (oldest.hasNext()) {
            Sent sent = oldest.next();
            if (now.isBefore(sent.expiresAt) && lastByPhone.size() < MAX_PHONES) {
                break;
            }
            oldest.remove();
        }
        lastByPhone.put(phone, new Sent(RandomSecrets.digits(DIGITS), now, now.plus(LIFETIME)));
    }

    /**
     * Checks an entered code; a right one is used up.
     *
     * @param phone the normalised phone
     * @param entered the code as entered
     * @param now the time
     * @return the outcome
     */
    Check check(String phone, String entered, Instant now) {
        Sent sent = lastByPhone.get(phone);
        if (sent == null || sent.used || !now.isBefore(sent.expiresAt)) {
            return Check.EXPIRED;
        }
        if (!RandomSecrets.same(sent.code, entered == null ? null : entered.strip())) {
            return Check.WRONG;
        }
        sent.used = true;
        return Check.RIGHT;
    }

    /**
     * Returns the last code sent to a phone, even used or expired, with when it was sent.
     *
     * @param phone the normalised phone
     * @return the code and its time, if one was sent
     */
    Optional<VkIdService.SentSmsCode> last(String phone) {
        return Optional.ofNullable(lastByPhone.get(phone))
                .map(sent -> new VkIdService.SentSmsCode(sent.code, sent.sentAt));
    }

    private static final class Sent {
        final String code;
        final Instant sentAt;
        final Instant expiresAt;
        boolean used;

        Sent(String code, Instant sentAt, Instant expiresAt) {
            this.code = code;
            this.sentAt = sentAt;
            this.expiresAt = expiresAt;
        }
    }
}
