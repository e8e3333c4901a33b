package org.sferum.sdk.attachments;

import java.io.InputStream;
import java.util.List;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;

/**
 * Uploading attachments and reading the attachments of a chat. Obtained from {@code SferumSession.attachments()}.
 */
public interface Attachments {

    /**
     * Uploads a photo to attach to a message (F-ATT-01).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ATTACHMENTS}.
     *
     * @param fileName the file name
     * @param content the image bytes; read to the end, not closed
     * @return the photo
     */
    Attachment.Photo uploadPhoto(String fileName, InputStream content);

    /**
     * Uploads a video (F-ATT-02).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ATTACHMENTS}.
     *
     * @param title the title
     * @param content the video bytes; read to the end, not closed
     * @return the video
     */
    Attachment.Video uploadVideo(String title, InputStream content);

    /**
     * Uploads a file (F-ATT-03).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ATTACHMENTS}.
     *
     * @param fileName the file name
     * @param content the bytes; read to the end, not closed
     * @return the file
     */
    Attachment.File uploadFile(String fileName, InputStream content);

    /**
     * Creates a poll (F-ATT-04).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#POLLS}.
     *
     * @param question the question
     * @param answers the answers, 1 to 10
     * @param anonymous whether votes are anonymous
     * @return the poll
     */
    Attachment.Poll createPoll(String question, List<String> answers, boolean anonymous);

    /**
     * Votes in a poll the user can see: its creator, or a member who sees a message it is attached to (F-ATT-04).
     * Polls are single-choice, and a user votes once.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#POLLS}.
     *
     * @param poll the poll's id
     * @param answerIndexes the index of the answer chosen (exactly one), from 0
     */
    void vote(MediaId poll, List<Integer> answerIndexes);

    /**
     * Reads a poll's results (F-ATT-04): the votes per answer, the reader's own vote, and who voted for what unless
     * the poll is anonymous.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#POLLS}.
     *
     * @param poll the poll's id
     * @return the results as the reader sees them
     */
    PollResults poll(MediaId poll);

    /**
     * Lists the attachments of a chat, newest first (F-ATT-05).
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ATTACHMENTS}.
     *
     * @param chat the chat
     * @param page which page
     * @return the page
     */
    Page<Attachment> ofChat(ChatId chat, PageRequest page);
}
