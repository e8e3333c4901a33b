package org.sferum.sdk.calls;

import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * Calls and online lessons: the «Видеоконференции» tab, lesson calls from the journal, joining from the diary,
 * calls in chats and by link. The SDK manages who may join, when, in which role and with which rights, and what is
 * recorded; the media stays in Sferum's call page or app, which {@link CallLinks} open.
 *
 * <p>Every rule is the platform's: a refusal is a {@link org.sferum.sdk.error.SferumException} whose
 * {@link org.sferum.sdk.error.ErrorCode} says why (for example {@code CALL_NOT_STARTED}, {@code CALL_ENDED},
 * {@code NOT_INVITED_TO_CALL}, {@code CALL_ADMIN_REQUIRED}).
 */
public interface Calls {

    /**
     * Lists the calls the user takes part in, newest first (F-SECT-02): those of their chats and lessons, those
     * they were invited to, those they created or joined.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param page which page
     * @return the page
     */
    Page<Call> list(PageRequest page);

    /**
     * Returns a call's current state and, while it runs, its links (F-SECT-03, F-SECT-04).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @return the call
     */
    Call get(CallId call);

    /**
     * Finds the call of a journal lesson, as the diary shows it (F-SECT-03): the lesson keeps a reference to its
     * call.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LESSON_CALLS}.
     *
     * @param lessonKey the journal's key of the lesson
     * @return the call, or empty when none was created for the lesson or the user does not take part in it
     */
    Optional<Call> forLesson(String lessonKey);

    /**
     * Creates the call of a lesson, or returns the one already created for it (F-CALL-02). Only a teacher who is a
     * member of the class chat may; the call starts at the lesson's time (at once when that time has passed).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#LESSON_CALLS}.
     *
     * @param lesson the lesson
     * @param chat the class chat whose members are invited
     * @return the call
     */
    Call createLessonCall(Lesson lesson, ChatId chat);

    /**
     * Starts an audio or video call in a chat (F-CALL-01), as the chat's «call» permission allows; the starter is
     * its organiser and is in it at once. When a call already runs in the chat, returns that one.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CHAT_CALLS}.
     *
     * @param chat the chat
     * @param video {@code true} for video, {@code false} for audio only
     * @return the running call
     */
    Call startInChat(ChatId chat, boolean video);

    /**
     * Creates and starts a call by link («Создать звонок по ссылке», F-CALL-07); the creator is its organiser and
     * is in it at once.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param title the title, 1 to 128 characters
     * @param settings whether anonymous participants may join and whether a waiting room is on
     * @return the running call, with the link to share
     */
    Call startByLink(String title, CallSettings settings);

    /**
     * Joins a call the user is invited to (F-CALL-03): a member of its chat, an invited contact, or one who
     * joined by its link before. Refused before the start ({@code CALL_NOT_STARTED}), after the end
     * ({@code CALL_ENDED}), when not invited ({@code NOT_INVITED_TO_CALL}) or removed
     * ({@code REMOVED_FROM_CALL}). Joining again while in the call changes nothing.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @return where the user is now, with the links to open
     */
    CallJoin join(CallId call);

    /**
     * Joins a call by its browser join link (F-CALL-03, F-CALL-07): for a call by link, whoever holds the link
     * may, through the waiting room when it is on; for a call of a chat or lesson, only its participants.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param joinLink the browser join link
     * @return where the user is now: in the call or in the waiting room
     */
    CallJoin joinByLink(String joinLink);

    /**
     * Leaves a call (F-CALL-04, «Выйти»); the call goes on for the others. Leaving a call one is not in changes
     * nothing.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     */
    void leave(CallId call);

    /**
     * Ends the call for everyone (F-CALL-04, «Завершить звонок для всех»); organiser or call admins only. Every
     * participant is out, the links stop working, a running recording stops and lands in the call's chat.
     * Ending an ended call changes nothing.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     */
    void endForAll(CallId call);

    /**
     * Invites contacts to a running call (F-CALL-08): they see it in their list and join without waiting. Only a
     * participant in the call may invite, and only their contacts ({@code NOT_A_CONTACT} otherwise).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALLS_BY_LINK}.
     *
     * @param call the call
     * @param contacts the users to invite
     */
    void invite(CallId call, List<UserId> contacts);

    /**
     * Returns the attendance of a call (F-EMB-06): every participant's join and leave times, and the invited users
     * who never joined. Organiser or call admins only.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CALL_MANAGEMENT}.
     *
     * @param call the call
     * @return the report
     */
    AttendanceReport attendance(CallId call);

    /**
     * Returns the participants' side of calls: the list, own camera, microphone, screen and hand, and the
     * organiser's actions (F-CALL-05, F-CALL-07, F-CALL-09).
     *
     * <p>Needs nothing.
     *
     * @return the participants client
     */
    CallParticipants participants();

    /**
     * Returns recordings and broadcasts (F-CALL-06, F-CALL-10, F-EMB-07).
     *
     * <p>Needs nothing.
     *
     * @return the recordings client
     */
    CallRecordings recordings();
}
