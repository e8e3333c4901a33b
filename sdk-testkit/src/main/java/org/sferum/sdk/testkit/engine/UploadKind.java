package org.sferum.sdk.testkit.engine;

/** What an upload address accepts (F-ATT-01 … F-ATT-03): a message photo, a file (VK's document) or a video. */
public enum UploadKind {
    /** A photo to attach to a message: {@code photos.getMessagesUploadServer}. */
    PHOTO,
    /** A file to attach to a message: {@code docs.getMessagesUploadServer}. */
    FILE,
    /** A video to attach to a message: {@code video.save}, which gives the address and the video's id at once. */
    VIDEO,
    /** A poll ({@code polls.create}): never uploaded, but attached under the same rules. */
    POLL
}
