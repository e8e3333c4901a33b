package org.sferum.sdk.roster;

/** The three kinds of automatic chats (F-CHAT-01). */
public enum AutomaticChatKind {
    /** A homeroom class's chat with its pupils and teachers, titled by the class («5в»). */
    CLASS_STUDENTS,
    /** A homeroom class's chat with its pupils' parents and its teachers («Родители 5в»). */
    CLASS_PARENTS,
    /** A school's chat with its teachers and administrators («Сотрудники …»). */
    SCHOOL_STAFF
}
