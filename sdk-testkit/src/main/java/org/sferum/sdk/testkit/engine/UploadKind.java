package org.sferum.sdk.testkit.engine;

/** What an upload address accepts (F-ATT-01, F-ATT-03): a message photo or a file (VK's document). */
public enum UploadKind {
    /** A photo to attach to a message: {@code photos.getMessagesUploadServer}. */
    PHOTO,
    /** A file to attach to a message: {@code docs.getMessagesUploadServer}. */
    FILE
}
