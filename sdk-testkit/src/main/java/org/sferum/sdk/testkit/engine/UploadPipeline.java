package org.sferum.sdk.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * The one upload pipeline of the platform, used by message photos (F-ATT-01), videos (F-ATT-02), files (F-ATT-03)
 * and chat avatars (F-CHAT-06): an address (ticket) is given to one user, the bytes posted to it are checked and kept
 * as an upload of that user, and the upload is used once, by that user. Every method runs under the engine's lock.
 *
 * <ul>
 *   <li><b>Expiry</b>: a ticket and an upload not yet used are valid {@link #LIFETIME} on the engine's clock from when
 *       they were given [choice: 1 h; VK publishes no figure], then forgotten, with their bytes; what expired is
 *       purged at every call, so nothing piles up, and is then refused as unknown.</li>
 *   <li><b>Ownership</b>: an upload is used by the user its ticket was given to, once, for what the ticket was for
 *       (a message photo, a file, a video, one chat's avatar).</li>
 *   <li><b>Size and type</b> ({@link #check}): a photo is JPEG, PNG or GIF (told by its first bytes), 1 byte to
 *       {@link #MAX_PHOTO_BYTES} [choice: VK's public 50 MB; pixel sizes are not checked]; a file is 1 byte to
 *       {@link #MAX_FILE_BYTES} [choice: VK's public 200 MB], any type but MP3 and executables [choice: told by the
 *       name's extension, after {@link #normalizedName} (trailing dots and spaces, NUL, alternate data streams), and by
 *       the first bytes whatever the name: {@code MZ}, ELF, {@code ID3}, a {@code #!} script]; a video is AVI, MP4, 3GP, MPEG, MOV,
 *       FLV or WMV, 1 byte to {@link #MAX_VIDEO_BYTES}. A chat avatar's bytes are checked when it is set, by
 *       sdk-api's {@code ChatPhoto} (JPEG or PNG, at most 5 MB), as the fake's callers check it.</li>
 *   <li><b>Bytes</b> live in the {@link BlobStore}, under the upload's key, and are removed with their upload.</li>
 * </ul>
 */
final class UploadPipeline {
    /** How long a ticket and an unused upload stay valid, on the engine's clock [choice: 1 h]. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** The largest photo: VK's public 50 MB. */
    static final int MAX_PHOTO_BYTES = 50 * 1024 * 1024;
    /** The largest file: VK's public 200 MB. */
    static final int MAX_FILE_BYTES = 200 * 1024 * 1024;
    /** The largest video [choice: 1 GB; VK's public limit is larger]. */
    static final int MAX_VIDEO_BYTES = 1024 * 1024 * 1024;

    private static final Set<String> REFUSED_EXTENSIONS = Set.of("mp3", "exe", "msi", "bat", "cmd", "com", "scr",
            "dll", "apk", "jar", "sh", "ps1", "vbs");
    private static final byte[][] PHOTO_MAGIC = {
        {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {'G', 'I', 'F', '8'}};
    /** VK's video formats told by their first bytes: AVI (RIFF), MPEG, FLV, WMV (ASF); MP4, MOV, 3GP below. */
    private static final byte[][] VIDEO_MAGIC = {{'R', 'I', 'F', 'F'}, {0, 0, 1, (byte) 0xBA}, {0, 0, 1, (byte) 0xB3},
        {'F', 'L', 'V'}, {0x30, 0x26, (byte) 0xB2, 0x75}};
    private static final byte[][] REFUSED_MAGIC = {{'M', 'Z'}, {0x7F, 'E', 'L', 'F'}, {'I', 'D', '3'}, {'#', '!'}};
    private static final String UNKNOWN_TICKET = "the upload address is unknown or expired; ask for a new one";

    /** How many first bytes of a streamed upload are read back for the type checks. */
    static final int HEAD_BYTES = 16;

    private final Supplier<String> secrets;
    private final BlobStore blobs;
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<String, Upload> uploads = new HashMap<>();

    UploadPipeline(Supplier<String> secrets, BlobStore blobs) {
        this.secrets = secrets;
        this.blobs = blobs;
    }

    /** The store of the bytes. */
    BlobStore blobs() {
        return blobs;
    }

    /** Gives a ticket for a message photo or file. */
    String open(UserId user, UploadKind kind, Instant now) {
        if (kind != UploadKind.PHOTO && kind != UploadKind.FILE) {
            throw new IllegalArgumentException("a " + kind + " is not uploaded through a plain ticket");
        }
        return put(new Ticket(user, kind, null, now.plus(LIFETIME), "", null), now);
    }

    /** Gives a video ticket, which carries the video's title and reserved id. */
    String openVideo(UserId user, String title, MediaId videoId, Instant now) {
        return put(new Ticket(user, UploadKind.VIDEO, null, now.plus(LIFETIME), title, videoId), now);
    }

    /** Gives a ticket for a chat's avatar; the caller has checked that the user is a member. */
    String openChatPhoto(UserId user, ChatId chat, Instant now) {
        return put(new Ticket(user, UploadKind.PHOTO, chat, now.plus(LIFETIME), "", null), now);
    }

    private String put(Ticket ticket, Instant now) {
        purge(now);
        String secret = secrets.get();
        tickets.put(secret, ticket);
        return secret;
    }

    /** What a live message ticket accepts; empty for an unknown, expired or chat avatar ticket. */
    Optional<UploadKind> messageTicketKind(String ticket, Instant now) {
        return live(ticket, now).filter(t -> t.chat == null).map(Ticket::kind);
    }

    /** Whether a chat avatar ticket is live. */
    boolean chatPhotoTicket(String ticket, Instant now) {
        return live(ticket, now).filter(t -> t.chat != null).isPresent();
    }

    private Optional<Ticket> live(String ticket, Instant now) {
        purge(now);
        return Optional.ofNullable(tickets.get(ticket));
    }

    /** Takes a video ticket with the video's bytes, checked: the ticket is used once. */
    Ticket takeVideo(String ticket, byte[] content, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        if (t == null || t.kind != UploadKind.VIDEO) {
            throw invalid(UNKNOWN_TICKET);
        }
        check(UploadKind.VIDEO, t.title, content);
        tickets.remove(ticket);
        return t;
    }

    /** The most bytes a ticket's kind accepts. */
    static long maxBytes(UploadKind kind) {
        return switch (kind) {
            case PHOTO -> MAX_PHOTO_BYTES;
            case FILE -> MAX_FILE_BYTES;
            case VIDEO, POLL -> MAX_VIDEO_BYTES;
        };
    }

    /**
     * Checks a message ticket before its bytes are streamed in, and names the blob key they go to: a photo or file
     * ticket when {@code video} is false, a video ticket when true.
     */
    Staged stage(String ticket, boolean video, Instant now) {
        Ticket t = live(ticket, now).filter(x -> x.chat == null && (x.kind == UploadKind.VIDEO) == video)
                .orElseThrow(() -> invalid(UNKNOWN_TICKET));
        return new Staged(secrets.get(), t.kind);
    }

    /**
     * Streams a staged upload's bytes into the store, without the engine's lock (the store is thread-safe).
     *
     * @return the size, or {@link #maxBytes} + 1 when the stream was larger (nothing kept)
     */
    long stream(Staged staged, InputStream content) throws IOException {
        long size = blobs.put(staged.blobKey(), content, maxBytes(staged.kind()));
        return size < 0 ? maxBytes(staged.kind()) + 1 : size;
    }

    /**
     * Receives a message photo or file that {@link #stream} put in the store, checked by its size and first bytes;
     * on refusal its bytes are removed. Answers the upload's key.
     */
    String receiveStored(String ticket, String fileName, String blobKey, long size, Instant now) {
        try {
            purge(now);
            Ticket t = tickets.get(ticket);
            if (t == null || t.kind == UploadKind.VIDEO || t.chat != null) {
                throw invalid(UNKNOWN_TICKET);
            }
            check(t.kind, fileName, size, head(blobKey));
            uploads.put(blobKey, new Upload(t.user, t.kind, t.chat, fileName, blobKey, (int) size,
                    now.plus(LIFETIME)));
            return blobKey;
        } catch (RuntimeException e) {
            blobs.remove(blobKey);
            throw e;
        }
    }

    /** Takes a video ticket whose bytes {@link #stream} put in the store, checked; on refusal they are removed. */
    Ticket takeStoredVideo(String ticket, String blobKey, long size, Instant now) {
        try {
            purge(now);
            Ticket t = tickets.get(ticket);
            if (t == null || t.kind != UploadKind.VIDEO) {
                throw invalid(UNKNOWN_TICKET);
            }
            check(UploadKind.VIDEO, t.title, size, head(blobKey));
            tickets.remove(ticket);
            return t;
        } catch (RuntimeException e) {
            blobs.remove(blobKey);
            throw e;
        }
    }

    private byte[] head(String blobKey) {
        return blobs.head(blobKey, HEAD_BYTES).orElse(new byte[0]); // nothing is kept of an oversized stream
    }

    /** Receives a message photo or file posted to its ticket, checked; answers the upload's key. */
    String receive(String ticket, String fileName, byte[] content, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        if (t == null || t.kind == UploadKind.VIDEO || t.chat != null) {
            throw invalid(UNKNOWN_TICKET);
        }
        check(t.kind, fileName, content);
        return keep(t, fileName, content, now);
    }

    /** Receives a chat avatar posted to its ticket; answers the upload's key (the {@code file} string). */
    String receiveChatPhoto(String ticket, String fileName, byte[] content, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        if (t == null || t.chat == null) {
            throw invalid(UNKNOWN_TICKET);
        }
        return keep(t, fileName, content, now);
    }

    private String keep(Ticket ticket, String fileName, byte[] content, Instant now) {
        String key = secrets.get();
        blobs.put(key, content.clone());
        uploads.put(key, new Upload(ticket.user, ticket.kind, ticket.chat, fileName, key, content.length,
                now.plus(LIFETIME)));
        return key;
    }

    /** Takes a message upload of the user, once; its bytes stay in the store under {@link Upload#blobKey}. */
    Upload take(UserId user, String uploadKey, UploadKind kind, Instant now) {
        purge(now);
        Upload upload = uploads.get(uploadKey);
        if (upload == null || !upload.user.equals(user) || upload.kind != kind || upload.chat != null) {
            throw invalid("the upload is not one this user made for a " + kind.name().toLowerCase(Locale.ROOT)
                    + ", or it was saved already, or it expired");
        }
        uploads.remove(uploadKey);
        return upload;
    }

    /** Takes a chat avatar upload of the user, once, with its bytes, which leave the store. */
    ChatPhotoUpload takeChatPhoto(UserId user, String uploadKey, Instant now) {
        purge(now);
        Upload upload = uploads.get(uploadKey);
        if (upload == null || upload.chat == null || !upload.user.equals(user)) {
            throw invalid("file is not a file this user uploaded, or it expired");
        }
        uploads.remove(uploadKey);
        byte[] content = blobs.get(upload.blobKey).orElseThrow();
        blobs.remove(upload.blobKey);
        return new ChatPhotoUpload(upload.chat, upload.fileName, content);
    }

    /** Checks a photo, file or video against the size and type rules. */
    static void check(UploadKind kind, String fileName, byte[] content) {
        check(kind, fileName, content.length, content);
    }

    /**
     * Checks a photo, file or video against the size and type rules, by its size and its first bytes (at least
     * {@link #HEAD_BYTES} of them when it has that many): what a streamed upload is checked by.
     */
    static void check(UploadKind kind, String fileName, long size, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw invalid("the file name must be 1 to 255 characters");
        }
        if (size == 0) {
            throw invalid("the " + kind.name().toLowerCase(Locale.ROOT) + " is empty");
        }
        if (kind == UploadKind.VIDEO) {
            if (size > MAX_VIDEO_BYTES) {
                throw invalid("the video is larger than " + MAX_VIDEO_BYTES + " bytes");
            }
            boolean isoMedia = content.length >= 8 && content[4] == 'f' && content[5] == 't' && content[6] == 'y'
                    && content[7] == 'p';
            if (!isoMedia && Arrays.stream(VIDEO_MAGIC).noneMatch(magic -> startsWith(content, magic))) {
                throw invalid("a video must be AVI, MP4, 3GP, MPEG, MOV, FLV or WMV");
            }
        } else if (kind == UploadKind.PHOTO) {
            if (size > MAX_PHOTO_BYTES) {
                throw invalid("the photo is larger than " + MAX_PHOTO_BYTES + " bytes");
            }
            if (Arrays.stream(PHOTO_MAGIC).noneMatch(magic -> startsWith(content, magic))) {
                throw invalid("a photo must be a JPEG, PNG or GIF image; send other files as files");
            }
        } else {
            if (size > MAX_FILE_BYTES) {
                throw invalid("the file is larger than " + MAX_FILE_BYTES + " bytes");
            }
            String name = normalizedName(fileName);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (REFUSED_EXTENSIONS.contains(ext) || Arrays.stream(REFUSED_MAGIC).anyMatch(m -> startsWith(content, m))) {
                throw invalid("MP3 files and programs cannot be sent as files");
            }
        }
    }

    /**
     * The name a file would get on the disk of whoever downloads it, for the type check (issue 12 item 5): cut at
     * the first NUL ({@code evil.vbs\0.txt} is {@code evil.vbs} to C and Windows APIs), cut at the first colon (an
     * NTFS alternate data stream: {@code evil.ps1::$DATA} opens {@code evil.ps1}), and without the trailing dots
     * and spaces Windows drops ({@code evil.bat.}, {@code evil.bat }, {@code evil.cmd...}).
     *
     * @param fileName the name the upload came with
     * @return the name to decide the type by
     */
    static String normalizedName(String fileName) {
        String name = fileName;
        int nul = name.indexOf('\0');
        if (nul >= 0) {
            name = name.substring(0, nul);
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(0, end);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private void purge(Instant now) {
        tickets.values().removeIf(t -> !now.isBefore(t.expiresAt));
        uploads.values().removeIf(u -> {
            boolean expired = !now.isBefore(u.expiresAt);
            if (expired) {
                blobs.remove(u.blobKey);
            }
            return expired;
        });
    }

    /** How many tickets and unused uploads are held, for messages or for chat avatars: for tests. */
    int held(boolean chatPhotos) {
        return (int) (tickets.values().stream().filter(t -> (t.chat != null) == chatPhotos).count()
                + uploads.values().stream().filter(u -> (u.chat != null) == chatPhotos).count());
    }

    static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * An upload ticket: whose, for what ({@code chat} set for a chat's avatar), until when; a video's also carries its
     * title and reserved id.
     */
    record Ticket(UserId user, UploadKind kind, ChatId chat, Instant expiresAt, String title, MediaId videoId) {
    }

    /** An upload not yet used; its bytes are in the store under {@code blobKey}. */
    record Upload(UserId user, UploadKind kind, ChatId chat, String fileName, String blobKey, int size,
                  Instant expiresAt) {
    }

    /** Where a streamed upload's bytes go before they are checked: a fresh blob key, and what the ticket accepts. */
    record Staged(String blobKey, UploadKind kind) {
    }

    /** A chat avatar upload taken for use: the chat it is for and its bytes. */
    record ChatPhotoUpload(ChatId chat, String fileName, byte[] content) {
    }
}
