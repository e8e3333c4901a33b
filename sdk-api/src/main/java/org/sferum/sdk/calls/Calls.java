package org.sferum.sdk.calls;

import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;

/**
 * Calls and online lessons: the «Видеоконференции» tab, lesson calls from the journal, joining from the diary.
 * The SDK manages who may join, when and with which rights; media stays in Sferum's call page.
 */
public interface Calls {

    /**
     * Lists the calls the user takes part in (F-SECT-02).
     *
     * @param page which page
     * @return the page
     */
    Page<Call> list(PageRequest page);

    /**
     * Creates the call of a lesson, or returns the one already created for it (F-CALL-02).
     *
     * @param lesson the lesson
     * @param chat the class chat whose members are invited
     * @return the call
     */
    Call createLessonCall(Lesson lesson, ChatId chat);

    /**
     * Starts an audio or video call in a chat (F-CALL-01).
     *
     * @param chat the chat
     * @param video {@code true} for video, {@code false} for audio only
     * @return the running call
     */
    Call startInChat(ChatId chat, boolean video);

    /**
     * Returns a call's current state and, while it runs, its join link (F-SECT-03, F-SECT-04).
     *
     * @param call the call
     * @return the call
     */
    Call get(CallId call);

    /**
     * Ends the call for everyone (F-CALL-04); organiser or call admins only.
     *
     * @param call the call
     */
    void endForAll(CallId call);
}
