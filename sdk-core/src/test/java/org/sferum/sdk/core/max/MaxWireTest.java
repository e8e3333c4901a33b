package org.sferum.sdk.core.max;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.ScriptedTransport;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.AccessToken;

/**
 * sdk-core's MAX backend on the wire, with scripted answers (F-EMB-08): the bare bot token in the
 * {@code Authorization} header and nowhere else, the request shapes of the schema, errors as status + code mapped to
 * the SDK's codes, 429 and 503 retried with the client's backoff, a lost write reported as outcome unknown.
 */
class MaxWireTest {
    private static final String TOKEN = "max1.secret-bot-token";
    private static final String MESSAGE = "{\"sender\":{\"user_id\":100008,\"first_name\":\"Бот\",\"is_bot\":true},"
            + "\"recipient\":{\"chat_id\":-1,\"chat_type\":\"chat\"},\"timestamp\":1788242400000,"
            + "\"body\":{\"mid\":\"mid.0000000000000001\",\"seq\":1,\"text\":\"Привет\"}}";

    private final List<Duration> sleeps = new ArrayList<>();

    private SferumClient client(ScriptedTransport transport) {
        return SferumClient.builder().endpoints(Endpoints.max(URI.create("http://max.test:9000/"), AccessToken.of(TOKEN)))
                .transport(transport).retryPolicy(RetryPolicy.defaults().withJitter(0)).sleeper(sleeps::add)
                .discoverPlugins(false).build();
    }

    private static String body(TransportRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("F-EMB-08 POST /messages?chat_id=-1 with the bare token in Authorization; the answer is the SDK's Message")
    void sendShape() {
        ScriptedTransport transport = new ScriptedTransport().body(200, "{\"message\":" + MESSAGE + "}");
        try (SferumClient client = client(transport)) {
            Message sent = client.session(AccessToken.of(TOKEN)).messages().send(ChatId.group(1), Draft.text("Привет")
                    .replyTo(MessageId.of(0x2a)));
            assertEquals(MessageId.of(1), sent.id());
            assertEquals(ChatId.group(1), sent.chat());
            assertEquals(100008, sent.author().value());
            assertEquals(1788242400000L, sent.sentAt().toEpochMilli());
        }
        TransportRequest request = transport.requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("http://max.test:9000/messages?chat_id=-1", request.uri().toString());
        assertEquals(TOKEN, request.header("Authorization"));
        assertFalse(request.uri().toString().contains(TOKEN));
        assertEquals("{\"text\":\"Привет\",\"link\":{\"type\":\"reply\",\"mid\":\"mid.000000000000002a\"}}",
                body(request));
    }

    @Test
    @DisplayName("F-EMB-08 429 and 503 are retried with backoff, then the message goes through")
    void retries() {
        ScriptedTransport transport = new ScriptedTransport()
                .body(429, "{\"code\":\"too.many.requests\",\"message\":\"slow down\"}")
                .body(503, "{\"code\":\"service.unavailable\",\"message\":\"later\"}")
                .body(200, "{\"message\":" + MESSAGE + "}");
        try (SferumClient client = client(transport)) {
            client.session(AccessToken.of(TOKEN)).messages().send(ChatId.group(1), Draft.text("Привет"));
        }
        assertEquals(3, transport.requests.size());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(1).compareTo(sleeps.get(0)) >= 0, sleeps.toString());
    }

    @Test
    @DisplayName("F-EMB-08 errors: 401 AUTHENTICATION_FAILED, 403 chat.denied NOT_A_CHAT_MEMBER, 404 MESSAGE_NOT_FOUND, 400 text.too.long, 429 at the end RATE_LIMITED; no token in messages")
    void errors() {
        ScriptedTransport transport = new ScriptedTransport()
                .body(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}")
                .body(403, "{\"code\":\"chat.denied\",\"message\":\"not a member\"}")
                .body(404, "{\"code\":\"not.found\",\"message\":\"no message\"}")
                .body(400, "{\"code\":\"text.too.long\",\"message\":\"at most 4000\"}");
        for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
            transport.body(429, "{\"code\":\"too.many.requests\",\"message\":\"slow down\"}");
        }
        try (SferumClient client = client(transport)) {
            SferumSession bot = client.session(AccessToken.of(TOKEN));
            AuthenticationException auth = assertThrows(AuthenticationException.class, bot::me);
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, auth.code());
            assertFalse(auth.getMessage().contains(TOKEN));
            PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                    () -> bot.messages().send(ChatId.group(2), Draft.text("Привет")));
            assertTrue(denied.getMessage().contains("chat.denied"), denied.getMessage());
            NotFoundException missing = assertThrows(NotFoundException.class,
                    () -> bot.messages().pinned(ChatId.group(2)).orElseThrow());
            assertEquals(ErrorCode.CHAT_NOT_FOUND, missing.code());
            ValidationException tooLong = assertThrows(ValidationException.class,
                    () -> bot.messages().send(ChatId.group(2), Draft.text("Привет")));
            assertEquals(ErrorCode.MESSAGE_TOO_LONG, tooLong.code());
            assertThrows(RateLimitException.class, bot::me);
        }
    }

    @Test
    @DisplayName("F-EMB-08 refused before the wire: 4,001 characters, two forwards, deleting for oneself, a lost send is outcome unknown")
    void refusedLocally() {
        ScriptedTransport transport = new ScriptedTransport().fail(new java.io.IOException("reset"));
        try (SferumClient client = client(transport)) {
            SferumSession bot = client.session(AccessToken.of(TOKEN));
            assertEquals(ErrorCode.MESSAGE_TOO_LONG, assertThrows(ValidationException.class,
                    () -> bot.messages().send(ChatId.group(1), Draft.text("я".repeat(4001)))).code());
            assertThrows(ValidationException.class, () -> bot.messages().send(ChatId.group(1),
                    Draft.forward(List.of(MessageId.of(1), MessageId.of(2)))));
            assertThrows(ValidationException.class,
                    () -> bot.messages().delete(ChatId.group(1), List.of(MessageId.of(1)), false));
            assertTrue(transport.requests.isEmpty(), "nothing was sent");
            assertThrows(OutcomeUnknownException.class,
                    () -> bot.messages().send(ChatId.group(1), Draft.text("Привет")));
        }
        assertEquals(1, transport.requests.size(), "a write is not repeated after a lost connection");
    }

    @Test
    @DisplayName("F-EMB-08 F-ATT-03 the three-step upload: POST /uploads?type=file with the token, the bytes to the address without it (Content-Range), then the message carries the token; attachment.not.ready is retried with backoff")
    void uploadShape() {
        ScriptedTransport transport = new ScriptedTransport()
                .body(200, "{\"url\":\"http://upload.max.test/upload/t1\"}")
                .body(200, "{\"token\":\"file-token-1\"}")
                .body(200, "{\"user_id\":100008,\"first_name\":\"Бот\",\"is_bot\":true}")
                .body(400, "{\"code\":\"attachment.not.ready\",\"message\":\"Key: errors.process.attachment.file.not.processed\"}")
                .body(200, "{\"message\":" + MESSAGE + "}");
        try (SferumClient client = client(transport)) {
            SferumSession bot = client.session(AccessToken.of(TOKEN));
            org.sferum.sdk.attachments.Attachment.File file = bot.attachments().uploadFile("ДЗ.txt",
                    new java.io.ByteArrayInputStream("№15".getBytes(StandardCharsets.UTF_8)));
            assertEquals(5, file.size());
            bot.messages().send(ChatId.group(1), Draft.text("Задание").withAttachments(List.of(file)));
        }
        TransportRequest endpoint = transport.requests.get(0);
        assertEquals("http://max.test:9000/uploads?type=file", endpoint.uri().toString());
        assertEquals(TOKEN, endpoint.header("Authorization"));
        TransportRequest bytes = transport.requests.get(1);
        assertEquals("http://upload.max.test/upload/t1", bytes.uri().toString());
        assertEquals(null, bytes.header("Authorization"), "the bot token never goes to the upload address");
        assertEquals("bytes 0-4/5", bytes.header("Content-Range"));
        assertEquals("attachment; filename*=UTF-8''%D0%94%D0%97.txt", bytes.header("Content-Disposition"));
        String expected = "{\"text\":\"Задание\",\"attachments\":[{\"type\":\"file\",\"payload\":{\"token\":\"file-token-1\"}}]}";
        assertEquals(expected, body(transport.requests.get(3)));
        assertEquals(expected, body(transport.requests.get(4)), "the same message again after not.ready");
        assertEquals(1, sleeps.size(), "one backoff before the retry");
    }

    @Test
    @DisplayName("F-EMB-08 F-ATT-03 a chunk whose connection is lost goes on from the offset the address reports, after a backoff")
    void uploadResumesFromOffset() {
        ScriptedTransport transport = new ScriptedTransport()
                .body(200, "{\"url\":\"http://upload.max.test/upload/t2\"}")
                .fail(new java.io.IOException("connection reset"))
                .body(200, "{\"received\":3,\"total\":null,\"ranges\":[\"0-2\"],\"finished\":false}")
                .body(200, "{\"photos\":{\"1\":{\"token\":\"photo-token\"}}}")
                .body(200, "{\"user_id\":100008,\"first_name\":\"Бот\",\"is_bot\":true}");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        try (SferumClient client = client(transport)) {
            client.session(AccessToken.of(TOKEN)).attachments().uploadPhoto("board.png",
                    new java.io.ByteArrayInputStream(png));
        }
        assertEquals("bytes 0-7/8", transport.requests.get(1).header("Content-Range"));
        assertEquals("GET", transport.requests.get(2).method());
        assertEquals("bytes 3-7/8", transport.requests.get(3).header("Content-Range"));
        assertEquals(5, transport.requests.get(3).body().length, "only the bytes the address lacks");
        assertEquals(1, sleeps.size());
    }

    @Test
    @DisplayName("F-EMB-08 a «Подключиться» link button: POST /messages with an inline_keyboard of link buttons; a javascript: address or an empty row is refused before the wire")
    void linkButtonShape() {
        ScriptedTransport transport = new ScriptedTransport().body(200, "{\"message\":" + MESSAGE + "}");
        try (SferumClient client = client(transport)) {
            org.sferum.sdk.core.max.MaxLinkButtons buttons = client.maxLinkButtons(AccessToken.of(TOKEN));
            buttons.send(ChatId.group(1), Draft.text("Урок начинается"), List.of(List.of(
                    new org.sferum.sdk.core.max.MaxLinkButtons.LinkButton("Подключиться",
                            URI.create("https://sferum.test/call/lesson-1")))));
            assertThrows(ValidationException.class, () -> new org.sferum.sdk.core.max.MaxLinkButtons.LinkButton(
                    "Открыть", URI.create("javascript:alert(1)")));
            assertThrows(ValidationException.class, () -> buttons.send(ChatId.group(1), Draft.text("Урок"),
                    List.of(List.of())));
        }
        assertEquals(1, transport.requests.size());
        assertEquals("{\"text\":\"Урок начинается\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
                + "{\"buttons\":[[{\"type\":\"link\",\"text\":\"Подключиться\",\"url\":"
                + "\"https://sferum.test/call/lesson-1\"}]]}}]}", body(transport.requests.get(0)));
    }
}
