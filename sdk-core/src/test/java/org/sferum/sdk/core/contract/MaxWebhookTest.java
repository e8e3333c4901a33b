package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.MaxWebhook;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.users.AccessToken;

/**
 * sdk-core's MAX webhook against the emulator's MAX face (F-EMB-08): a plain JDK HTTP server hands each request to
 * {@link MaxWebhook#handle}; the bot subscribes it, a person's message on the VK face arrives as a
 * {@code MessageSent}; a missing or wrong secret is refused and nothing is delivered.
 */
class MaxWebhookTest {
    private static final String SECRET = "journal-webhook-2026";

    @Test
    @DisplayName("F-EMB-08 a webhook subscribed through sdk-core receives a person's message; wrong or missing secret: 401, nothing delivered")
    void webhookEndToEnd() throws Exception {
        try (CoreOnEmulator people = CoreOnEmulator.openWithMax()) {
            SeededBot bot = people.emulator().demoBot().orElseThrow();
            SferumSession teacher = people.as(people.school().teacher());
            ChatId chat = teacher.chats().create(NewChat.of("5в Математика",
                    Set.of(people.school().students().get(0).id(), bot.id())));
            teacher.chats().setAdmin(chat, bot.id(), true);
            BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            try (SferumClient max = SferumClient.builder()
                    .endpoints(Endpoints.max(people.emulator().maxUri().orElseThrow(), bot.token()))
                    .discoverPlugins(false).build()) {
                MaxWebhook webhook = max.maxWebhook(bot.token(), SECRET, events::add);
                server.createContext("/max", exchange -> {
                    int status = webhook.handle(exchange.getRequestHeaders().getFirst(MaxWebhook.SECRET_HEADER),
                            exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/max");
                webhook.subscribe(url, Set.of());
                Message said = people.as(people.school().students().get(0)).messages()
                        .send(chat, Draft.text("Я сделал домашнее задание"));
                SferumEvent event = events.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "no event through the webhook within 10 s");
                SferumEvent.MessageSent sent = assertInstanceOf(SferumEvent.MessageSent.class, event);
                assertEquals(said.id(), sent.message().id());
                assertEquals(chat, sent.chat());

                byte[] body = ("{\"update_type\":\"message_removed\",\"timestamp\":1,\"message_id\":\"mid.0000000000000001\","
                        + "\"chat_id\":-1,\"user_id\":0}").getBytes(StandardCharsets.UTF_8);
                assertEquals(401, webhook.handle("wrong-secret", body));
                assertEquals(401, webhook.handle(null, body));
                assertEquals(400, webhook.handle(SECRET, "not json".getBytes(StandardCharsets.UTF_8)));
                assertNull(events.poll(200, TimeUnit.MILLISECONDS), "nothing delivered for refused requests");
                assertEquals(200, webhook.handle(SECRET, body));
                assertEquals(List.of(new SferumEvent.MessageDeleted(ChatId.group(1),
                        org.sferum.sdk.messages.MessageId.of(1))), List.of(events.poll(1, TimeUnit.SECONDS)));
                webhook.unsubscribe(url);
                assertThrows(ValidationException.class, () -> max.maxWebhook(bot.token(), "bad!", e -> { }));
            } finally {
                server.stop(0);
            }
            assertThrows(IllegalStateException.class, () -> ((SferumClient) people.sferum())
                    .maxWebhook(AccessToken.of("x"), SECRET, e -> { }));
        }
    }
}
