package org.sferum.sdk.calls;

/** How a call came to be, which decides who takes part in it. */
public enum CallKind {
    /** Started in a chat (F-CALL-01): the chat's members take part. */
    CHAT,
    /** Created by link (F-CALL-07): whoever holds the link, and the contacts invited (F-CALL-08). */
    LINK,
    /** The call of a journal lesson (F-CALL-02): the class chat's members take part, type «Онлайн-урок». */
    LESSON
}
