package org.sferum.sdk.attachments;

import java.util.List;
import java.util.Objects;

/**
 * Something attached to a message (F-ATT-01 … F-ATT-04). A sealed type: switch over its cases, and treat
 * {@link Unknown} (a kind this version of the SDK does not know) gracefully.
 */
public sealed interface Attachment
        permits Attachment.Photo, Attachment.Video, Attachment.File, Attachment.Poll, Attachment.Unknown {

    /**
     * A photo.
     *
     * @param id the media id
     * @param url where the largest size can be fetched
     */
    record Photo(MediaId id, String url) implements Attachment {
        /**
         * Validates the fields.
         *
         * @param id the media id
         * @param url where the largest size can be fetched
         */
        public Photo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * A video.
     *
     * @param id the media id
     * @param title the title
     */
    record Video(MediaId id, String title) implements Attachment {
        /**
         * Validates the fields.
         *
         * @param id the media id
         * @param title the title
         */
        public Video {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A file (a document, homework).
     *
     * @param id the media id
     * @param name the file name
     * @param size the size in bytes
     */
    record File(MediaId id, String name, long size) implements Attachment {
        /**
         * Validates the fields.
         *
         * @param id the media id
         * @param name the file name
         * @param size the size in bytes
         */
        public File {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A poll.
     *
     * @param id the media id
     * @param question the question
     * @param answers the answers offered
     */
    record Poll(MediaId id, String question, List<String> answers) implements Attachment {
        /**
         * Validates and copies the fields.
         *
         * @param id the media id
         * @param question the question
         * @param answers the answers offered
         */
        public Poll {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(question, "question");
            answers = List.copyOf(answers);
        }
    }

    /**
     * An attachment of a kind this SDK version does not know.
     *
     * @param type the type name the service sent
     */
    record Unknown(String type) implements Attachment {
        /**
         * Validates the fields.
         *
         * @param type the type name the service sent
         */
        public Unknown {
            Objects.requireNonNull(type, "type");
        }
    }
}
