package org.sferum.sdk.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads one file field of a {@code multipart/form-data} body (RFC 7578), enough for the emulator's uploads. */
final class Multipart {
    private Multipart() {
    }

    /** One part: the file name it was sent with ({@code "file"} when none) and its bytes. */
    record Part(String fileName, byte[] content) {
    }

    /**
     * Reads the boundary of a {@code multipart/form-data} content type.
     *
     * @param contentType the header, may be {@code null}
     * @return the boundary, if the type is multipart/form-data with one
     */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String trimmed = param.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a field's part.
     *
     * @param body the body
     * @param boundary the boundary
     * @param field the field's name
     * @return the part, if the body has one of that name
     */
    static Optional<Part> part(byte[] body, String boundary, String field) {
        // ISO-8859-1 maps each byte to one char and back, so the parts' bytes survive.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int after = at + delimiter.length();
            int lineEnd = text.indexOf("\r\n", after);
            if (text.startsWith("--", after) || lineEnd < 0) {
                return Optional.empty();
            }
            int headersEnd = text.indexOf("\r\n\r\n", lineEnd);
            int next = text.indexOf("\r\n" + delimiter, lineEnd);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String headers = headersEnd > lineEnd ? text.substring(lineEnd + 2, headersEnd) : "";
            if (field.equals(param(headers, "name"))) {
                String fileName = param(headers, "filename");
                byte[] content = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
                return Optional.of(new Part(fileName == null || fileName.isEmpty() ? "file" : fileName, content));
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    /** A quoted parameter of the Content-Disposition header, e.g. {@code name="file"}. */
    static String param(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String piece : line.split(";")) {
                String trimmed = piece.trim();
                if (trimmed.startsWith(name + "=\"") && trimmed.endsWith("\"")) {
                    return trimmed.substring(name.length() + 2, trimmed.length() - 1);
                }
            }
        }
        return null;
    }
}
