package org.sferum.sdk.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.testkit.engine.PlatformState.Held;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.attachments.PollResults;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.UserId;

/**
 * Uploads, attachments and polls, reached as {@link PlatformEngine#attachments()}. The rules it enforces:
 * <ul>
 *   <li>one upload pipeline for message photos (F-ATT-01), videos (F-ATT-02), files (F-ATT-03) and chat avatars
 *       (F-CHAT-06): a ticket for one user and one purpose, valid {@link #UPLOAD_LIFETIME} with its unused upload,
 *       used once, sizes up to {@link #MAX_PHOTO_BYTES}, {@link #MAX_VIDEO_BYTES}, {@link #MAX_FILE_BYTES}:
 *       {@link UploadPipeline}, the bytes in a {@link BlobStore};</li>
 *   <li>saved items: attached once, by their uploader, seen by who sees the message (F-ATT-01 … F-ATT-03):
 *       {@link AttachmentRules};</li>
 *   <li>polls, votes and results (F-ATT-04): {@link AttachmentRules}; who sees a message sees its poll;</li>
 *   <li>a chat's attachments, of the messages the reader sees (F-ATT-05).</li>
 * </ul>
 * Every operation takes the global lock exclusively (items are platform-wide).
 */
public final class AttachmentService {

    /**
     * How long an unused chat photo upload ticket ({@code photos.getChatUploadServer}'s address) and an uploaded file
     * not yet set by {@code messages.setChatPhoto} stay valid, on the engine's clock (F-CHAT-06) [choice: 1 h; VK
     * publishes no figure]. After that the emulator forgets them and refuses them as unknown.
     */
    public static final Duration CHAT_PHOTO_UPLOAD_LIFETIME = UploadPipeline.LIFETIME;

    /**
     * How long an upload address ({@code photos.getMessagesUploadServer}, {@code docs.getMessagesUploadServer}) and
     * an upload not yet saved ({@code photos.saveMessagesPhoto}, {@code docs.save}) stay valid, on the engine's
     * clock [choice: 1 h, as {@link #CHAT_PHOTO_UPLOAD_LIFETIME}; VK publishes no figure].
     */
    public static final Duration UPLOAD_LIFETIME = UploadPipeline.LIFETIME;
    /** The largest photo, in bytes: VK's public 50 MB (F-ATT-01). */
    public static final int MAX_PHOTO_BYTES = UploadPipeline.MAX_PHOTO_BYTES;
    /** The largest file, in bytes: VK's public 200 MB (F-ATT-03). */
    public static final int MAX_FILE_BYTES = UploadPipeline.MAX_FILE_BYTES;
    /** The largest video, in bytes [choice: 1 GB] (F-ATT-02). */
    public static final int MAX_VIDEO_BYTES = UploadPipeline.MAX_VIDEO_BYTES;
    /** [choice] Where the fake says attached photos are served, until {@link #serveAttachmentsAt} says otherwise. */
    public static final String DEFAULT_ATTACHMENT_URL_BASE = "https://sferum.test/attachment/";

    private final PlatformState state;
    /** The attachments' rules; guarded by the lock. */
    private final AttachmentRules attachmentRules;

    AttachmentService(PlatformState state) {
        this.state = state;
        this.attachmentRules = new AttachmentRules(state::secret, state.uploads, DEFAULT_ATTACHMENT_URL_BASE);
    }

    /**
     * Sets where attached photos are served: a photo's URL is this base followed by its secret key.
     *
     * @param base the base, ending in {@code /}
     */
    public void serveAttachmentsAt(String base) {
        Objects.requireNonNull(base, "base");
        try (Held held = state.exclusive()) {
            attachmentRules.serveAt(base);
        }
    }

    /**
     * Gives a user an upload address's ticket (F-ATT-01, F-ATT-03), valid {@link #UPLOAD_LIFETIME}.
     *
     * @param actor who will upload
     * @param kind what the address accepts
     * @return the ticket, a secret
     */
    public String openUpload(UserId actor, UploadKind kind) {
        Objects.requireNonNull(kind, "kind");
        try (Held held = state.exclusive()) {
            state.account(actor);
            return state.uploads.open(actor, kind, state.now());
        }
    }

    /**
     * Opens a video upload, as VK's {@code video.save}: the video's title and id are fixed now, its bytes come to the
     * ticket's address within {@link #UPLOAD_LIFETIME} (F-ATT-02).
     *
     * @param actor who will upload
     * @param title the title, 1 to 128 characters
     * @return the ticket (a secret) and the video as it will be
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a bad title
     */
    public Map.Entry<String, Attachment.Video> openVideoUpload(UserId actor, String title) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return attachmentRules.openVideo(actor, title, state.now());
        }
    }

    /**
     * Receives a video's bytes at its ticket's address; the ticket is used once and the video is saved.
     *
     * @param ticket the ticket
     * @param content the bytes
     * @return the video
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or bytes that are
     *     empty, too large or not a video
     */
    public Attachment.Video receiveVideo(String ticket, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = state.exclusive()) {
            return (Attachment.Video) attachmentRules.receiveVideo(ticket, content, state.now());
        }
    }

    /**
     * Uploads a video in one step, as the fake does (F-ATT-02).
     *
     * @param actor the uploader
     * @param title the title
     * @param content the bytes
     * @return the video
     */
    public Attachment.Video uploadVideo(UserId actor, String title, byte[] content) {
        try (Held held = state.exclusive()) {
            return receiveVideo(openVideoUpload(actor, title).getKey(), content);
        }
    }

    /**
     * Tells what a live ticket accepts.
     *
     * @param ticket the ticket
     * @return its kind; empty when unknown or expired
     */
    public Optional<UploadKind> uploadKind(String ticket) {
        try (Held held = state.exclusive()) {
            return state.uploads.messageTicketKind(ticket, state.now());
        }
    }

    /**
     * Receives the bytes posted to a ticket's address and checks them.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes
     * @return the upload's key, a secret to save it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a file that
     *     breaks the rules (empty, too large, a wrong type)
     */
    public String receiveUpload(String ticket, String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = state.exclusive()) {
            return state.uploads.receive(ticket, fileName, content, state.now());
        }
    }

    /**
     * Saves an upload as the actor's photo or file, once.
     *
     * @param actor who saves it: the uploader
     * @param uploadKey the upload's key
     * @param kind what it must be
     * @param title a file's title; empty keeps the file's name
     * @return the photo or file, ready to attach
     * @throws ValidationException with {@code INVALID_ARGUMENT} when it is not the actor's upload of that kind,
     *     was saved already or expired
     */
    public Attachment saveUpload(UserId actor, String uploadKey, UploadKind kind,
                                                            Optional<String> title) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return attachmentRules.save(actor, uploadKey, kind, title, state.now());
        }
    }

    /**
     * Uploads and saves in one step, as the fake does (F-ATT-01, F-ATT-03).
     *
     * @param actor the uploader
     * @param kind photo or file
     * @param fileName the file's name
     * @param content the bytes
     * @return the photo or file
     */
    public Attachment upload(UserId actor, UploadKind kind, String fileName,
                                                        byte[] content) {
        try (Held held = state.exclusive()) {
            String ticket = openUpload(actor, kind);
            return saveUpload(actor, receiveUpload(ticket, fileName, content), kind, Optional.empty());
        }
    }

    /**
     * Returns the bytes of an attached photo or file by its secret key, for serving its address.
     *
     * @param key the last part of its address
     * @return the bytes; empty for an unknown key or an item not attached to a message
     */
    public Optional<byte[]> attachmentContent(String key) {
        try (Held held = state.exclusive()) {
            return attachmentRules.content(key);
        }
    }

    /**
     * How many upload tickets and unsaved uploads are held: for tests of their expiry.
     *
     * @return the number
     */
    public int heldUploads() {
        try (Held held = state.exclusive()) {
            return state.uploads.held(false);
        }
    }

    /**
     * Lists the messages of a chat that carry attachments, newest first, as the reader sees them (F-ATT-05,
     * F-CHAT-04): only a member may ask, and a message hidden from the reader (deleted, cleared, expired) is left
     * out with its attachments.
     *
     * @param actor a member of the chat
     * @param chatId the chat
     * @return the messages, newest first
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} for anyone else
     */
    public List<Message> messagesWithAttachments(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            ChatState chat = state.memberChat(actor, chatId);
            List<Message> out = new ArrayList<>();
            for (StoredMessage message : AttachmentRules.newestWithAttachments(chat.visibleTo(actor, state.now()))) {
                out.add(state.direct.view(message, actor));
            }
            return out;
        }
    }

    /**
     * Creates a poll of the actor, to attach to a message (F-ATT-04).
     *
     * @param actor the creator
     * @param question the question, 1 to 255 characters
     * @param answers 1 to 10 answers, each 1 to 100 characters
     * @param anonymous whether the voters are hidden
     * @return the poll
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a question or answers out of those bounds
     */
    public Attachment.Poll createPoll(UserId actor, String question, List<String> answers,
                                                                 boolean anonymous) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            return attachmentRules.createPoll(actor, question, answers, anonymous, state.now());
        }
    }

    /**
     * Votes in a poll once, for one answer (F-ATT-04).
     *
     * @param actor the voter: the poll's creator or a member who sees its message
     * @param poll the poll
     * @param answerIndexes exactly one index, from 0
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} when the actor cannot see the poll
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a bad choice
     * @throws ConflictException with {@code CONFLICT} when the actor has voted already
     */
    public void vote(UserId actor, MediaId poll, List<Integer> answerIndexes) {
        try (Held held = state.exclusive()) {
            attachmentRules.vote(visiblePoll(actor, poll), actor, answerIndexes, state.now());
        }
    }

    /**
     * Reads a poll's results as the actor sees them (F-ATT-04); an anonymous poll hides its voters.
     *
     * @param actor the reader: the poll's creator or a member who sees its message
     * @param poll the poll
     * @return the results
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} when the actor cannot see the poll
     */
    public PollResults pollResults(UserId actor, MediaId poll) {
        try (Held held = state.exclusive()) {
            return attachmentRules.results(visiblePoll(actor, poll), actor);
        }
    }

    /**
     * Edits a poll ({@link PollEdits}): its creator changes the question, the answers while nobody has voted, and
     * when voting closes. All or nothing.
     *
     * @param actor the poll's creator
     * @param poll the poll
     * @param question the new question, if any
     * @param add answers to add at the end
     * @param edit new texts by answer index (from 0)
     * @param delete answer indexes (from 0) to remove
     * @param endsAt the new end of voting when given: empty inside for never
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} for anyone but the creator, or a closed
     *     poll
     * @throws ValidationException with {@code INVALID_ARGUMENT} for answers changed after a vote, bad texts, an
     *     unknown answer, or an end date in the past
     */
    public void editPoll(UserId actor, MediaId poll, Optional<String> question, List<String> add,
                         Map<Integer, String> edit, List<Integer> delete, Optional<Optional<Instant>> endsAt) {
        try (Held held = state.exclusive()) {
            AttachmentRules.Item item = visiblePoll(actor, poll);
            PollEdits.edit(actor, item, question, List.copyOf(add), Map.copyOf(edit), List.copyOf(delete), endsAt,
                    state.now());
            StoredMessage message = item.attached ? state.messagesById.get(item.messageId) : null;
            if (message != null) { // the message carrying the poll shows it as edited
                List<Attachment> shown = new ArrayList<>(message.attachments);
                shown.replaceAll(a -> a instanceof Attachment.Poll p && p.id().equals(poll)
                        ? attachmentRules.view(item) : a);
                message.attachments = List.copyOf(shown);
            }
        }
    }

    /**
     * Takes the actor's own vote in a poll back while the poll is open ({@link PollEdits}).
     *
     * @param actor the voter
     * @param poll the poll
     * @return whether there was a vote to take back
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} when the actor cannot see the poll or it
     *     is closed
     */
    public boolean deleteVote(UserId actor, MediaId poll) {
        try (Held held = state.exclusive()) {
            return PollEdits.deleteVote(actor, visiblePoll(actor, poll), state.now());
        }
    }

    /**
     * Returns the documents (saved files) the actor may read, in the order asked ({@link DocumentRules}).
     *
     * @param actor the reader
     * @param ids the documents
     * @return those the actor owns or sees in a message; the others are left out
     */
    public List<Attachment.File> documents(UserId actor, List<MediaId> ids) {
        try (Held held = state.exclusive()) {
            state.account(actor);
            Instant now = state.now();
            return DocumentRules.readable(attachmentRules, actor.value(), ids, id -> {
                StoredMessage message = state.messagesById.get(id);
                ChatState chat = message == null ? null : state.chats.get(message.chat.peerId());
                return chat != null && chat.isMember(actor) && chat.sees(actor, message, now);
            });
        }
    }

    /**
     * Deletes a document of the actor's ({@link DocumentRules}).
     *
     * @param actor the owner
     * @param id the document
     * @throws NotFoundException with {@code NOT_FOUND} for no such document
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} for anyone but the owner
     */
    public void deleteDocument(UserId actor, MediaId id) {
        Objects.requireNonNull(id, "document");
        try (Held held = state.exclusive()) {
            state.account(actor);
            String bytes = DocumentRules.delete(attachmentRules, actor.value(), id);
            if (bytes != null) {
                state.uploads.blobs().remove(bytes);
            }
        }
    }

    /** A poll the actor may see: who sees a message sees its poll. Under the lock. */
    private AttachmentRules.Item visiblePoll(UserId actor, MediaId poll) {
        Objects.requireNonNull(poll, "poll");
        state.account(actor);
        Instant now = state.now();
        return attachmentRules.poll(actor, poll, id -> {
            StoredMessage message = state.messagesById.get(id);
            ChatState chat = message == null ? null : state.chats.get(message.chat.peerId());
            return chat != null && chat.isMember(actor) && chat.sees(actor, message, now);
        });
    }

    /**
     * Gives a member an address's ticket for a chat's new avatar (F-CHAT-06), valid
     * {@link #CHAT_PHOTO_UPLOAD_LIFETIME}; the rights are checked when the avatar is set.
     *
     * @param actor who will upload
     * @param chatId the chat
     * @return the ticket, a secret
     * @throws PermissionDeniedException with {@code NOT_A_CHAT_MEMBER} for anyone but a member
     */
    public String openChatPhotoUpload(UserId actor, ChatId chatId) {
        try (Held held = state.exclusive()) {
            state.memberChat(actor, chatId);
            return state.uploads.openChatPhoto(actor, chatId, state.now());
        }
    }

    /**
     * Tells whether a chat avatar ticket is live.
     *
     * @param ticket the ticket
     * @return {@code false} when unknown, expired or not a chat avatar's
     */
    public boolean acceptsChatPhoto(String ticket) {
        try (Held held = state.exclusive()) {
            return state.uploads.chatPhotoTicket(ticket, state.now());
        }
    }

    /**
     * Receives a chat avatar's bytes posted to its ticket's address; they are checked when the avatar is set.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes
     * @return the upload's key, the {@code file} string to set it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket
     */
    public String receiveChatPhoto(String ticket, String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        try (Held held = state.exclusive()) {
            return state.uploads.receiveChatPhoto(ticket, fileName, content, state.now());
        }
    }

    /**
     * How many chat avatar tickets and unused uploads are held: for tests of their expiry.
     *
     * @return the number
     */
    public int heldChatPhotoUploads() {
        try (Held held = state.exclusive()) {
            return state.uploads.held(true);
        }
    }

    /**
     * Receives a video streamed to its ticket's address (F-ATT-02): the bytes go straight into the
     * {@link BlobStore} without the engine's lock (a store with a memory cap spills them to disk), then are checked
     * by their size and first bytes under the lock, like {@link #receiveVideo(String, byte[])}; refused bytes are
     * removed.
     *
     * @param ticket the video ticket
     * @param content the bytes; read to the end (or past the limit), not closed
     * @return the video
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a video that
     *     breaks the rules (empty, larger than {@link #MAX_VIDEO_BYTES}, not a video format)
     * @throws IOException if reading the stream fails (nothing is kept)
     */
    public Attachment.Video receiveVideo(String ticket, InputStream content) throws IOException {
        return streamed(ticket, true, content, (key, size) -> (Attachment.Video)
                attachmentRules.receiveStoredVideo(ticket, key, size, state.now()));
    }

    /**
     * Receives a photo or file streamed to its ticket's address: the bytes go straight into the {@link BlobStore}
     * without the engine's lock (a store with a memory cap spills them to disk), then are checked by their size and
     * first bytes under the lock, with the same rules as {@link #receiveUpload(String, String, byte[])}; refused
     * bytes are removed.
     *
     * @param ticket the ticket
     * @param fileName the file's name
     * @param content the bytes; read to the end (or past the limit), not closed
     * @return the upload's key, a secret to save it with
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown or expired ticket, or a file that
     *     breaks the rules (empty, too large, a wrong type)
     * @throws IOException if reading the stream fails (nothing is kept)
     */
    public String receiveUpload(String ticket, String fileName, InputStream content) throws IOException {
        return streamed(ticket, false, content, (key, size) -> state.uploads.receiveStored(ticket, fileName, key,
                size, state.now()));
    }

    /** What is done with a streamed upload's blob key and size under the lock. */
    private interface Received<T> {
        T apply(String blobKey, long size);
    }

    /** Checks the ticket under the lock, streams the bytes into the store without it, then finishes under it. */
    private <T> T streamed(String ticket, boolean video, InputStream content, Received<T> finish) throws IOException {
        Objects.requireNonNull(content, "content");
        UploadPipeline.Staged staged;
        try (Held held = state.exclusive()) {
            staged = state.uploads.stage(ticket, video, state.now());
        }
        long size = state.uploads.stream(staged, content);
        try (Held held = state.exclusive()) {
            return finish.apply(staged.blobKey(), size);
        }
    }

    /**
     * Opens the bytes of an attached photo or file by its secret key for streaming, so that serving a large file
     * needs no copy of it in memory.
     *
     * @param key the last part of its address
     * @return the size and a stream to close; empty for an unknown key or an item not attached to a message
     */
    public Optional<StoredContent> attachmentStream(String key) {
        try (Held held = state.exclusive()) {
            return attachmentRules.stream(key);
        }
    }

    /** Attaches saved items to the message about to get an id; under the exclusive lock. */
    List<Attachment> attach(UserId actor, List<Attachment> drafted, long messageId) {
        return attachmentRules.attach(actor, drafted, messageId);
    }
}
