package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.attachments.PollResults;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * The rules of attachments once uploaded (F-ATT-01 … F-ATT-05): saving an upload as its uploader's item, who may
 * attach an item and how often, who may read its bytes, and polls. Tickets, expiry, size and type are the
 * {@link UploadPipeline}'s. Every method runs under the engine's lock.
 *
 * <ul>
 *   <li>A video's title is 1 to {@link #MAX_VIDEO_TITLE} characters; its ticket carries the title and the id.</li>
 *   <li>A saved item is attached by its uploader only, to one message only [choice]; from then on whoever sees the
 *       message sees it, and nobody else.</li>
 *   <li>A poll has a question of 1 to {@link #MAX_QUESTION} characters and 1 to {@link #MAX_ANSWERS} answers of 1 to
 *       {@link #MAX_ANSWER}; each user votes once, for one answer; an anonymous poll hides its voters.</li>
 * </ul>
 */
final class AttachmentRules {
    /** The longest poll question [choice]. */
    static final int MAX_QUESTION = 255;
    /** The most answers of a poll, as VK. */
    static final int MAX_ANSWERS = 10;
    /** The longest poll answer [choice]. */
    static final int MAX_ANSWER = 100;
    /** The longest video title: {@code video.save}'s {@code name}, 128 characters. */
    static final int MAX_VIDEO_TITLE = 128;

    private final Supplier<String> secrets;
    private final UploadPipeline uploads;
    /** Saved items by owner and number. */
    private final Map<MediaId, Item> items = new HashMap<>();
    /** Saved items by their secret key (the last part of their address). */
    private final Map<String, Item> itemsByKey = new HashMap<>();
    private long nextId = 1;
    private String urlBase;

    AttachmentRules(Supplier<String> secrets, UploadPipeline uploads, String urlBase) {
        this.secrets = secrets;
        this.uploads = uploads;
        this.urlBase = urlBase;
    }

    void serveAt(String base) {
        this.urlBase = base;
    }

    /**
     * Gives a video upload ticket, with the video's title and id reserved now, as VK's {@code video.save} does; the
     * video exists once its bytes arrive within the ticket's life.
     *
     * @return the ticket's secret and the video as it will be
     */
    Map.Entry<String, Attachment.Video> openVideo(UserId user, String title, Instant now) {
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > MAX_VIDEO_TITLE) {
            throw UploadPipeline.invalid("a video's title must be 1 to " + MAX_VIDEO_TITLE + " characters");
        }
        MediaId id = new MediaId(user.value(), nextId++);
        String secret = uploads.openVideo(user, title.strip(), id, now);
        return Map.entry(secret, new Attachment.Video(id, title.strip()));
    }

    /** Receives a video's bytes: the ticket is used once, and the video is saved as its uploader's. */
    Attachment receiveVideo(String ticket, byte[] content, Instant now) {
        UploadPipeline.Ticket t = uploads.takeVideo(ticket, content, now);
        String key = secrets.get();
        uploads.blobs().put(key, content.clone());
        return keep(new Item(t.videoId(), UploadKind.VIDEO, t.title(), key, content.length, key, now));
    }

    /** Keeps a video whose bytes were streamed into the store under {@code blobKey}; they are removed on refusal. */
    Attachment receiveStoredVideo(String ticket, String blobKey, long size, Instant now) {
        UploadPipeline.Ticket t = uploads.takeStoredVideo(ticket, blobKey, size, now);
        return keep(new Item(t.videoId(), UploadKind.VIDEO, t.title(), blobKey, (int) size, secrets.get(), now));
    }

    /** Saves an upload as an item of its uploader, once. */
    Attachment save(UserId user, String uploadKey, UploadKind kind, Optional<String> title, Instant now) {
        UploadPipeline.Upload upload = uploads.take(user, uploadKey, kind, now);
        String name = title.filter(s -> !s.isBlank()).orElse(upload.fileName());
        return keep(new Item(new MediaId(user.value(), nextId++), kind, name, upload.blobKey(), upload.size(),
                secrets.get(), now));
    }

    private Attachment keep(Item item) {
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
        Item item = new Item(new MediaId(actor.value(), nextId++), UploadKind.POLL, question.strip(), null, 0,
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
    Item poll(UserId reader, MediaId id, LongPredicate sees) {
        Item item = items.get(id);
        if (item == null || item.kind != UploadKind.POLL
                || !(id.ownerId() == reader.value() || (item.attached && sees.test(item.messageId)))) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "poll "
                    + id.ownerId() + "_" + id.id() + " is not one this user created or sees in a message");
        }
        return item;
    }

    /** Votes once, for exactly one answer [choice: polls are single-choice], while the poll is open. */
    void vote(Item poll, UserId voter, List<Integer> answerIndexes, Instant now) {
        PollEdits.requireOpen(poll, now);
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
    PollResults results(Item poll, UserId reader) {
        int n = poll.poll.answers.size();
        List<Integer> votes = new ArrayList<>(Collections.nCopies(n, 0));
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
        return new PollResults((Attachment.Poll) attachment(poll), poll.poll.anonymous,
                votes, poll.poll.votes.size(), poll.poll.votes.getOrDefault(reader, List.of()), voters);
    }

    /** A saved item by id, or {@code null}. */
    Item item(MediaId id) {
        return items.get(id);
    }

    /** Forgets a saved item that no message carries, and returns it; its bytes are the caller's to delete. */
    void forget(Item item) {
        items.remove(item.id);
        itemsByKey.remove(item.key);
    }

    /** Renders a saved item as the attachment value. */
    Attachment view(Item item) {
        return attachment(item);
    }

    /** The bytes of an attached item by its key, for serving its address. */
    Optional<byte[]> content(String key) {
        return servedBlob(key).flatMap(uploads.blobs()::get);
    }

    /** The bytes of an attached photo or file by its secret key, as a stream, with their size. */
    Optional<StoredContent> stream(String key) {
        Item item = itemsByKey.get(key);
        return servedBlob(key).flatMap(uploads.blobs()::open).map(in -> new StoredContent(item.size, in));
    }

    private Optional<String> servedBlob(String key) {
        Item item = itemsByKey.get(key);
        if (item == null || !item.attached || item.kind == UploadKind.POLL) {
            return Optional.empty();
        }
        return Optional.of(item.blobKey);
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
            case FILE -> new Attachment.File(item.id, item.name, item.size);
            case VIDEO -> new Attachment.Video(item.id, item.name);
            case POLL -> new Attachment.Poll(item.id, item.name, item.poll.answers);
        };
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** A poll's answers, anonymity and votes (in voting order). */
    static final class PollState {
        /** The answers; {@link PollEdits} may change them while nobody has voted. */
        List<String> answers;
        final boolean anonymous;
        final Map<UserId, List<Integer>> votes = new LinkedHashMap<>();
        /** When voting closes ({@link PollEdits}); {@code null} for never. */
        Instant endsAt;

        PollState(List<String> answers, boolean anonymous) {
            this.answers = answers;
            this.anonymous = anonymous;
        }
    }

    static final class Item {
        final MediaId id;
        final UploadKind kind;
        /** The file name or title; a poll's question, which {@link PollEdits} may change. */
        String name;
        /** Where its bytes are in the {@link BlobStore}; {@code null} for a poll. */
        final String blobKey;
        final int size;
        final String key;
        final Instant savedAt;
        boolean attached;
        /** The message it is attached to, once attached. */
        long messageId;
        /** A poll's state; {@code null} for uploads. */
        PollState poll;
        /** Deleted from its owner's documents ({@link DocumentRules}); an attached copy stays in its message. */
        boolean deleted;

        Item(MediaId id, UploadKind kind, String name, String blobKey, int size, String key, Instant savedAt) {
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.blobKey = blobKey;
            this.size = size;
            this.key = key;
            this.savedAt = savedAt;
        }
    }
}
