package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;

/** Chat avatars on the wire (docs/wire/chats-admin.md, F-CHAT-06): upload server, upload, set, serve, delete. */
class ChatPhotoMethodsTest extends EmulatorTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, '\r', '\n',
        '-', '-', 1, 2, 3};
    private final HttpClient http = HttpClient.newHttpClient();
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private static String local(long peer) {
        return Long.toString(peer - ChatId.GROUP_CHAT_OFFSET);
    }

    private String uploadUrl(SeededUser as, long peer) {
        JsonNode body = wire.call(as, "photos.getChatUploadServer", "chat_id", local(peer));
        schema.check("base/responses.json", "base_getUploadServer_response", body);
        return body.get("response").get("upload_url").asText();
    }

    private JsonNode upload(String url, String field, byte[] content) {
        return MultipartUploads.upload(http, url, field, "a.png", "image/png", content);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return MultipartUploads.send(http, request, handler);
    }

    private String fileFor(SeededUser as, long peer, byte[] content) {
        JsonNode answer = upload(uploadUrl(as, peer), "file", content);
        assertTrue(answer.get("response").isTextual(), answer::toString);
        return answer.get("response").asText();
    }

    private JsonNode settings(SeededUser as, long peer) {
        return wire.ok(as, "messages.getConversationsById", "peer_ids", Long.toString(peer)).get("items").get(0)
                .get("chat_settings");
    }

    private int errorCode(JsonNode body) {
        return wire.error(body).get("error_code").asInt();
    }

    @Test
    @DisplayName("F-CHAT-06 upload server, multipart upload without a token, messages.setChatPhoto, the image "
            + "served at chat_settings.photo and messages.getChat's photo_*, then messages.deleteChatPhoto")
    void setServeAndDelete() {
        long peer = classChat();
        String file = fileFor(teacher, peer, PNG);
        JsonNode set = wire.call(teacher, "messages.setChatPhoto", "file", file);
        schema.check("messages/responses.json", "messages_setChatPhoto_response", set);
        assertEquals(teacher.id().value(), set.get("response").get("chat").get("admin_id").asLong());

        JsonNode photo = settings(student1, peer).get("photo");
        String url = photo.get("photo_200").asText();
        assertEquals(url, photo.get("photo_50").asText());
        assertEquals(url, photo.get("photo_100").asText());
        JsonNode chat = wire.ok(student1, "messages.getChat", "chat_id", local(peer));
        assertEquals(url, chat.get("photo_200").asText());
        HttpResponse<byte[]> image = send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG, image.body());

        assertEquals(100, errorCode(wire.call(teacher, "messages.setChatPhoto", "file", file)),
                "an upload is used once");

        JsonNode deleted = wire.call(teacher, "messages.deleteChatPhoto", "chat_id", local(peer));
        schema.check("messages/responses.json", "messages_deleteChatPhoto_response", deleted);
        assertFalse(settings(student1, peer).has("photo"));
        assertFalse(wire.ok(student1, "messages.getChat", "chat_id", local(peer)).has("photo_200"));
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    @DisplayName("F-CHAT-06 refusals: outsider 917, member without CHANGE_INFO 925, another user's file 100, "
            + "not an image 100, no field file 100; the avatar unchanged")
    void refusals() {
        long peer = classChat();
        wire.ok(teacher, "messages.setChatPhoto", "file", fileFor(teacher, peer, PNG));
        String before = settings(teacher, peer).get("photo").get("photo_200").asText();

        assertEquals(917, errorCode(wire.call(outsider, "photos.getChatUploadServer", "chat_id", local(peer))));
        assertEquals(925, errorCode(wire.call(student1, "messages.setChatPhoto", "file",
                fileFor(student1, peer, PNG))));
        assertEquals(925, errorCode(wire.call(student1, "messages.deleteChatPhoto", "chat_id", local(peer))));
        assertEquals(100, errorCode(wire.call(student1, "messages.setChatPhoto", "file",
                fileFor(teacher, peer, PNG))));
        assertEquals(100, errorCode(wire.call(teacher, "messages.setChatPhoto", "file",
                fileFor(teacher, peer, "GIF89a".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(100, errorCode(upload(uploadUrl(teacher, peer), "photo", PNG)));
        assertEquals(100, errorCode(upload(emulator.baseUri() + ChatPhotoMethods.UPLOAD_PATH + "unknown", "file",
                PNG)));
        assertEquals(before, settings(student1, peer).get("photo").get("photo_200").asText());
        assertNotEquals("", before);
    }

    @Test
    @DisplayName("F-CHAT-06 an upload address and an uploaded file expire after 1 h on the emulator's clock: "
            + "refused with 100 as unknown, the avatar unchanged, and the expired ones are purged")
    void uploadTicketsExpire() {
        long peer = classChat();
        String url = uploadUrl(teacher, peer);
        String unused = uploadUrl(teacher, peer);
        String file = fileFor(teacher, peer, PNG);
        assertEquals(4, emulator.heldChatPhotoUploads(), "three tickets and one upload");

        clock.advance(AttachmentService.CHAT_PHOTO_UPLOAD_LIFETIME.minusSeconds(1));
        JsonNode justInTime = upload(url, "file", PNG);
        assertTrue(justInTime.get("response").isTextual(), justInTime::toString);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(100, errorCode(upload(unused, "file", PNG)), "an expired address is refused as unknown");
        assertEquals(100, errorCode(wire.call(teacher, "messages.setChatPhoto", "file", file)),
                "an expired upload is refused as another user's");
        assertFalse(settings(teacher, peer).has("photo"), "the avatar unchanged");
        assertEquals(1, emulator.heldChatPhotoUploads(), "only the upload made just in time is left");

        clock.advance(AttachmentService.CHAT_PHOTO_UPLOAD_LIFETIME);
        uploadUrl(teacher, peer);
        assertEquals(1, emulator.heldChatPhotoUploads(), "asking for an address purges what expired");
        wire.ok(teacher, "messages.setChatPhoto", "file", fileFor(teacher, peer, PNG));
        assertTrue(settings(student1, peer).has("photo"), "fresh tickets still work");
    }

    @Test
    @DisplayName("F-CHAT-11 messages.setChatStyle answers 1; chat_settings.style shows the theme; refusals 925, "
            + "917, 100 leave it unchanged")
    void setChatStyle() {
        long peer = classChat();
        assertFalse(settings(student1, peer).has("style"), "the default style is not written");
        JsonNode set = wire.call(teacher, "messages.setChatStyle", "peer_id", Long.toString(peer), "style", "space");
        schema.check("base/responses.json", "base_ok_response", set);
        assertEquals("space", settings(student1, peer).get("style").asText());
        wire.ok(teacher, "messages.setChatStyle", "peer_id", Long.toString(peer), "style", "default");
        assertFalse(settings(student1, peer).has("style"));
        wire.ok(teacher, "messages.setChatStyle", "peer_id", Long.toString(peer), "style", "space");

        assertEquals(925, errorCode(wire.call(student1, "messages.setChatStyle", "peer_id", Long.toString(peer),
                "style", "spring")));
        assertEquals(917, errorCode(wire.call(outsider, "messages.setChatStyle", "peer_id", Long.toString(peer),
                "style", "spring")));
        assertEquals(100, errorCode(wire.call(teacher, "messages.setChatStyle", "peer_id", Long.toString(peer),
                "style", "neon")));
        assertEquals("space", settings(teacher, peer).get("style").asText());
    }
}
