package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;

/** Message photos and files on the wire (docs/wire/attachments.md, F-ATT-01, F-ATT-03), schema-checked. */
class AttachmentMethodsTest extends EmulatorTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, '\r', '\n',
        '-', '-', 1, 2, 3};
    private final HttpClient http = HttpClient.newHttpClient();
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private String photoServer(SeededUser as) {
        JsonNode body = wire.call(as, "photos.getMessagesUploadServer");
        schema.check("photos/responses.json", "photos_getMessagesUploadServer_response", body);
        return body.get("response").get("upload_url").asText();
    }

    private String docServer(SeededUser as) {
        JsonNode body = wire.call(as, "docs.getMessagesUploadServer", "type", "doc");
        schema.check("docs/responses.json", "docs_getUploadServer_response", body);
        return body.get("response").get("upload_url").asText();
    }

    private JsonNode upload(String url, String field, String name, byte[] content) {
        return MultipartUploads.upload(http, url, field, name, null, content);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return MultipartUploads.send(http, request, handler);
    }

    private int errorCode(JsonNode body) {
        return wire.error(body).get("error_code").asInt();
    }

    @Test
    @DisplayName("F-ATT-01, F-ATT-03 VK's three steps for a photo and a file, messages.send attachment=, the "
            + "message's attachments as the schema has them, and the photo served at its address")
    void uploadSendRender() {
        long peer = classChat();
        JsonNode photoUpload = upload(photoServer(teacher), "photo", "board.png", PNG);
        JsonNode photos = wire.call(teacher, "photos.saveMessagesPhoto", "photo", photoUpload.get("photo").asText(),
                "server", photoUpload.get("server").asText(), "hash", photoUpload.get("hash").asText());
        schema.check("photos/responses.json", "photos_saveMessagesPhoto_response", photos);
        JsonNode photo = photos.get("response").get(0);

        JsonNode docUpload = upload(docServer(teacher), "file", "plan.txt", PNG);
        JsonNode doc = wire.call(teacher, "docs.save", "file", docUpload.get("file").asText(), "title", "План.txt");
        schema.check("docs/responses.json", "docs_save_response", doc);
        assertEquals("План.txt", doc.get("response").get("doc").get("title").asText());

        String attachment = "photo" + photo.get("owner_id").asLong() + "_" + photo.get("id").asLong() + ",doc"
                + teacher.id().value() + "_" + doc.get("response").get("doc").get("id").asLong();
        long id = wire.ok(teacher, "messages.send", "peer_id", Long.toString(peer), "random_id", "7",
                "attachment", attachment).asLong();
        JsonNode read = wire.call(student1, "messages.getById", "message_ids", Long.toString(id));
        schema.check("messages/responses.json", "messages_getById_response", read);
        JsonNode attachments = read.get("response").get("items").get(0).get("attachments");
        assertEquals("photo", attachments.get(0).get("type").asText());
        assertEquals("doc", attachments.get(1).get("type").asText());

        String url = attachments.get(0).get("photo").get("sizes").get(0).get("url").asText();
        HttpResponse<byte[]> served = send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertArrayEquals(PNG, served.body());
    }

    @Test
    @DisplayName("F-ATT-01 a photo not yet attached is not served; a wrong hash, another user's upload and an "
            + "unknown address are refused with 100")
    void refusals() {
        JsonNode photoUpload = upload(photoServer(teacher), "photo", "board.png", PNG);
        String key = photoUpload.get("photo").asText();
        assertEquals(100, errorCode(wire.call(teacher, "photos.saveMessagesPhoto", "photo", key, "server", "1",
                "hash", "0")));
        assertEquals(100, errorCode(wire.call(student1, "photos.saveMessagesPhoto", "photo", key, "server", "1",
                "hash", photoUpload.get("hash").asText())));
        assertEquals(100, errorCode(upload(emulator.baseUri() + AttachmentMethods.UPLOAD_PATH + "unknown", "photo",
                "a.png", PNG)));
        assertEquals(100, errorCode(upload(photoServer(teacher), "photo", "a.txt", "text".getBytes())),
                "not an image");
        JsonNode saved = wire.ok(teacher, "photos.saveMessagesPhoto", "photo", key, "server", "1", "hash",
                photoUpload.get("hash").asText());
        String url = saved.get(0).get("sizes").get(0).get("url").asText();
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    @DisplayName("F-ATT-01, F-ATT-03 an upload address and an upload expire after 1 h on the emulator's clock: "
            + "refused with 100, and the expired ones are purged")
    void uploadTicketsExpire() {
        PlatformEngine engine = emulator.engine();
        String url = docServer(teacher);
        String unused = photoServer(teacher);
        String file = upload(docServer(teacher), "file", "a.txt", PNG).get("file").asText();
        assertEquals(4, engine.attachments().heldUploads(), "three tickets and one upload");

        clock.advance(AttachmentService.UPLOAD_LIFETIME.minusSeconds(1));
        assertTrue(upload(url, "file", "b.txt", PNG).get("file").isTextual(), "just in time");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(100, errorCode(upload(unused, "photo", "a.png", PNG)), "an expired address");
        assertEquals(100, errorCode(wire.call(teacher, "docs.save", "file", file)), "an expired upload");
        assertEquals(1, engine.attachments().heldUploads(), "only the upload made just in time is left");
    }

    @Test
    @DisplayName("F-ATT-02 video.save gives the address and the video's id; the video_file upload saves it once; "
            + "messages.send attachment=video…; an expired video address is refused with 100")
    void videoFlow() {
        long peer = classChat();
        byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3};
        JsonNode saved = wire.call(teacher, "video.save", "name", "Урок 5", "is_private", "1");
        schema.check("video/responses.json", "video_save_response", saved);
        JsonNode video = saved.get("response");
        String url = video.get("upload_url").asText();
        JsonNode uploaded = upload(url, "video_file", "lesson.mp4", mp4);
        assertEquals(video.get("video_id").asLong(), uploaded.get("video_id").asLong(), uploaded::toString);
        assertEquals(100, errorCode(upload(url, "video_file", "lesson.mp4", mp4)), "the address is used once");
        long id = wire.ok(teacher, "messages.send", "peer_id", Long.toString(peer), "random_id", "9", "attachment",
                "video" + video.get("owner_id").asLong() + "_" + video.get("video_id").asLong()).asLong();
        JsonNode read = wire.call(student1, "messages.getById", "message_ids", Long.toString(id));
        schema.check("messages/responses.json", "messages_getById_response", read);
        JsonNode attachment = read.get("response").get("items").get(0).get("attachments").get(0);
        assertEquals("video", attachment.get("type").asText());
        assertEquals("Урок 5", attachment.get("video").get("title").asText());
        JsonNode history = wire.call(student1, "messages.getHistoryAttachments", "peer_id", Long.toString(peer),
                "attachment_types", "photo,video,doc");
        schema.check("messages/responses.json", "messages_getHistoryAttachments_response", history);
        assertEquals(1, history.get("response").get("items").size());

        String late = wire.ok(teacher, "video.save", "name", "Поздно").get("upload_url").asText();
        clock.advance(AttachmentService.UPLOAD_LIFETIME);
        assertEquals(100, errorCode(upload(late, "video_file", "late.mp4", mp4)), "an expired address");
    }

    @Test
    @DisplayName("F-ATT-04 polls.create, messages.send attachment=poll…, polls.addVote, polls.getById and "
            + "polls.getVoters as the schemas have them; an anonymous poll's voters are refused with 15")
    void pollFlow() {
        long peer = classChat();
        JsonNode created = wire.call(teacher, "polls.create", "question", "Когда?", "add_answers",
                "[\"Вторник\",\"Четверг\"]");
        schema.check("polls/responses.json", "polls_create_response", created);
        JsonNode poll = created.get("response");
        String owner = poll.get("owner_id").asText();
        String id = poll.get("id").asText();
        long message = wire.ok(teacher, "messages.send", "peer_id", Long.toString(peer), "random_id", "11",
                "attachment", "poll" + owner + "_" + id).asLong();
        JsonNode read = wire.call(student1, "messages.getById", "message_ids", Long.toString(message));
        schema.check("messages/responses.json", "messages_getById_response", read);
        assertEquals("poll", read.get("response").get("items").get(0).get("attachments").get(0).get("type").asText());

        assertEquals(1, wire.ok(student1, "polls.addVote", "owner_id", owner, "poll_id", id, "answer_ids", "2")
                .asInt());
        JsonNode results = wire.call(student1, "polls.getById", "owner_id", owner, "poll_id", id);
        schema.check("polls/responses.json", "polls_getById_response", results);
        assertEquals(1, results.get("response").get("votes").asInt());
        assertEquals(2, results.get("response").get("answer_ids").get(0).asInt());
        JsonNode voters = wire.call(teacher, "polls.getVoters", "owner_id", owner, "poll_id", id, "answer_ids",
                "1,2");
        schema.check("polls/responses.json", "polls_getVoters_response", voters);
        assertEquals(student1.id().value(), voters.get("response").get(1).get("users").get("items").get(0).asLong());

        String anonymous = wire.ok(teacher, "polls.create", "question", "Анонимно?", "is_anonymous", "1",
                "add_answers", "[\"Да\"]").get("id").asText();
        assertEquals(15, errorCode(wire.call(teacher, "polls.getVoters", "owner_id", owner, "poll_id", anonymous,
                "answer_ids", "1")));
    }
}
