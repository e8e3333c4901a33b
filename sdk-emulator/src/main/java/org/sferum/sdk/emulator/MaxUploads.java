package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.emulator.ControlRequest.Refused;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.UploadKind;
import org.sferum.sdk.users.UserId;

/**
 * The MAX face's three-step uploads (F-EMB-08, {@code docs/wire/max.md}): {@code POST /uploads?type=} gives an upload
 * address under {@link #PATH} (an engine ticket, {@code AttachmentService.openUpload}); the bytes posted there, as
 * {@code multipart/form-data} with the field {@code data} or resumably in {@code Content-Range} chunks, go to the
 * engine's one upload pipeline ({@code AttachmentService.receiveUpload}), which checks them and answers the upload's
 * key, the MAX {@code token}; the message then carries {@code {type, payload: {token}}}. This class keeps only what
 * the transport needs: the chunks received so far of an unfinished resumable upload (in a temporary file), and the
 * ranges each upload received, which a {@code GET} of the address answers. The rules (size, type, expiry, who may use
 * the token) are the engine's.
 */
final class MaxUploads {
    /** Where uploads are posted: this, then the engine's ticket. */
    static final String PATH = "/upload/";
    /** How many finished uploads' ranges are remembered for {@code GET} [choice]. */
    private static final int REMEMBERED = 256;
    private static final Pattern ENCODED_NAME = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final PlatformEngine engine;
    /** Unfinished and recently finished uploads by ticket; guarded by this. */
    private final Map<String, Progress> uploads = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            // the eldest of more than REMEMBERED: finished, or abandoned by its client; its bytes go
            boolean drop = size() > REMEMBERED;
            if (drop) {
                synchronized (eldest.getValue()) {
                    eldest.getValue().discard();
                }
            }
            return drop;
        }
    };

    MaxUploads(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * {@code POST /uploads?type=}: an {@code UploadEndpoint} with the address on the host the bot called.
     *
     * @param bot the bot
     * @param type {@code image} or {@code file}
     * @param host the request's {@code Host} header, so that the address goes the way the bot's request came
     * @return the answer
     */
    JsonNode open(UserId bot, String type, String host) {
        UploadKind kind = switch (type) {
            case "image" -> UploadKind.PHOTO;
            case "file" -> UploadKind.FILE;
            case "photo" -> throw new Refused(400, "proto.payload", "type=photo is no longer accepted: use"
                    + " type=image");
            case "video", "audio" -> throw new Refused(400, "proto.payload", "the emulator's MAX face does not"
                    + " take " + type + " uploads yet: send it as type=file (docs/wire/max.md)");
            default -> throw new Refused(400, "proto.payload", "type must be image, video, audio or file, got '"
                    + type + "'");
        };
        String ticket = engine.attachments().openUpload(bot, kind);
        ObjectNode answer = JsonNodes.object();
        answer.put("url", "http://" + host + PATH + ticket);
        return answer;
    }

    /**
     * The upload address: {@code POST} of the bytes (multipart or one resumable chunk), {@code GET} of the status.
     *
     * @param exchange the request
     * @throws IOException if the answer cannot be written
     */
    void handle(EmulatorExchange exchange) throws IOException {
        String ticket = exchange.getRequestURI().getPath().substring(PATH.length());
        try {
            if (exchange.getRequestMethod().equals("GET")) {
                HttpJson.send(exchange, 200, status(ticket));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                throw new Refused(405, "method.not.allowed", "POST the file here, or GET the upload's status");
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            JsonNode answer = type.startsWith("multipart/form-data") ? multipart(exchange, ticket, type)
                    : chunk(exchange, ticket);
            HttpJson.send(exchange, 200, answer);
        } catch (Refused refused) {
            HttpJson.send(exchange, refused.status(), MaxJson.error(refused.code(), refused.getMessage()));
        } catch (SferumException e) {
            HttpJson.send(exchange, 400, MaxJson.error("proto.payload", e.getMessage()));
        }
    }

    private JsonNode multipart(EmulatorExchange exchange, String ticket, String type) throws IOException {
        live(ticket);
        String boundary = Multipart.boundary(type).orElseThrow(() -> new Refused(400, "proto.payload",
                "a multipart upload needs a boundary"));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Multipart.Part part = Multipart.part(body, boundary, "data").orElseThrow(() -> new Refused(400,
                "proto.payload", "a multipart upload carries the file in the field 'data'"));
        Progress progress = progress(ticket, part.content().length, part.fileName());
        synchronized (progress) {
            progress.ranges.add("0-" + (part.content().length - 1));
            return finish(progress, engine.attachments().receiveUpload(ticket, part.fileName(),
                    part.content()));
        }
    }

    /**
     * One resumable chunk: {@code Content-Range: bytes a-b/total} must start where the bytes received end (else 416
     * with the offset to go on from). Bytes that arrived before a connection was cut are kept, so the client resumes
     * from the offset a {@code GET} answers.
     */
    private JsonNode chunk(EmulatorExchange exchange, String ticket) throws IOException {
        live(ticket);
        String header = exchange.getRequestHeaders().getFirst("Content-Range");
        Matcher range = header == null ? null : RANGE.matcher(header.strip());
        if (range == null || !range.matches()) {
            throw new Refused(400, "proto.payload", "a resumable upload needs Content-Range: bytes a-b/total"
                    + " (or send multipart/form-data with the field 'data')");
        }
        long from = Long.parseLong(range.group(1));
        long to = Long.parseLong(range.group(2));
        long total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
        if (to < from || (total >= 0 && to >= total)) {
            throw new Refused(400, "proto.payload", "Content-Range " + header + " is not a range of the file");
        }
        Progress progress = progress(ticket, total, fileName(exchange));
        synchronized (progress) {
            if (total >= 0) {
                if (progress.total >= 0 && progress.total != total) {
                    throw new Refused(400, "proto.payload", "this upload is " + progress.total + " bytes, not "
                            + total);
                }
                progress.total = total;
            }
            if (from != progress.received) {
                if (progress.received > 0) {
                    exchange.getResponseHeaders().set("Range", "bytes=0-" + (progress.received - 1));
                }
                throw new Refused(416, "range.not.satisfiable", "this upload has " + progress.received
                        + " bytes; go on from byte " + progress.received);
            }
            long wanted = to - from + 1;
            long read = 0;
            try (InputStream in = exchange.getRequestBody();
                 OutputStream out = Files.newOutputStream(progress.file(), StandardOpenOption.APPEND)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while (read < wanted && (n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - read))) > 0) {
                    out.write(buffer, 0, n);
                    read += n;
                }
            } finally {
                // what arrived before a cut connection is kept: the client goes on from here
                if (read > 0) {
                    progress.ranges.add(from + "-" + (from + read - 1));
                    progress.received += read;
                }
            }
            if (progress.total < 0 || progress.received < progress.total) {
                return status(progress);
            }
            String key;
            try (InputStream all = Files.newInputStream(progress.file())) {
                key = engine.attachments().receiveUpload(ticket, progress.fileName, all);
            } catch (RuntimeException | IOException refused) {
                progress.finished = true; // the engine refused the file, or it could not be read: nothing is kept
                progress.discard();
                throw refused;
            }
            return finish(progress, key);
        }
    }

    /** The token JSON: {@code {photos: {"1": {token}}}} for an image, {@code {token}} for a file [choice]. */
    private static JsonNode finish(Progress progress, String key) {
        progress.finished = true;
        progress.discard();
        ObjectNode answer = JsonNodes.object();
        if (progress.kind == UploadKind.PHOTO) {
            answer.putObject("photos").putObject("1").put("token", key);
        } else {
            answer.put("token", key);
        }
        return answer;
    }

    private void live(String ticket) {
        synchronized (this) {
            Progress known = uploads.get(ticket);
            if (known != null && known.finished) {
                throw new Refused(400, "proto.payload", "this upload is finished; ask POST /uploads for a new"
                        + " address");
            }
        }
        if (engine.attachments().uploadKind(ticket).isEmpty()) {
            throw new Refused(404, "not.found", "the upload address is unknown or expired; ask POST /uploads for a"
                    + " new one");
        }
    }

    private synchronized Progress progress(String ticket, long total, String fileName) throws IOException {
        Progress known = uploads.get(ticket);
        if (known == null) {
            UploadKind kind = engine.attachments().uploadKind(ticket).orElseThrow(() -> new Refused(404,
                    "not.found", "the upload address is unknown or expired"));
            known = new Progress(kind, total, fileName);
            uploads.put(ticket, known);
        }
        return known;
    }

    private JsonNode status(String ticket) {
        Progress progress;
        synchronized (this) {
            progress = uploads.get(ticket);
        }
        if (progress == null) {
            if (engine.attachments().uploadKind(ticket).isEmpty()) {
                throw new Refused(404, "not.found", "the upload address is unknown or expired");
            }
            ObjectNode empty = JsonNodes.object();
            empty.put("received", 0);
            empty.putNull("total");
            empty.putArray("ranges");
            empty.put("finished", false);
            return empty;
        }
        synchronized (progress) {
            return status(progress);
        }
    }

    /** The status [choice: the schema describes it in words only]: bytes received, of how many, in which ranges. */
    private static ObjectNode status(Progress progress) {
        ObjectNode json = JsonNodes.object();
        json.put("received", progress.received);
        json.put("total", progress.total);
        ArrayNode ranges = json.putArray("ranges");
        progress.ranges.forEach(ranges::add);
        json.put("finished", progress.finished);
        return json;
    }

    private static String fileName(EmulatorExchange exchange) {
        String disposition = exchange.getRequestHeaders().getFirst("Content-Disposition");
        if (disposition == null) {
            return "file";
        }
        Matcher encoded = ENCODED_NAME.matcher(disposition);
        if (encoded.find()) {
            try {
                return java.net.URLDecoder.decode(encoded.group(1).replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "proto.payload", "filename* is not percent-encoded UTF-8");
            }
        }
        String name = Multipart.param("Content-Disposition: " + disposition, "filename");
        return name == null || name.isEmpty() ? "file" : name;
    }

    /** What one upload address received. */
    private static final class Progress {
        private final UploadKind kind;
        /** The file's size; -1 while the chunks say {@code /*}. */
        private long total;
        private final String fileName;
        private final List<String> ranges = new ArrayList<>();
        private long received;
        private boolean finished;
        private Path file;

        Progress(UploadKind kind, long total, String fileName) {
            this.kind = kind;
            this.total = total;
            this.fileName = fileName;
        }

        Path file() throws IOException {
            if (file == null) {
                file = Files.createTempFile("max-upload", ".part");
            }
            return file;
        }

        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file: the system cleans it later
                }
                file = null;
            }
        }
    }
}
