package org.sferum.sdk.chats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/**
 * A chat's avatar image (F-CHAT-06), checked when it is made: a JPEG or PNG file (told by its first bytes, not by
 * its name), not empty, at most {@link #MAX_BYTES}.
 */
public final class ChatPhoto {
    /** The largest image [choice: 5 MB]. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The content type of JPEG images. */
    public static final String JPEG = "image/jpeg";
    /** The content type of PNG images. */
    public static final String PNG = "image/png";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final String fileName;
    private final byte[] content;
    private final String contentType;

    private ChatPhoto(String fileName, byte[] content, String contentType) {
        this.fileName = fileName;
        this.content = content;
        this.contentType = contentType;
    }

    /**
     * Checks an image held in memory.
     *
     * @param fileName the file's name, as sent with an upload (not used to tell the type)
     * @param content the image's bytes
     * @return the image
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the file is empty, too large, or neither JPEG
     *     nor PNG
     */
    public static ChatPhoto of(String fileName, byte[] content) {
        String name = validName(fileName);
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw invalid("the chat photo is empty");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("the chat photo is larger than " + MAX_BYTES + " bytes");
        }
        String type = startsWith(content, PNG_MAGIC) ? PNG : startsWith(content, JPEG_MAGIC) ? JPEG : null;
        if (type == null) {
            throw invalid("the chat photo must be a JPEG or PNG image");
        }
        return new ChatPhoto(name, content.clone(), type);
    }

    /**
     * Reads and checks an image; reads at most one byte more than {@link #MAX_BYTES}. Does not close the stream.
     *
     * @param fileName the file's name, as sent with an upload (not used to tell the type)
     * @param in the image's bytes
     * @return the image
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the file is empty, too large, or neither JPEG
     *     nor PNG
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static ChatPhoto read(String fileName, InputStream in) {
        Objects.requireNonNull(in, "content");
        try {
            return of(fileName, in.readNBytes(MAX_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat photo", e);
        }
    }

    private static String validName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw invalid("the chat photo's file name must be 1 to 255 characters");
        }
        return fileName;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * Returns the file's name.
     *
     * @return the name given when the image was made
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Returns a copy of the image's bytes.
     *
     * @return the bytes
     */
    public byte[] content() {
        return content.clone();
    }

    /**
     * Returns the image's size.
     *
     * @return the number of bytes
     */
    public int size() {
        return content.length;
    }

    /**
     * Returns the content type told by the image's first bytes.
     *
     * @return {@link #JPEG} or {@link #PNG}
     */
    public String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return "ChatPhoto[" + contentType + ", " + content.length + " bytes]";
    }
}
