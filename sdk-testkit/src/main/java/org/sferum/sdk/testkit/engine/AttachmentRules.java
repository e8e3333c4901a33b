package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * Every rule of attachments (F-ATT-01 … F-ATT-03, F-ATT-05), in one place: upload tickets and their expiry, what a photo and a
 * file may be, who may attach an uploaded item and how often. Every method runs under the engine's lock.
 *
 * <ul>
 *   <li>A photo is JPEG, PNG or GIF (told by its first bytes), 1 byte to {@link #MAX_PHOTO_BYTES} [choice: VK's
 *       public 50 MB; pixel sizes are not checked, the SDK does not decode images].</li>
 *   <li>A file is 1 byte to {@link #MAX_FILE_BYTES} [choice: VK's public 200 MB], any type but MP3 and executables,
 *       as VK states [choice: told by the name's extension and by the first bytes: {@code MZ}, ELF,
 *       {@code ID3}].</li>
 *   <li>A video is AVI, MP4, 3GP, MPEG, MOV, FLV or WMV (VK's formats but MP3, told by the first bytes), 1 byte to
 *       {@link #MAX_VIDEO_BYTES}, with a title of 1 to 128 characters; its ticket carries the title and the id.</li>
 *   <li>An upload address (ticket) and an upload not yet saved are valid {@link PlatformEngine#UPLOAD_LIFETIME} on
 *       the engine's clock from when they were given, then forgotten; an upload is saved once, by the user the
 *       address was given to.</li>
 *   <li>A saved item is attached by its uploader only, to one message only [choice]; from then on whoever sees the
 *       message sees it, and nobody else.</li>
 * </ul>
 */
final class AttachmentRules {
    /** The largest photo: VK's public 50 MB. */
    static final int MAX_PHOTO_BYTES = 50 * 1024 * 1024;
    /** The largest file: VK's public 200 MB. */
    static final int MAX_FILE_BYTES = 200 * 1024 * 1024;
    /** The largest video [choice: 1 GB, as the emulator holds it in memory; VK's public limit is larger]. */
    static final int MAX_VIDEO_BYTES = 1024 * 1024 * 1024;
    /** The longest poll question [choice]. */
    static final int MAX_QUESTION = 255;
    /** The most answers of a poll, as VK. */
    static final int MAX_ANSWERS = 10;
    /** The longest poll answer [choice]. */
    static final int MAX_ANSWER = 100;
    /** The longest video title: {@code video.save}'s {@code name}, 128 characters. */
    static final int MAX_VIDEO_TITLE = 128;

    private static final Set<String> REFUSED_EXTENSIONS = Set.of("mp3", "exe", "msi", "bat", "cmd", "com", "scr",
            "dll", "apk", "jar", "sh", "ps1", "vbs");
    private static final byte[][] PHOTO_MAGIC = {
        {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {'G', 'I', 'F', '8'}};
    /** VK's video formats told by their first bytes: AVI (RIFF), MPEG, FLV, WMV (ASF); MP4, MOV, 3GP below. */
    private static final byte[][] VIDEO_MAGIC = {{'R', 'I', 'F', 'F'}, {0, 0, 1, (byte) 0xBA}, {0, 0, 1, (byte) 0xB3},
        {'F', 'L', 'V'}, {0x30, 0x26, (byte) 0xB2, 0x75}};
    private static final byte[][] REFUSED_MAGIC = {{'M', 'Z'}, {0x7F, 'E', 'L', 'F'}, {'I', 'D', '3'}};

    private final Supplier<String> secrets;
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<String, Upload> uploads = new HashMap<>();
    /** Saved items by owner and number. */
    private final Map<MediaId, Item> items = new HashMap<>();
    /** Saved items by their secret key (the last part of their address). */
    private final Map<String, Item> itemsByKey = new HashMap<>();
    private long nextId = 1;
    private String urlBase;

    AttachmentRules(Supplier<String> secrets, String urlBase) {
        this.secrets = secrets;
        this.urlBase = urlBase;
    }

    void serveAt(String base) {
        this.urlBase = base;
    }

    /** Gives an upload ticket to a user. */
    String openUpload(UserId user, UploadKind kind, Instant now) {
        if (kind == UploadKind.VIDEO) {
            throw new IllegalArgumentException("a video's ticket comes with its title: openVideo");
        }
        purge(now);
        String ticket = secrets.get();
        tickets.put(ticket, new Ticket(user, kind, now.plus(PlatformEngine.UPLOAD_LIFETIME), "", null));
        return ticket;
    }

    /**
     * Gives a video upload ticket, with the video's title and id reserved now, as VK's {@code video.save} does; the
     * video exists once its bytes arrive within the ticket's life.
     */
    Ticket openVideo(UserId user, String title, Instant now) {
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > MAX_VIDEO_TITLE) {
            throw invalid("a video's title must be 1 to " + MAX_VIDEO_TITLE + " characters");
        }
        purge(now);
        Ticket ticket = new Ticket(user, UploadKind.VIDEO, now.plus(PlatformEngine.UPLOAD_LIFETIME), title.strip(),
                new MediaId(user.value(), nextId++));
        tickets.put(secrets.get(), ticket);
        return ticket;
    }

    /** The secret of a ticket given by {@link #openVideo}. */
    String secretOf(Ticket ticket) {
        return tickets.entrySet().stream().filter(e -> e.getValue() == ticket).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    /** Receives a video's bytes: the ticket is used once, and the video is saved as its uploader's. */
    Attachment receiveVideo(String ticket, byte[] content, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        if (t == null || t.kind != UploadKind.VIDEO) {
            throw invalid("the upload address is unknown or expired; ask for a new one");
        }
        check(UploadKind.VIDEO, t.title, content);
        tickets.remove(ticket);
        Item item = new Item(t.videoId, UploadKind.VIDEO, t.title, content.clone(), secrets.get(), now);
        items.put(item.id, item);
        itemsByKey.put(item.key, item);
        return attachment(item);
    }

    /** The kind a live ticket accepts. */
    Optional<UploadKind> ticketKind(String ticket, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        return t == null ? Optional.empty() : Optional.of(t.kind);
    }

    /** Receives the bytes posted to a ticket's address; answers the upload's key. */
    String receive(String ticket, String fileName, byte[] content, Instant now) {
        purge(now);
        Ticket t = tickets.get(ticket);
        if (t == null || t.kind == UploadKind.VIDEO) {
            throw invalid("the upload address is unknown or expired; ask for a new one");
        }
        check(t.kind, fileName, content);
        String key = secrets.get();
        uploads.put(key, new Upload(t.user, t.kind, fileName, content.clone(), now.plus(PlatformEngine.UPLOAD_LIFETIME)));
        return key;
    }

    /** Saves an upload as an item of its uploader, once. */
    Attachment save(UserId user, String uploadKey, UploadKind kind, Optional<String> title, Instant now) {
        purge(now);
        Upload upload = uploads.get(uploadKey);
        if (upload == null || !upload.user.equals(user) || upload.kind != kind) {
            throw invalid("the upload is not one this user made for a " + kind.name().toLowerCase(Locale.ROOT)
                    + ", or it was saved already, or it expired");
        }
        uploads.remove(uploadKey);
        String name = title.filter(s -> !s.isBlank()).orElse(upload.fileName);
        Item item = new Item(new MediaId(user.value(), nextId++), kind, name, upload.content, secrets.get(), now);
        items.put(item.id, item);
        itemsByKey.put(item.key, item);
        return attachment(item);
    }

    /** Checks and reserves a draft's attachments for a new message of the actor; nothing changes on refusal. */
    List<Attachment> attach(UserId actor, List<Attachment> drafted, long messageId) {
        List<Item> found = new ArrayList<>(drafted.size());
        for (Attachment a : drafted) {
            Item item;
            if (a instanceof Attachment.Photo p) {
                item = own(actor, p.id(), UploadKind.PHOTO);
            } else if (a instanceof Attachment.File f) {
                item = own(actor, f.id(), UploadKind.FILE);
            } else if (a instanceof Attachment.Video v) {
                item = own(actor, v.id(), UploadKind.VIDEO);
            } else if (a instanceof Attachment.Poll p) {
                item = own(actor, p.id(), UploadKind.POLL);
            } else {
                throw invalid("an attachment of an unknown type cannot be sent");
            }
            if (item.attached || found.contains(item)) {
                throw new ConflictException(ErrorCode.CONFLICT, "the " + item.kind.name().toLowerCase(Locale.ROOT)
                        + " " + item.id.ownerId() + "_" + item.id.id() + " is attached to a message already;"
                        + " upload it again to send it once more");
            }
            found.add(item);
        }
        List<Attachment> out = new ArrayList<>(found.size());
        for (Item item : found) {
            item.attached = true;
            item.messageId = messageId;
            out.add(attachment(item));
        }
        return out;
    }

    /**
     * The messages of a chat that carry attachments, newest first (F-ATT-05): of those the reader sees, so that who
     * sees an attachment is who sees its message. The attachments of forwarded copies are not listed [choice].
     */
    static List<StoredMessage> newestWithAttachments(List<StoredMessage> visible) {
        List<StoredMessage> out = new ArrayList<>();
        for (int i = visible.size() - 1; i >= 0; i--) {
            if (!visible.get(i).attachments.isEmpty()) {
                out.add(visible.get(i));
            }
        }
        return out;
    }

    /** Creates a poll of the actor (F-ATT-04); checked: question 1–255, 1–10 answers of 1–100 characters. */
    Attachment.Poll createPoll(UserId actor, String question, List<String> answers, boolean anonymous, Instant now) {
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            throw invalid("a poll's question must be 1 to " + MAX_QUESTION + " characters");
        }
        if (answers == null || answers.isEmpty() || answers.size() > MAX_ANSWERS) {
            throw invalid("a poll needs 1 to " + MAX_ANSWERS + " answers");
        }
        for (String answer : answers) {
            if (answer == null || answer.isBlank() || answer.length() > MAX_ANSWER) {
                throw invalid("each answer of a poll must be 1 to " + MAX_ANSWER + " characters");
            }
        }
        Item item = new Item(new MediaId(actor.value(), nextId++), UploadKind.POLL, question.strip(), new byte[0],
                secrets.get(), now);
        item.poll = new PollState(answers.stream().map(String::strip).toList(), anonymous);
        items.put(item.id, item);
        return (Attachment.Poll) attachment(item);
    }

    /**
     * Finds a poll the reader may see: their own, or one attached to a message the reader sees.
     *
     * @param sees tells whether the reader sees a message, by id
     */
    Item poll(UserId reader, MediaId id, java.util.function.LongPredicate sees) {
        Item item = items.get(id);
        if (item == null || item.kind != UploadKind.POLL
                || !(id.ownerId() == reader.value() || (item.attached && sees.test(item.messageId)))) {
            throw new org.sferum.sdk.error.PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "poll "
                    + id.ownerId() + "_" + id.id() + " is not one this user created or sees in a message");
        }
        return item;
    }

    /** Votes once, for exactly one answer [choice: polls are single-choice]. */
    void vote(Item poll, UserId voter, List<Integer> answerIndexes) {
        if (answerIndexes == null || answerIndexes.size() != 1 || answerIndexes.get(0) == null
                || answerIndexes.get(0) < 0 || answerIndexes.get(0) >= poll.poll.answers.size()) {
            throw invalid("choose exactly one answer, by its index from 0 to " + (poll.poll.answers.size() - 1));
        }
        if (poll.poll.votes.containsKey(voter)) {
            throw new ConflictException(ErrorCode.CONFLICT, "the user has voted in this poll already");
        }
        poll.poll.votes.put(voter, List.copyOf(answerIndexes));
    }

    /** A poll's results for a reader; voters hidden when anonymous. */
    org.sferum.sdk.attachments.PollResults results(Item poll, UserId reader) {
        int n = poll.poll.answers.size();
        List<Integer> votes = new ArrayList<>(java.util.Collections.nCopies(n, 0));
        List<List<UserId>> voters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            voters.add(new ArrayList<>());
        }
        for (Map.Entry<UserId, List<Integer>> vote : poll.poll.votes.entrySet()) {
            for (int index : vote.getValue()) {
                votes.set(index, votes.get(index) + 1);
                if (!poll.poll.anonymous) {
                    voters.get(index).add(vote.getKey());
                }
            }
        }
        return new org.sferum.sdk.attachments.PollResults((Attachment.Poll) attachment(poll), poll.poll.anonymous,
                votes, poll.poll.votes.size(), poll.poll.votes.getOrDefault(reader, List.of()), voters);
    }

    /** The bytes of an attached item by its key, for serving its address. */
    Optional<byte[]> content(String key) {
        Item item = itemsByKey.get(key);
        if (item != null && item.kind == UploadKind.POLL) {
            return Optional.empty();
        }
        return item == null || !item.attached ? Optional.empty() : Optional.of(item.content.clone());
    }

    private Item own(UserId actor, MediaId id, UploadKind kind) {
        Item item = items.get(id);
        if (item == null || item.kind != kind || id.ownerId() != actor.value()) {
            throw invalid("the " + kind.name().toLowerCase(Locale.ROOT) + " " + id.ownerId() + "_" + id.id()
                    + " is not one this user uploaded");
        }
        return item;
    }

    private Attachment attachment(Item item) {
        return switch (item.kind) {
            case PHOTO -> new Attachment.Photo(item.id, urlBase + item.key);
            case FILE -> new Attachment.File(item.id, item.name, item.content.length);
            case VIDEO -> new Attachment.Video(item.id, item.name);
            case POLL -> new Attachment.Poll(item.id, item.name, item.poll.answers);
        };
    }

    static void check(UploadKind kind, String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw invalid("the file name must be 1 to 255 characters");
        }
        if (content.length == 0) {
            throw invalid("the " + kind.name().toLowerCase(Locale.ROOT) + " is empty");
        }
        if (kind == UploadKind.VIDEO) {
            if (content.length > MAX_VIDEO_BYTES) {
                throw invalid("the video is larger than " + MAX_VIDEO_BYTES + " bytes");
            }
            boolean isoMedia = content.length >= 8 && content[4] == 'f' && content[5] == 't' && content[6] == 'y'
                    && content[7] == 'p';
            if (!isoMedia && Arrays.stream(VIDEO_MAGIC).noneMatch(magic -> startsWith(content, magic))) {
                throw invalid("a video must be AVI, MP4, 3GP, MPEG, MOV, FLV or WMV");
            }
        } else if (kind == UploadKind.PHOTO) {
            if (content.length > MAX_PHOTO_BYTES) {
                throw invalid("the photo is larger than " + MAX_PHOTO_BYTES + " bytes");
            }
            if (Arrays.stream(PHOTO_MAGIC).noneMatch(magic -> startsWith(content, magic))) {
                throw invalid("a photo must be a JPEG, PNG or GIF image; send other files as files");
            }
        } else {
            if (content.length > MAX_FILE_BYTES) {
                throw invalid("the file is larger than " + MAX_FILE_BYTES + " bytes");
            }
            int dot = fileName.lastIndexOf('.');
            String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (REFUSED_EXTENSIONS.contains(ext) || Arrays.stream(REFUSED_MAGIC).anyMatch(m -> startsWith(content, m))) {
                throw invalid("MP3 files and programs cannot be sent as files");
            }
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private void purge(Instant now) {
        tickets.values().removeIf(t -> !now.isBefore(t.expiresAt));
        uploads.values().removeIf(u -> !now.isBefore(u.expiresAt));
    }

    /** How many tickets and unsaved uploads are held: for tests. */
    int held() {
        return tickets.size() + uploads.size();
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** An upload ticket; a video's also carries its title and reserved id. */
    record Ticket(UserId user, UploadKind kind, Instant expiresAt, String title, MediaId videoId) {
    }

    private record Upload(UserId user, UploadKind kind, String fileName, byte[] content, Instant expiresAt) {
    }

    /** A poll's answers, anonymity and votes (in voting order). */
    private static final class PollState {
        final List<String> answers;
        final boolean anonymous;
        final Map<UserId, List<Integer>> votes = new java.util.LinkedHashMap<>();

        PollState(List<String> answers, boolean anonymous) {
            this.answers = answers;
            this.anonymous = anonymous;
        }
    }

    static final class Item {
        final MediaId id;
        final UploadKind kind;
        final String name;
        final byte[] content;
        final String key;
        final Instant savedAt;
        boolean attached;
        /** The message it is attached to, once attached. */
        long messageId;
        /** A poll's state; {@code null} for uploads. */
        PollState poll;

        Item(MediaId id, UploadKind kind, String name, byte[] content, String key, Instant savedAt) {
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.content = content;
            this.key = key;
            this.savedAt = savedAt;
        }
    }
}
