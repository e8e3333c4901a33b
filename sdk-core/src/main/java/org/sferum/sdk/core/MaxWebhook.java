package org.sferum.sdk.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sferum.sdk.core.max.MaxSession;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.spi.SferumEventListener;

/**
 * A MAX bot's webhook (F-EMB-08): the receiver any Java server calls with each request MAX sends, and the
 * subscription that tells MAX where to send ({@code POST} / {@code DELETE /subscriptions}). Made by
 * {@link SferumClient#maxWebhook}. {@link #handle} checks the {@code X-Max-Bot-Api-Secret} header against the
 * secret in constant time and refuses a missing or wrong one (nothing is delivered), decodes the update as the long
 * poll does ({@code message_created}, {@code message_removed}, {@code user_added}/{@code bot_added},
 * {@code user_removed}/{@code bot_removed}) and hands the event to the listener; answer MAX with the status it
 * returns (MAX retries anything but 200). MAX sends at most one request at a time per bot; this class is
 * thread-safe either way. A bot cannot poll and have a webhook at once.
 */
public final class MaxWebhook {
    /** The header in which MAX sends the secret. */
    public static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{5,256}");

    private final MaxSession bot;
    private final byte[] secret;
    private final String secretText;
    private final SferumEventListener listener;

    MaxWebhook(MaxSession bot, String secret, SferumEventListener listener) {
        this.bot = Objects.requireNonNull(bot, "bot");
        Checks.require(secret != null && SECRET.matcher(secret).matches(), ErrorCode.INVALID_ARGUMENT,
                "a webhook secret is 5 to 256 characters of A-Z, a-z, 0-9, _ and - (the MAX Bot API's rule)");
        this.secretText = secret;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.listener = Checks.notNull(listener, "listener");
    }

    /**
     * Tells MAX to send the bot's updates to a URL ({@code POST /subscriptions} with the secret). MAX wants an
     * {@code https} URL on port 443; the emulator also takes plain-http loopback URLs.
     *
     * @param url where MAX sends the updates
     * @param updateTypes the update types wanted; empty for all
     * @throws SferumException as the Bot API answers
     */
    public void subscribe(URI url, Set<String> updateTypes) {
        bot.subscribe(Checks.notNull(url, "url"), secretText, Checks.notNull(updateTypes, "update types"));
    }

    /**
     * Stops the subscription of a URL ({@code DELETE /subscriptions?url=}).
     *
     * @param url the URL given to {@link #subscribe}
     * @throws SferumException as the Bot API answers
     */
    public void unsubscribe(URI url) {
        bot.unsubscribe(Checks.notNull(url, "url"));
    }

    /**
     * Handles one request MAX sent to the webhook.
     *
     * @param secretHeader the value of the {@value #SECRET_HEADER} header, or {@code null} when absent
     * @param body the request's body
     * @return the HTTP status to answer: 200 when the update was handled (an update without an SDK event is
     *     handled too), 401 for a missing or wrong secret (nothing delivered), 400 for a body that is not an update
     */
    public int handle(String secretHeader, byte[] body) {
        byte[] given = secretHeader == null ? new byte[0] : secretHeader.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(secret, given)) {
            return 401;
        }
        Optional<SferumEvent> event;
        try {
            event = bot.decodeUpdate(body == null ? new byte[0] : body);
        } catch (SferumException e) {
            return 400;
        }
        event.ifPresent(listener::onEvent);
        return 200;
    }

    @Override
    public String toString() {
        return "MaxWebhook[secret redacted]";
    }
}
