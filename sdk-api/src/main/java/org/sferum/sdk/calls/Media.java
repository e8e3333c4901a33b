package org.sferum.sdk.calls;

/** What a participant turns on or off (F-CALL-05). */
public enum Media {
    /** The camera. */
    CAMERA,
    /** The microphone. */
    MICROPHONE,
    /** Screen sharing («Демонстрировать экран»). */
    SCREEN
}
