package org.sferum.sdk.core.session;

import java.io.InputStream;
import java.util.List;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;

/** {@link Attachments}, delivered by the attachments issue; listed in {@code docs/status.md}. */
final class NotYetAttachments implements Attachments {
    static final Attachments INSTANCE = new NotYetAttachments();
    private static final String ISSUE = "the attachments issue";

    private NotYetAttachments() {
    }

    @Override
    public Attachment.Photo uploadPhoto(String fileName, InputStream content) {
        throw NotYet.available("Attachments.uploadPhoto (F-ATT-01)", ISSUE);
    }

    @Override
    public Attachment.Video uploadVideo(String title, InputStream content) {
        throw NotYet.available("Attachments.uploadVideo (F-ATT-02)", ISSUE);
    }

    @Override
    public Attachment.File uploadFile(String fileName, InputStream content) {
        throw NotYet.available("Attachments.uploadFile (F-ATT-03)", ISSUE);
    }

    @Override
    public Attachment.Poll createPoll(String question, List<String> answers, boolean anonymous) {
        throw NotYet.available("Attachments.createPoll (F-ATT-04)", ISSUE);
    }

    @Override
    public Page<Attachment> ofChat(ChatId chat, PageRequest page) {
        throw NotYet.available("Attachments.ofChat (F-ATT-05)", ISSUE);
    }
}
