package org.sferum.sdk.core.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.attachments.PollResults;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * {@link Attachments} over the VK API ({@code docs/wire/attachments.md}): a photo is
 * {@code photos.getMessagesUploadServer} → a multipart upload of field {@code photo} →
 * {@code photos.saveMessagesPhoto}; a file is {@code docs.getMessagesUploadServer} → field {@code file} →
 * {@code docs.save}. The attachments of a chat are {@code messages.getHistoryAttachments} with
 * {@code attachment_types=photo,doc}, its {@code next_from} kept in the page cursor. The service checks the files; the SDK reads the stream and sends it. The uploads and the saves
 * are not retried (each upload is saved once); asking for an address is. File contents are never logged.
 */
public final class WireAttachments implements Attachments {
    /** Positions within a message a cursor can hold: more than {@code Draft.MAX_ATTACHMENTS}. */
    private static final long POSITIONS = 100;

    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the VK API caller
     * @param token the user's token
     */
    public WireAttachments(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public Attachment.Photo uploadPhoto(String fileName, InputStream content) {
        Checks.notNull(fileName, "file name");
        byte[] bytes = read(content);
        VkResult server = api.call(token, VkRequest.idempotent("photos.getMessagesUploadServer"));
        JsonNode uploaded = api.uploadBare(address(server), "photo", fileName, "application/octet-stream", bytes);
        String photo = Json.text(uploaded, "photo", "");
        if (photo.isEmpty()) {
            throw malformed("the photo upload answered no photo");
        }
        VkResult saved = api.call(token, VkRequest.once("photos.saveMessagesPhoto")
                .param("photo", photo)
                .param("server", Json.longOr(uploaded, "server", 0))
                .param("hash", Json.text(uploaded, "hash", "")));
        JsonNode list = saved.response();
        if (list == null || !list.isArray() || list.isEmpty()
                || !(decode(withType("photo", list.get(0))) instanceof Attachment.Photo result)) {
            throw saved.malformed("has no photo");
        }
        return result;
    }

    @Override
    public Attachment.Video uploadVideo(String title, InputStream content) {
        Checks.notNull(title, "title");
        byte[] bytes = read(content);
        VkResult saved = api.call(token, VkRequest.once("video.save").param("name", title).param("is_private", 1));
        long owner = Json.longOr(saved.response(), "owner_id", 0);
        long id = Json.longOr(saved.response(), "video_id", -1);
        if (owner == 0 || id < 0) {
            throw saved.malformed("has no owner_id or video_id");
        }
        JsonNode uploaded = api.uploadBare(address(saved), "video_file", "video", "application/octet-stream", bytes);
        if (!uploaded.has("video_id") && !uploaded.has("size")) {
            throw malformed("the video upload answered neither video_id nor size");
        }
        return new Attachment.Video(new MediaId(owner, id), Json.text(saved.response(), "title", title));
    }

    @Override
    public Attachment.File uploadFile(String fileName, InputStream content) {
        Checks.notNull(fileName, "file name");
        byte[] bytes = read(content);
        VkResult server = api.call(token, VkRequest.idempotent("docs.getMessagesUploadServer").param("type", "doc"));
        JsonNode uploaded = api.uploadBare(address(server), "file", fileName, "application/octet-stream", bytes);
        String file = Json.text(uploaded, "file", "");
        if (file.isEmpty()) {
            throw malformed("the file upload answered no file");
        }
        VkResult saved = api.call(token, VkRequest.once("docs.save").param("file", file).param("title", fileName));
        if (!(decode(saved.response()) instanceof Attachment.File result)) {
            throw saved.malformed("has no doc");
        }
        return result;
    }

    @Override
    public Attachment.Poll createPoll(String question, List<String> answers, boolean anonymous) {
        Checks.notNull(question, "question");
        Checks.notNull(answers, "answers");
        VkResult created = api.call(token, VkRequest.once("polls.create")
                .param("question", question)
                .param("is_anonymous", anonymous ? 1 : 0)
                .param("add_answers", Json.write(answers)));
        if (!(decode(withType("poll", created.response())) instanceof Attachment.Poll poll)) {
            throw created.malformed("has no poll");
        }
        return poll;
    }

    @Override
    public void vote(MediaId poll, List<Integer> answerIndexes) {
        Checks.notNull(poll, "poll");
        Checks.notNull(answerIndexes, "answer indexes");
        StringJoiner ids = new StringJoiner(",");
        for (Integer index : answerIndexes) {
            ids.add(Long.toString(Checks.notNull(index, "answer index") + 1L));
        }
        api.call(token, VkRequest.once("polls.addVote").param("owner_id", poll.ownerId())
                .param("poll_id", poll.id()).param("answer_ids", ids.toString()));
    }

    @Override
    public PollResults poll(MediaId poll) {
        Checks.notNull(poll, "poll");
        VkResult read = api.call(token, VkRequest.idempotent("polls.getById").param("owner_id", poll.ownerId())
                .param("poll_id", poll.id()));
        JsonNode body = read.response();
        if (!(decode(withType("poll", body)) instanceof Attachment.Poll found)) {
            throw read.malformed("has no poll");
        }
        JsonNode answers = body.get("answers");
        List<Long> answerIds = new ArrayList<>();
        List<Integer> votes = new ArrayList<>();
        for (JsonNode answer : answers) {
            answerIds.add(Json.longOr(answer, "id", 0));
            votes.add((int) Json.longOr(answer, "votes", 0));
        }
        List<Integer> mine = new ArrayList<>();
        JsonNode myIds = body.get("answer_ids");
        if (myIds != null && myIds.isArray()) {
            for (JsonNode id : myIds) {
                int index = answerIds.indexOf(id.asLong());
                if (index >= 0) {
                    mine.add(index);
                }
            }
        }
        boolean anonymous = Json.bool(body, "anonymous");
        List<List<UserId>> voters = new ArrayList<>();
        answerIds.forEach(id -> voters.add(new ArrayList<>()));
        if (!anonymous && !answerIds.isEmpty()) {
            StringJoiner ids = new StringJoiner(",");
            answerIds.forEach(id -> ids.add(Long.toString(id)));
            VkResult who = api.call(token, VkRequest.idempotent("polls.getVoters").param("owner_id", poll.ownerId())
                    .param("poll_id", poll.id()).param("answer_ids", ids.toString()));
            if (who.response() == null || !who.response().isArray()) {
                throw who.malformed("has no voters");
            }
            for (JsonNode answer : who.response()) {
                int index = answerIds.indexOf(Json.longOr(answer, "answer_id", 0));
                JsonNode items = answer.path("users").path("items");
                if (index >= 0 && items.isArray()) {
                    items.forEach(user -> voters.get(index).add(UserId.of(user.asLong())));
                }
            }
        }
        return new PollResults(found, anonymous, votes, (int) Json.longOr(body, "votes", 0), mine, voters);
    }

    @Override
    public Page<Attachment> ofChat(ChatId chat, PageRequest page) {
        Checks.notNull(chat, "chat");
        Checks.notNull(page, "page request");
        String scope = Long.toString(chat.peerId());
        VkRequest request = VkRequest.idempotent("messages.getHistoryAttachments")
                .param("peer_id", chat.peerId())
                .param("attachment_types", "photo,video,doc")
                .param("count", page.size());
        if (page.cursor().isPresent()) {
            long at = org.sferum.sdk.internal.Cursors.decode("a", scope, 0, page.cursor().get());
            request.param("start_from", (at / POSITIONS) + "_" + (at % POSITIONS));
        }
        VkResult result = api.call(token, request);
        JsonNode items = result.response() == null ? null : result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items");
        }
        java.util.List<Attachment> out = new java.util.ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(decode(item.get("attachment")));
        }
        String next = Json.text(result.response(), "next_from", "");
        java.util.Optional<org.sferum.sdk.paging.PageCursor> cursor = java.util.Optional.empty();
        if (!next.isEmpty()) {
            String[] parts = next.split("_");
            try {
                long message = Long.parseLong(parts[0]);
                int position = Integer.parseInt(parts[1]);
                if (message < 0 || position < 0 || position >= POSITIONS) {
                    throw new NumberFormatException();
                }
                cursor = java.util.Optional.of(org.sferum.sdk.internal.Cursors.encode("a", scope,
                        message * POSITIONS + position));
            } catch (RuntimeException e) {
                throw result.malformed("has a next_from this SDK cannot read");
            }
        }
        return new Page<>(out, cursor, java.util.OptionalLong.empty());
    }

    /**
     * Writes attachments as {@code messages.send}'s {@code attachment}: {@code photo<owner>_<id>},
     * {@code doc<owner>_<id>}, comma-joined.
     *
     * @param attachments photos and files
     * @return the parameter
     */
    public static String attachmentParam(List<Attachment> attachments) {
        StringJoiner out = new StringJoiner(",");
        for (Attachment attachment : attachments) {
            if (attachment instanceof Attachment.Photo photo) {
                out.add("photo" + photo.id().ownerId() + "_" + photo.id().id());
            } else if (attachment instanceof Attachment.File file) {
                out.add("doc" + file.id().ownerId() + "_" + file.id().id());
            } else if (attachment instanceof Attachment.Video video) {
                out.add("video" + video.id().ownerId() + "_" + video.id().id());
            } else if (attachment instanceof Attachment.Poll poll) {
                out.add("poll" + poll.id().ownerId() + "_" + poll.id().id());
            } else if (attachment instanceof Attachment.Unknown unknown) {
                throw new org.sferum.sdk.error.ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "an attachment of an unknown type (" + unknown.type() + ") cannot be sent");
            }
        }
        return out.toString();
    }

    /**
     * Reads one {@code messages_message_attachment} (or a {@code docs.save} answer, the same shape).
     *
     * @param attachment the object
     * @return a photo, a file, or {@link Attachment.Unknown} of its type
     */
    public static Attachment decode(JsonNode attachment) {
        String type = Json.text(attachment, "type", "unknown");
        JsonNode body = attachment == null ? null : attachment.get(type);
        if (body == null || !body.isObject()) {
            return new Attachment.Unknown(type);
        }
        long owner = Json.longOr(body, "owner_id", 0);
        long id = Json.longOr(body, "id", -1);
        if (owner == 0 || id < 0) {
            return new Attachment.Unknown(type);
        }
        MediaId media = new MediaId(owner, id);
        switch (type) {
            case "photo": {
                String url = largest(body.get("sizes"));
                return url.isEmpty() ? new Attachment.Unknown(type) : new Attachment.Photo(media, url);
            }
            case "doc":
                return new Attachment.File(media, Json.text(body, "title", ""), Json.longOr(body, "size", 0));
            case "video":
                return new Attachment.Video(media, Json.text(body, "title", ""));
            case "poll": {
                List<String> texts = new ArrayList<>();
                for (JsonNode answer : body.path("answers")) {
                    texts.add(Json.text(answer, "text", ""));
                }
                return new Attachment.Poll(media, Json.text(body, "question", ""), texts);
            }
            default:
                return new Attachment.Unknown(type);
        }
    }

    /** The URL of the largest of a photo's sizes (by width × height; the last when none is known). */
    private static String largest(JsonNode sizes) {
        String best = "";
        long bestArea = -1;
        if (sizes == null || !sizes.isArray()) {
            return best;
        }
        for (JsonNode size : sizes) {
            String url = Json.text(size, "url", Json.text(size, "src", ""));
            long area = Json.longOr(size, "width", 0) * Json.longOr(size, "height", 0);
            if (!url.isEmpty() && area >= bestArea) {
                best = url;
                bestArea = area;
            }
        }
        return best;
    }

    private static JsonNode withType(String type, JsonNode body) {
        com.fasterxml.jackson.databind.node.ObjectNode wrapped = Json.MAPPER.createObjectNode();
        wrapped.put("type", type);
        wrapped.set(type, body);
        return wrapped;
    }

    private static URI address(VkResult server) {
        String url = Json.text(server.response(), "upload_url", "");
        URI address;
        try {
            address = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw server.malformed("has an upload_url that is not an address");
        }
        if (url.isEmpty() || !address.isAbsolute()) {
            throw server.malformed("has no absolute upload_url");
        }
        return address;
    }

    private static ServiceException malformed(String message) {
        return new ServiceException(ErrorCode.MALFORMED_RESPONSE, message);
    }

    private static byte[] read(InputStream content) {
        Checks.notNull(content, "content");
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }
}
