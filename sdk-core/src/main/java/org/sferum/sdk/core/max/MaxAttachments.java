package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.attachments.PollResults;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;

/**
 * A bot's attachments over the MAX Bot API ({@code ATTACHMENTS}): the three-step upload, {@code POST /uploads?type=}
 * for an address, the bytes posted there resumably in {@link #CHUNK}-byte {@code Content-Range} chunks (a chunk
 * whose connection is lost goes on from the byte the address says it has, after the client's backoff, never from
 * the start), then the returned token carried by a message ({@link MaxMessages#send}; "attachment.not.ready" is
 * retried by {@link MaxApi}). The bot token is never sent to the upload address. {@link #ofChat} reads the chat's
 * history. Polls are refused: MAX has none ({@code POLLS} is not among the backend's capabilities).
 */
final class MaxAttachments implements Attachments {
    /** The size of one upload chunk [choice: 1 MiB]. */
    static final int CHUNK = 1 << 20;

    private final MaxApi api;
    private final AccessToken token;
    private final MaxIds ids;
    private final Messages messages;
    private final LongSupplier self;

    MaxAttachments(MaxApi api, AccessToken token, MaxIds ids, Messages messages, LongSupplier self) {
        this.api = api;
        this.token = token;
        this.ids = ids;
        this.messages = messages;
        this.self = self;
    }

    @Override
    public Attachment.Photo uploadPhoto(String fileName, InputStream content) {
        Upload done = upload("image", fileName, content);
        JsonNode photo = done.answer().path("photos").elements().hasNext()
                ? done.answer().path("photos").elements().next() : done.answer();
        return new Attachment.Photo(ids.media(self.getAsLong(), "image", token(photo)), "");
    }

    @Override
    public Attachment.Video uploadVideo(String title, InputStream content) {
        Checks.notNull(title, "title");
        Upload done = upload("video", title, content);
        String videoToken = done.endpointToken().isEmpty() ? token(done.answer()) : done.endpointToken();
        return new Attachment.Video(ids.media(self.getAsLong(), "video", videoToken), title);
    }

    @Override
    public Attachment.File uploadFile(String fileName, InputStream content) {
        Upload done = upload("file", fileName, content);
        return new Attachment.File(ids.media(self.getAsLong(), "file", token(done.answer())), fileName, done.size());
    }

    @Override
    public Attachment.Poll createPoll(String question, List<String> answers, boolean anonymous) {
        throw MaxRefusals.refusal("Attachments.createPoll");
    }

    @Override
    public void vote(MediaId poll, List<Integer> answerIndexes) {
        throw MaxRefusals.refusal("Attachments.vote");
    }

    @Override
    public PollResults poll(MediaId poll) {
        throw MaxRefusals.refusal("Attachments.poll");
    }

    /**
     * The attachments of a page of the chat's messages, newest first: a page may hold fewer items than asked (a
     * message without attachments adds none); the cursor is the history's.
     */
    @Override
    public Page<Attachment> ofChat(ChatId chat, PageRequest page) {
        Checks.notNull(page, "page");
        Page<Message> history = messages.history(chat, new HistoryQuery(HistoryOrder.NEWEST_FIRST, page));
        List<Attachment> items = new ArrayList<>();
        history.items().forEach(m -> items.addAll(m.attachments()));
        return new Page<>(items, history.nextCursor(), java.util.OptionalLong.empty());
    }

    private static String token(JsonNode answer) {
        if (!answer.path("token").isTextual()) {
            throw MaxDecoder.malformed("an upload's answer without token");
        }
        return answer.path("token").asText();
    }

    /** A finished upload: the last chunk's answer, the token {@code POST /uploads} gave (video, audio), the size. */
    private record Upload(JsonNode answer, String endpointToken, long size) {
    }

    private Upload upload(String type, String fileName, InputStream content) {
        Checks.notNull(fileName, "file name");
        Checks.notNull(content, "content");
        Checks.require(!fileName.isBlank() && fileName.length() <= 255, ErrorCode.INVALID_ARGUMENT,
                "the file name must be 1 to 255 characters");
        Map<String, String> query = MaxApi.query();
        query.put("type", type);
        JsonNode endpoint = api.call(token, "POST", "/uploads", query, null, Duration.ZERO);
        if (!endpoint.path("url").isTextual()) {
            throw MaxDecoder.malformed("POST /uploads without url");
        }
        URI address = URI.create(endpoint.path("url").asText());
        String endpointToken = endpoint.path("token").isTextual() ? endpoint.path("token").asText() : "";
        try {
            byte[] current = content.readNBytes(CHUNK);
            Checks.require(current.length > 0, ErrorCode.INVALID_ARGUMENT, "the file is empty");
            long offset = 0;
            while (true) {
                byte[] next = content.readNBytes(CHUNK);
                long total = next.length == 0 ? offset + current.length : -1;
                JsonNode answer = chunk(address, fileName, current, offset, total);
                offset += current.length;
                if (next.length == 0) {
                    return new Upload(answer, endpointToken, offset);
                }
                current = next;
            }
        } catch (IOException e) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the content could not be read: "
                    + e.getMessage());
        }
    }

    /** Sends one chunk, going on from where the address says it is after a lost connection or a 416. */
    private JsonNode chunk(URI address, String fileName, byte[] bytes, long offset, long total) {
        int from = 0;
        for (int attempt = 1; ; attempt++) {
            Map<String, List<String>> headers = TransportRequest.newHeaders();
            TransportRequest.addHeader(headers, "Content-Type", "application/octet-stream");
            TransportRequest.addHeader(headers, "Content-Range", "bytes " + (offset + from) + "-"
                    + (offset + bytes.length - 1) + "/" + (total < 0 ? "*" : Long.toString(total)));
            TransportRequest.addHeader(headers, "Content-Disposition", "attachment; filename*=UTF-8''"
                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
            TransportResponse response;
            try {
                response = api.upload("POST", address, headers, Arrays.copyOfRange(bytes, from, bytes.length));
            } catch (IOException e) {
                if (!api.backoff(attempt)) {
                    throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "the upload was cut " + attempt
                            + " times; upload the file again", null, null, e);
                }
                from = resumeAt(address, offset, bytes.length);
                continue;
            }
            int status = response.status();
            if (status == 200) {
                return MaxApi.answer("POST", "/upload", response);
            }
            if ((status == 416 || status == 429 || status == 503) && api.backoff(attempt)) {
                from = status == 416 ? resumeAt(address, offset, bytes.length) : from;
                continue;
            }
            throw MaxApi.error("POST", "/upload", status, response.body());
        }
    }

    /** Asks the address how many bytes it has ({@code GET}: {@code received}), as an index into the chunk. */
    private int resumeAt(URI address, long offset, int length) {
        TransportResponse status;
        try {
            status = api.upload("GET", address, TransportRequest.newHeaders(), new byte[0]);
        } catch (IOException e) {
            return 0; // the chunk is sent again from its start; the address refuses it with 416 if it has more
        }
        long received;
        try {
            received = Json.parse(status.body()).path("received").asLong(-1);
        } catch (IOException e) {
            received = -1;
        }
        if (status.status() != 200 || received < offset || received > offset + length) {
            throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "the upload address lost what was sent (it has "
                    + received + " bytes, " + offset + " were confirmed); upload the file again", status.status(),
                    null, null);
        }
        return (int) (received - offset);
    }
}
