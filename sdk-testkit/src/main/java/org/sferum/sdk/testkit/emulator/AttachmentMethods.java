package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.StoredContent;
import org.sferum.sdk.testkit.engine.UploadKind;
import org.sferum.sdk.users.UserId;

/**
 * Message photos (F-ATT-01), videos (F-ATT-02) and files (F-ATT-03), as {@code docs/wire/attachments.md} says: VK's three steps,
 * {@code photos.getMessagesUploadServer} → {@code POST} of the field {@code photo} → {@code photos.saveMessagesPhoto},
 * and {@code docs.getMessagesUploadServer} → {@code POST} of the field {@code file} → {@code docs.save}. The rules
 * (tickets, their expiry, what a photo and a file may be) are the engine's; this class only translates. Attached
 * photos and files are served by GET under {@link #CONTENT_PATH}.
 */
final class AttachmentMethods {
    /** Where uploads are posted: this, then the ticket. */
    static final String UPLOAD_PATH = "/upload/attachment/";
    /** Where attached photos are served: this, then the item's key. */
    static final String CONTENT_PATH = "/attachment/";
    /** [choice] The album VK gives message photos. */
    static final int MESSAGE_ALBUM = -3;
    /** The multipart framing read beyond the largest file. */
    static final int FRAMING = 64 * 1024;

    private final PlatformEngine engine;
    private final URI baseUri;
    private final UserJson users;

    /**
     * Creates the methods and tells the engine where attachments are served.
     *
     * @param engine the engine
     * @param baseUri the emulator's address
     */
    AttachmentMethods(PlatformEngine engine, URI baseUri) {
        this.engine = engine;
        this.baseUri = baseUri;
        this.users = new UserJson(engine);
        engine.attachments().serveAttachmentsAt(baseUri + CONTENT_PATH);
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("photos.getMessagesUploadServer", this::getPhotoServer);
        into.put("photos.saveMessagesPhoto", this::savePhoto);
        into.put("docs.getMessagesUploadServer", this::getDocServer);
        into.put("docs.save", this::saveDoc);
        into.put("messages.getHistoryAttachments", this::historyAttachments);
        into.put("video.save", this::saveVideo);
        into.put("polls.create", this::createPoll);
        into.put("polls.addVote", this::addVote);
        into.put("polls.getById", this::getPoll);
        into.put("polls.getVoters", this::getVoters);
    }

    /** {@code photos.getMessagesUploadServer([peer_id])}: {@code photos_photo_upload}; {@code peer_id} ignored. */
    private JsonNode getPhotoServer(UserId caller, VkParams params) {
        ObjectNode json = JsonNodes.object();
        json.put("album_id", MESSAGE_ALBUM);
        json.put("upload_url", baseUri + UPLOAD_PATH + engine.attachments().openUpload(caller, UploadKind.PHOTO));
        json.put("user_id", caller.value());
        return json;
    }

    /** {@code docs.getMessagesUploadServer([type=doc], [peer_id])}: {@code base_upload_server}. */
    private JsonNode getDocServer(UserId caller, VkParams params) {
        String type = params.string("type").orElse("doc");
        if (!"doc".equals(type)) {
            throw VkParams.invalid("type", "only doc is supported");
        }
        ObjectNode json = JsonNodes.object();
        json.put("upload_url", baseUri + UPLOAD_PATH + engine.attachments().openUpload(caller, UploadKind.FILE));
        return json;
    }

    /**
     * {@code video.save(name, [description], [is_private])} (F-ATT-02): {@code video_save_result} with the address to
     * post the file to and the video's id, fixed now; {@code description} and the other parameters are accepted
     * and ignored, every video is private to messages [choice].
     */
    private JsonNode saveVideo(UserId caller, VkParams params) {
        String name = params.string("name").orElse("");
        Map.Entry<String, Attachment.Video> opened = engine.attachments().openVideoUpload(caller, name);
        ObjectNode json = JsonNodes.object();
        json.put("upload_url", baseUri + UPLOAD_PATH + opened.getKey());
        json.put("video_id", opened.getValue().id().id());
        json.put("owner_id", opened.getValue().id().ownerId());
        json.put("title", opened.getValue().title());
        json.put("description", params.string("description").orElse(""));
        return json;
    }

    /**
     * {@code polls.create(question, [is_anonymous], add_answers)} (F-ATT-04): {@code add_answers} is a JSON array
     * of strings; {@code is_multiple} must be 0 [choice: polls are single-choice]; the answer above.
     */
    private JsonNode createPoll(UserId caller, VkParams params) {
        if (params.intOr("is_multiple", 0) != 0) {
            throw VkParams.invalid("is_multiple", "is not supported: polls are single-choice");
        }
        java.util.List<String> answers = answers(params);
        Attachment.Poll poll = engine.attachments().createPoll(caller, params.string("question").orElse(""), answers,
                params.intOr("is_anonymous", 0) != 0);
        return pollJson(engine.attachments().pollResults(caller, poll.id()), caller, engine.clock().instant());
    }

    /** {@code add_answers}: a JSON array of strings; none when not given. */
    static java.util.List<String> answers(VkParams params) {
        java.util.List<String> answers = new java.util.ArrayList<>();
        String raw = params.string("add_answers").orElse("[]");
        try {
            JsonNode array = JsonNodes.MAPPER.readTree(raw);
            if (array == null || !array.isArray()) {
                throw new IOException("not an array");
            }
            for (JsonNode answer : array) {
                if (!answer.isTextual()) {
                    throw new IOException("not a string");
                }
                answers.add(answer.asText());
            }
        } catch (IOException e) {
            throw VkParams.invalid("add_answers", "is not a JSON array of strings");
        }
        return answers;
    }

    /** The poll of {@code owner_id} (the caller's when not given) and {@code poll_id}. */
    static MediaId pollId(UserId caller, VkParams params) {
        long owner = params.string("owner_id").isPresent() ? params.requiredLong("owner_id") : caller.value();
        return new MediaId(owner, params.requiredLong("poll_id"));
    }

    /** {@code polls.addVote(owner_id, poll_id, answer_ids)}: answer ids are 1, 2, … within a poll [choice]. */
    private JsonNode addVote(UserId caller, VkParams params) {
        java.util.List<Integer> indexes = new java.util.ArrayList<>();
        for (String id : params.string("answer_ids").orElse("").split(",")) {
            try {
                indexes.add(AsciiNumbers.parseInt(id.trim()) - 1);
            } catch (NumberFormatException e) {
                throw VkParams.invalid("answer_ids", "must be answer ids");
            }
        }
        engine.attachments().vote(caller, pollId(caller, params), indexes);
        return com.fasterxml.jackson.databind.node.IntNode.valueOf(1);
    }

    /** {@code polls.getById(owner_id, poll_id)}: {@code polls_poll} with the caller's {@code answer_ids}. */
    private JsonNode getPoll(UserId caller, VkParams params) {
        return pollJson(engine.attachments().pollResults(caller, pollId(caller, params)), caller, engine.clock().instant());
    }

    /**
     * {@code polls.getVoters(owner_id, poll_id, answer_ids, [fields])}: {@code [{answer_id, users: {count, items}}]},
     * the items user ids, or with {@code fields} user objects ({@link UserJson}); refused with 15 for an anonymous
     * poll, as VK.
     */
    private JsonNode getVoters(UserId caller, VkParams params) {
        org.sferum.sdk.attachments.PollResults results = engine.attachments().pollResults(caller, pollId(caller, params));
        if (results.anonymous()) {
            throw new org.sferum.sdk.error.PermissionDeniedException(org.sferum.sdk.error.ErrorCode.PERMISSION_DENIED,
                    "the poll is anonymous: its voters are hidden");
        }
        boolean withFields = params.string("fields").isPresent();
        java.util.Set<String> fields = UserJson.fields(params);
        ArrayNode out = JsonNodes.array();
        for (String id : params.string("answer_ids").orElse("").split(",")) {
            int index;
            try {
                index = AsciiNumbers.parseInt(id.trim()) - 1;
            } catch (NumberFormatException e) {
                throw VkParams.invalid("answer_ids", "must be answer ids");
            }
            if (index < 0 || index >= results.voters().size()) {
                throw VkParams.invalid("answer_ids", "has an id this poll does not have");
            }
            ObjectNode answer = out.addObject();
            answer.put("answer_id", index + 1);
            ObjectNode users = answer.putObject("users");
            users.put("count", results.voters().get(index).size());
            ArrayNode items = users.putArray("items");
            for (UserId voter : results.voters().get(index)) {
                if (withFields) {
                    items.add(this.users.user(voter, fields));
                } else {
                    items.add(voter.value());
                }
            }
        }
        return out;
    }

    /** Renders a poll's results as {@code polls_poll} for one reader. */
    static ObjectNode pollJson(org.sferum.sdk.attachments.PollResults results, UserId reader, Instant date) {
        ObjectNode json = pollJson(results.poll(), date);
        json.put("anonymous", results.anonymous());
        json.put("votes", results.totalVoters());
        json.put("can_vote", results.myAnswers().isEmpty());
        ArrayNode answers = (ArrayNode) json.get("answers");
        for (int i = 0; i < answers.size(); i++) {
            int votes = results.votes().get(i);
            ObjectNode answer = (ObjectNode) answers.get(i);
            answer.put("votes", votes);
            answer.put("rate", results.totalVoters() == 0 ? 0.0 : 100.0 * votes / results.totalVoters());
        }
        ArrayNode mine = json.putArray("answer_ids");
        results.myAnswers().forEach(index -> mine.add(index + 1));
        return json;
    }

    /**
     * Renders a poll as {@code polls_poll} without results (0 votes) [choice: a message carries the poll; its
     * results are read with {@code polls.getById}].
     */
    static ObjectNode pollJson(Attachment.Poll poll, Instant date) {
        ObjectNode json = JsonNodes.object();
        json.put("id", poll.id().id());
        json.put("owner_id", poll.id().ownerId());
        json.put("author_id", poll.id().ownerId());
        json.put("created", date.getEpochSecond());
        json.put("question", poll.question());
        json.put("votes", 0);
        ArrayNode answers = json.putArray("answers");
        for (int i = 0; i < poll.answers().size(); i++) {
            ObjectNode answer = answers.addObject();
            answer.put("id", i + 1);
            answer.put("rate", 0.0);
            answer.put("text", poll.answers().get(i));
            answer.put("votes", 0);
        }
        json.put("multiple", false);
        json.put("end_date", 0);
        json.put("closed", false);
        json.put("is_board", false);
        json.put("can_edit", false);
        json.put("can_vote", true);
        json.put("can_report", false);
        json.put("can_share", false);
        json.put("disable_unvote", true);
        return json;
    }

    /** {@code photos.saveMessagesPhoto(photo, server, hash)}: an array of one {@code photos_photo}. */
    private JsonNode savePhoto(UserId caller, VkParams params) {
        String photo = params.string("photo").orElseThrow(() -> VkParams.invalid("photo", "is required"));
        String hash = params.string("hash").orElseThrow(() -> VkParams.invalid("hash", "is required"));
        if (!hash.equals(hash(photo))) {
            throw VkParams.invalid("hash", "does not match the upload");
        }
        Attachment saved = engine.attachments().saveUpload(caller, photo, UploadKind.PHOTO, Optional.empty());
        ArrayNode out = JsonNodes.array();
        out.add(photoJson((Attachment.Photo) saved, engine.clock().instant()));
        return out;
    }

    /** {@code docs.save(file, [title])}: {@code {"type": "doc", "doc": docs_doc}}. */
    private JsonNode saveDoc(UserId caller, VkParams params) {
        String file = params.string("file").orElseThrow(() -> VkParams.invalid("file", "is required"));
        Optional<String> title = params.string("title");
        if (title.isPresent() && title.get().length() > 255) {
            throw VkParams.invalid("title", "is longer than 255 characters");
        }
        Attachment saved = engine.attachments().saveUpload(caller, file, UploadKind.FILE, title);
        ObjectNode json = JsonNodes.object();
        json.put("type", "doc");
        json.set("doc", docJson((Attachment.File) saved, engine.clock().instant()));
        return json;
    }

    /**
     * {@code messages.getHistoryAttachments(peer_id, [attachment_types | media_type], [start_from], [count])}
     * (F-ATT-05): the attachments of the messages the caller sees, newest message first, in their order within a
     * message; {@code attachment_types} (comma-joined) wins over {@code media_type} (default {@code photo}), as VK.
     * {@code start_from} / {@code next_from} are {@code <message_id>_<position>} of the next item [choice]; count
     * 1–200, default 30.
     */
    private JsonNode historyAttachments(UserId caller, VkParams params) {
        long peerId = params.requiredLong("peer_id");
        org.sferum.sdk.chats.ChatId chat = VkParams.value("peer_id", () -> org.sferum.sdk.chats.ChatId.of(peerId));
        java.util.Set<String> types = new java.util.HashSet<>();
        params.string("attachment_types").ifPresentOrElse(
                list -> types.addAll(java.util.Arrays.asList(list.split(","))),
                () -> types.add(params.string("media_type").orElse("photo")));
        int count = params.intOr("count", 30);
        if (count < 1 || count > 200) {
            throw new ValidationException(org.sferum.sdk.error.ErrorCode.INVALID_PAGE_REQUEST,
                    "count must be 1 to 200, got " + count);
        }
        long startMessage = Long.MAX_VALUE;
        int startPosition = 0;
        Optional<String> startFrom = params.string("start_from").filter(v -> !v.isEmpty());
        if (startFrom.isPresent()) {
            String[] parts = startFrom.get().split("_");
            try {
                startMessage = AsciiNumbers.parseLong(parts[0]);
                startPosition = AsciiNumbers.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw VkParams.invalid("start_from", "is not a next_from of this method");
            }
        }
        ObjectNode json = JsonNodes.object();
        ArrayNode items = json.putArray("items");
        for (org.sferum.sdk.messages.Message message : engine.attachments().messagesWithAttachments(caller, chat)) {
            long id = message.id().value();
            for (int position = 0; position < message.attachments().size(); position++) {
                ObjectNode attachment = attachmentJson(message.attachments().get(position), message.sentAt());
                if (!types.contains(attachment.get("type").asText())
                        || id > startMessage || (id == startMessage && position < startPosition)) {
                    continue;
                }
                if (items.size() == count) {
                    json.put("next_from", id + "_" + position);
                    return json;
                }
                ObjectNode item = items.addObject();
                item.set("attachment", attachment);
                item.put("date", message.sentAt().getEpochSecond());
                item.put("message_id", id);
                item.put("cmid", message.conversationMessageId());
                item.put("from_id", message.author().value());
                item.put("position", position);
            }
        }
        return json;
    }

    /**
     * Renders a photo as the schema's {@code photos_photo}: one size, {@code base}, of unknown pixels (0)
     * [choice: the emulator does not decode images].
     *
     * @param photo the photo
     * @param date when it was saved or sent
     * @return the object
     */
    static ObjectNode photoJson(Attachment.Photo photo, Instant date) {
        ObjectNode json = JsonNodes.object();
        json.put("id", photo.id().id());
        json.put("owner_id", photo.id().ownerId());
        json.put("album_id", MESSAGE_ALBUM);
        json.put("date", date.getEpochSecond());
        json.put("has_tags", false);
        ObjectNode size = json.putArray("sizes").addObject();
        size.put("type", "base");
        size.put("url", photo.url());
        size.put("width", 0);
        size.put("height", 0);
        return json;
    }

    /**
     * Renders a file as the schema's {@code docs_doc}, without a {@code url} [choice: the SDK's file has none].
     *
     * @param file the file
     * @param date when it was saved or sent
     * @return the object
     */
    static ObjectNode docJson(Attachment.File file, Instant date) {
        ObjectNode json = JsonNodes.object();
        json.put("id", file.id().id());
        json.put("owner_id", file.id().ownerId());
        json.put("title", file.name());
        json.put("size", file.size());
        int dot = file.name().lastIndexOf('.');
        String ext = dot < 0 ? "" : file.name().substring(dot + 1).toLowerCase(Locale.ROOT);
        json.put("ext", ext);
        json.put("date", date.getEpochSecond());
        json.put("type", docType(ext));
        return json;
    }

    /** VK's document types: 1 text, 2 archive, 4 image, 8 unknown [choice: by extension]. */
    private static int docType(String ext) {
        return switch (ext) {
            case "txt", "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ppt", "pptx" -> 1;
            case "zip", "rar", "7z", "tar", "gz" -> 2;
            case "jpg", "jpeg", "png", "gif", "bmp", "webp" -> 4;
            default -> 8;
        };
    }

    /**
     * Renders an attachment as the schema's {@code messages_message_attachment}.
     *
     * @param attachment a photo or a file
     * @param date the message's date
     * @return the object
     */
    static ObjectNode attachmentJson(Attachment attachment, Instant date) {
        ObjectNode json = JsonNodes.object();
        if (attachment instanceof Attachment.Photo photo) {
            json.put("type", "photo");
            json.set("photo", photoJson(photo, date));
        } else if (attachment instanceof Attachment.File file) {
            json.put("type", "doc");
            json.set("doc", docJson(file, date));
        } else if (attachment instanceof Attachment.Poll poll) {
            json.put("type", "poll");
            json.set("poll", pollJson(poll, date));
        } else if (attachment instanceof Attachment.Video video) {
            json.put("type", "video");
            ObjectNode body = json.putObject("video");
            body.put("id", video.id().id());
            body.put("owner_id", video.id().ownerId());
            body.put("title", video.title());
            body.put("date", date.getEpochSecond());
            body.put("duration", 0);
        } else {
            throw new IllegalStateException("the engine holds no " + attachment.getClass().getSimpleName());
        }
        return json;
    }

    /**
     * Reads {@code messages.send}'s {@code attachment}: comma-joined {@code photo<owner>_<id>} and
     * {@code doc<owner>_<id>}, an {@code _<access_key>} after them ignored [choice].
     *
     * @param value the parameter
     * @return the attachments as the engine looks them up (by kind and id)
     */
    static java.util.List<Attachment> parse(String value) {
        java.util.List<Attachment> out = new java.util.ArrayList<>();
        for (String piece : value.split(",")) {
            String item = piece.trim();
            if (item.isEmpty()) {
                continue;
            }
            String type = item.replaceAll("^([a-z]+).*$", "$1");
            String[] ids = item.substring(type.length()).split("_");
            MediaId id;
            try {
                id = new MediaId(AsciiNumbers.parseLong(ids[0]), AsciiNumbers.parseLong(ids[1]));
            } catch (RuntimeException e) {
                throw VkParams.invalid("attachment", "has an item that is not <type><owner_id>_<media_id>");
            }
            out.add(switch (type) {
                case "photo" -> new Attachment.Photo(id, "");
                case "doc" -> new Attachment.File(id, "", 0);
                case "video" -> new Attachment.Video(id, "");
                case "poll" -> new Attachment.Poll(id, "", java.util.List.of());
                default -> throw VkParams.invalid("attachment", "has an unsupported type " + type);
            });
        }
        return out;
    }

    /**
     * The hash {@code photos.saveMessagesPhoto} must be given with a {@code photo}: SHA-256 of it, in hex
     * [choice: VK's is opaque].
     */
    static String hash(String photo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(photo.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves {@link #UPLOAD_PATH}: a multipart POST, field {@code photo} or {@code file} as the ticket's kind.
     * Photos answer {@code {"server", "photo", "hash"}}, files {@code {"file"}} (VK's upload answers); a failure
     * answers {@code {"error": {"error_code": 100, …}}}.
     *
     * @param exchange the request
     * @throws IOException if the connection fails
     */
    void upload(EmulatorExchange exchange) throws IOException {
        try (exchange) {
            String ticket = exchange.getRequestURI().getPath().substring(UPLOAD_PATH.length());
            Optional<UploadKind> kind = engine.attachments().uploadKind(ticket);
            if (!"POST".equals(exchange.getRequestMethod()) || kind.isEmpty()) {
                HttpJson.send(exchange, 200, uploadError("the upload address is unknown or expired, or the method"
                        + " is not POST"));
                return;
            }
            String field = switch (kind.get()) {
                case PHOTO -> "photo";
                case FILE -> "file";
                case VIDEO, POLL -> "video_file";
            };
            Optional<String> boundary = Multipart.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (boundary.isEmpty()) {
                HttpJson.send(exchange, 200, uploadError("send the file as multipart/form-data in the field " + field));
                return;
            }
            ObjectNode json = JsonNodes.object();
            String key;
            try (InputStream body = exchange.getRequestBody()) {
                MultipartStream parts = new MultipartStream(body, boundary.get());
                Optional<MultipartStream.Part> part = parts.next();
                while (part.isPresent() && !field.equals(part.get().name())) {
                    part = parts.next();
                }
                if (part.isEmpty()) {
                    HttpJson.send(exchange, 200, uploadError("no multipart/form-data field " + field));
                    return;
                }
                String fileName = part.get().fileName() == null || part.get().fileName().isEmpty() ? "file"
                        : part.get().fileName();
                if (kind.get() == UploadKind.VIDEO) {
                    long[] size = {0};
                    InputStream counted = new java.io.FilterInputStream(parts.content()) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            size[0] += Math.max(n, 0);
                            return n;
                        }
                    };
                    Attachment.Video video = engine.attachments().receiveVideo(ticket, counted);
                    json.put("video_hash", hash(ticket).substring(0, 16));
                    json.put("size", size[0]);
                    json.put("owner_id", video.id().ownerId());
                    json.put("video_id", video.id().id());
                    HttpJson.send(exchange, 200, json);
                    return;
                }
                key = engine.attachments().receiveUpload(ticket, fileName, parts.content());
            } catch (ValidationException e) {
                HttpJson.send(exchange, 200, uploadError(e.getMessage()));
                return;
            } catch (MultipartStream.Malformed e) {
                HttpJson.send(exchange, 200, uploadError(e.getMessage()));
                return;
            }
            if (kind.get() == UploadKind.PHOTO) {
                json.put("server", 1);
                json.put("photo", key);
                json.put("hash", hash(key));
            } else {
                json.put("file", key);
            }
            HttpJson.send(exchange, 200, json);
        }
    }

    /**
     * Serves {@link #CONTENT_PATH}: GET of an attached photo or file; 404 for any other.
     *
     * @param exchange the request
     * @throws IOException if the connection fails
     */
    void serve(EmulatorExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring(CONTENT_PATH.length());
            Optional<StoredContent> content = "GET".equals(exchange.getRequestMethod())
                    ? engine.attachments().attachmentStream(key) : Optional.empty();
            if (content.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = content.get().content()) {
                byte[] head = in.readNBytes(8);
                exchange.getResponseHeaders().set("Content-Type", contentType(head));
                exchange.sendResponseHeaders(200, content.get().size());
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(head);
                    in.transferTo(out);
                }
            }
        }
    }

    private static String contentType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P') {
            return "image/png";
        }
        if (bytes.length >= 4 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
            return "image/gif";
        }
        return "application/octet-stream";
    }

    private static ObjectNode uploadError(String message) {
        ObjectNode json = JsonNodes.object();
        ObjectNode error = json.putObject("error");
        error.put("error_code", 100);
        error.put("error_msg", "One of the parameters specified was missing or invalid: " + message);
        error.putArray("request_params");
        return json;
    }
}
