package org.sferum.sdk.testkit.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;
import org.sferum.sdk.testkit.engine.UploadKind;
import org.sferum.sdk.users.UserId;

/** The fake's attachments: uploads go straight to the engine, which holds every rule. */
final class FakeAttachments implements Attachments {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeAttachments(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Attachment.Photo uploadPhoto(String fileName, InputStream content) {
        return (Attachment.Photo) engine.attachments().upload(actor.get(), UploadKind.PHOTO, fileName,
                read(content, AttachmentService.MAX_PHOTO_BYTES));
    }

    @Override
    public Attachment.Video uploadVideo(String title, InputStream content) {
        return engine.attachments().uploadVideo(actor.get(), title, read(content, AttachmentService.MAX_VIDEO_BYTES));
    }

    @Override
    public Attachment.File uploadFile(String fileName, InputStream content) {
        return (Attachment.File) engine.attachments().upload(actor.get(), UploadKind.FILE, fileName,
                read(content, AttachmentService.MAX_FILE_BYTES));
    }

    @Override
    public Attachment.Poll createPoll(String question, List<String> answers, boolean anonymous) {
        return engine.attachments().createPoll(actor.get(), question, answers, anonymous);
    }

    @Override
    public void vote(org.sferum.sdk.attachments.MediaId poll, List<Integer> answerIndexes) {
        engine.attachments().vote(actor.get(), Checks.notNull(poll, "poll"), answerIndexes);
    }

    @Override
    public org.sferum.sdk.attachments.PollResults poll(org.sferum.sdk.attachments.MediaId poll) {
        return engine.attachments().pollResults(actor.get(), Checks.notNull(poll, "poll"));
    }

    @Override
    public Page<Attachment> ofChat(ChatId chat, PageRequest page) {
        Checks.notNull(chat, "chat");
        Checks.notNull(page, "page request");
        List<Attachment> all = new java.util.ArrayList<>();
        for (org.sferum.sdk.messages.Message message : engine.attachments().messagesWithAttachments(actor.get(), chat)) {
            // [choice] as VK's messages.getHistoryAttachments: photos, videos and files, not polls
            message.attachments().stream().filter(a -> !(a instanceof Attachment.Poll)).forEach(all::add);
        }
        int from = (int) Math.min(all.size(), page.cursor().map(c -> Cursors.decode("a", c)).orElse(0L));
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to),
                to < all.size() ? java.util.Optional.of(Cursors.encode("a", to)) : java.util.Optional.empty(),
                java.util.OptionalLong.of(all.size()));
    }

    /** Reads at most one byte over the limit, so that the engine sees the file is too large. */
    static byte[] read(InputStream content, int limit) {
        Checks.notNull(content, "content");
        try {
            return content.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }
}
