package org.sferum.sdk.testkit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongPredicate;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;

/**
 * Documents (saved files, F-ATT-03) as VK's {@code docs.getById} and {@code docs.delete} have them:
 * <ul>
 *   <li>a user reads a document they own, or one attached to a message they see; the others are left out, as VK
 *       leaves out documents the caller may not read;</li>
 *   <li>only the owner deletes a document; one no message carries is forgotten with its bytes, one a message
 *       carries stays in that message for whoever sees it and leaves the owner's documents [choice, as VK keeps a
 *       sent document in its message]; deleting it again is refused as not found.</li>
 * </ul>
 * Called under the engine's exclusive lock.
 */
final class DocumentRules {
    private DocumentRules() {
    }

    /**
     * The documents a reader may read, in the order asked, each once.
     *
     * @param sees tells whether the reader sees a message, by id
     */
    static List<Attachment.File> readable(AttachmentRules rules, long reader, List<MediaId> ids, LongPredicate sees) {
        List<Attachment.File> out = new ArrayList<>();
        for (MediaId id : new LinkedHashSet<>(ids)) {
            AttachmentRules.Item item = rules.item(id);
            if (item == null || item.kind != UploadKind.FILE) {
                continue;
            }
            boolean mine = !item.deleted && id.ownerId() == reader;
            if (mine || (item.attached && sees.test(item.messageId))) {
                out.add((Attachment.File) rules.view(item));
            }
        }
        return out;
    }

    /**
     * Deletes a document of its owner.
     *
     * @return the key of bytes to remove from the store, when nothing carries them any more; else {@code null}
     * @throws NotFoundException with {@code NOT_FOUND} for no such document (or one deleted already)
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} for anyone but the owner
     */
    static String delete(AttachmentRules rules, long actor, MediaId id) {
        AttachmentRules.Item item = rules.item(id);
        String name = "document " + id.ownerId() + "_" + id.id();
        if (item == null || item.kind != UploadKind.FILE || item.deleted) {
            throw new NotFoundException(ErrorCode.NOT_FOUND, name + " does not exist");
        }
        if (id.ownerId() != actor) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "only the owner may delete " + name);
        }
        item.deleted = true;
        if (item.attached) {
            return null;
        }
        rules.forget(item);
        return item.blobKey;
    }
}
