package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.sferum.sdk.account.Feedback;
import org.sferum.sdk.account.FeedbackTicket;
import org.sferum.sdk.account.FeedbackTopic;
import org.sferum.sdk.account.SupportContacts;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The partner contract's {@code support.*} methods ({@code docs/wire/support.md}, F-ACC-03): thin adapters over the
 * engine's {@code SupportService}.
 */
final class SupportMethods {
    private final PlatformEngine engine;

    SupportMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, VkMethod> into) {
        into.put("support.getContacts", this::getContacts);
        into.put("support.sendFeedback", this::sendFeedback);
    }

    /** {@code support.getContacts}: {@code {"help_url", "email", "phone"}}. */
    private JsonNode getContacts(UserId caller, VkParams params) {
        SupportContacts contacts = engine.support().contacts(caller);
        ObjectNode json = JsonNodes.object();
        json.put("help_url", contacts.helpCenter().toString());
        json.put("email", contacts.email());
        json.put("phone", contacts.phone());
        return json;
    }

    /** {@code support.sendFeedback}: {@code topic} (problem, idea, question), {@code text}; {@code {"ticket_id", "date"}}. */
    private JsonNode sendFeedback(UserId caller, VkParams params) {
        FeedbackTopic topic;
        try {
            topic = FeedbackTopic.valueOf(params.requiredString("topic").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw VkParams.invalid("topic", "must be problem, idea or question");
        }
        FeedbackTicket ticket = engine.support().submit(caller, new Feedback(topic, params.requiredString("text")));
        ObjectNode json = JsonNodes.object();
        json.put("ticket_id", ticket.id());
        json.put("date", ticket.received().getEpochSecond());
        return json;
    }
}
