package org.sferum.sdk.core.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.sferum.sdk.account.Account;
import org.sferum.sdk.account.Feedback;
import org.sferum.sdk.account.FeedbackTicket;
import org.sferum.sdk.account.Support;
import org.sferum.sdk.account.SupportContacts;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.internal.Checks;

/**
 * {@link Account} and {@link Support} over the partner contract ({@code docs/wire/support.md}, F-ACC-03):
 * {@code support.getContacts} and {@code support.sendFeedback}.
 */
public final class WireAccount implements Account, Support {
    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireAccount(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public Support support() {
        return this;
    }

    @Override
    public SupportContacts contacts() {
        return api.call(token, VkRequest.idempotent("support.getContacts"), result -> {
            JsonNode r = result.response();
            String help = Json.text(r, "help_url", null);
            String email = Json.text(r, "email", null);
            String phone = Json.text(r, "phone", null);
            if (help == null || email == null || phone == null) {
                throw result.malformed("lacks help_url, email or phone");
            }
            try {
                return new SupportContacts(URI.create(help), email, phone);
            } catch (IllegalArgumentException e) {
                throw result.malformed("has a help_url that is not a URL");
            }
        });
    }

    /** Sent once: a repeated send after a lost answer would open a second ticket. */
    @Override
    public FeedbackTicket sendFeedback(Feedback feedback) {
        Checks.notNull(feedback, "feedback");
        return api.call(token, VkRequest.once("support.sendFeedback")
                .param("topic", feedback.topic().name().toLowerCase(Locale.ROOT))
                .param("text", feedback.text()), WireAccount::ticket);
    }

    private static FeedbackTicket ticket(VkResult result) {
        String id = Json.text(result.response(), "ticket_id", null);
        long date = Json.longOr(result.response(), "date", 0);
        if (id == null || date <= 0) {
            throw result.malformed("has no ticket_id or date");
        }
        return new FeedbackTicket(id, Instant.ofEpochSecond(date));
    }
}
