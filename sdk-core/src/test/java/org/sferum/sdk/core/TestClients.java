package org.sferum.sdk.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Builders of clients over a scripted transport, with sleeping turned off. */
public final class TestClients {
    /** The emulator address the scripted clients pretend to call. */
    public static final URI BASE = URI.create("http://emulator.test:8080");
    /** A token shaped like a real VK token. */
    public static final String TOKEN = "vk1.a.SECRETtokenVALUE_abcdefghijklmnopqrstuvwxyz0123456789";

    private TestClients() {
    }

    /**
     * A builder with the scripted transport, exact backoffs recorded in {@code sleeps}, no plugin discovery.
     *
     * @param transport the transport
     * @param sleeps where the waits are recorded
     * @return the builder
     */
    public static SferumClient.Builder builder(ScriptedTransport transport, List<Duration> sleeps) {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(BASE))
                .transport(transport)
                .retryPolicy(RetryPolicy.defaults().withJitter(0))
                .sleeper(sleeps::add)
                .discoverPlugins(false);
    }

    /**
     * A message object as the wire carries it.
     *
     * @param id the message id
     * @param peer the peer id
     * @param cmid the conversation message id
     * @param from the author
     * @param text the text
     * @return the JSON
     */
    public static String message(long id, long peer, long cmid, long from, String text) {
        return "{\"id\":" + id + ",\"date\":" + (1764000000 + id) + ",\"peer_id\":" + peer + ",\"from_id\":" + from
                + ",\"out\":1,\"text\":\"" + text + "\",\"conversation_message_id\":" + cmid
                + ",\"attachments\":[],\"fwd_messages\":[],\"important\":false,\"is_hidden\":0}";
    }
}
