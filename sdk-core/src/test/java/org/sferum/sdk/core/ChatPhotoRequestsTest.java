package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.AccessToken;

/** The request side of the chat avatar (docs/wire/chats-admin.md, F-CHAT-06). */
class ChatPhotoRequestsTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    @Test
    @DisplayName("F-CHAT-06 setPhoto: getChatUploadServer, a multipart POST of field file without the token, "
            + "setChatPhoto with the upload's string")
    void setPhoto() {
        transport.ok("{\"upload_url\":\"https://pu.vk.com/c1/upload?x=1\"}")
                .ok("\"the-file\"")
                .ok("{\"message_id\":0,\"chat\":{\"id\":7}}");
        session.chats().setPhoto(ChatId.group(7), "class.jpg", new ByteArrayInputStream(JPEG));

        assertEquals(Map.of("v", "5.199", "chat_id", "7"), ScriptedTransport.form(transport.requests.get(0)));
        TransportRequest upload = transport.requests.get(1);
        assertEquals("https://pu.vk.com/c1/upload?x=1", upload.uri().toString());
        assertNull(upload.header("Authorization"));
        String type = upload.header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"class.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"), body);
        assertTrue(body.endsWith(new String(JPEG, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n"));
        assertFalse(body.contains(TestClients.TOKEN));
        assertEquals("messages.setChatPhoto", ScriptedTransport.method(transport.requests.get(2)));
        assertEquals(Map.of("v", "5.199", "file", "the-file"), ScriptedTransport.form(transport.requests.get(2)));
    }

    @Test
    @DisplayName("F-CHAT-06 a bad image or a one-to-one chat is refused before any request; removePhoto sends "
            + "deleteChatPhoto")
    void refusedLocallyAndRemove() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class, () -> session.chats()
                .setPhoto(ChatId.group(7), "a.gif", new ByteArrayInputStream("GIF89a".getBytes(
                        StandardCharsets.US_ASCII)))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class, () -> session.chats()
                .setPhoto(ChatId.group(7), "e.jpg", new ByteArrayInputStream(new byte[0]))).code());
        assertTrue(transport.requests.isEmpty());

        transport.ok("{\"message_id\":0,\"chat\":{\"id\":7}}");
        session.chats().removePhoto(ChatId.group(7));
        assertEquals("messages.deleteChatPhoto", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "chat_id", "7"), ScriptedTransport.form(transport.requests.get(0)));
    }

    @Test
    @DisplayName("F-CHAT-11 setAppearance sends messages.setChatStyle with the peer and the theme's wire name")
    void setAppearance() {
        transport.ok("1");
        session.chats().setAppearance(ChatId.group(7), org.sferum.sdk.chats.ChatAppearance.AUTUMN);
        assertEquals("messages.setChatStyle", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000007", "style", "autumn"),
                ScriptedTransport.form(transport.requests.get(0)));
    }
}
