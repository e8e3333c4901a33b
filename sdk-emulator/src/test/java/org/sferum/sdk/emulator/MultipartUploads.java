package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Uploads to the emulator's upload addresses as a browser or VK client would: one multipart file part. */
final class MultipartUploads {
    private static final String BOUNDARY = "test-boundary-42";

    private MultipartUploads() {
    }

    /**
     * Posts one file part and reads the JSON answer.
     *
     * @param http the client
     * @param url the upload address
     * @param field the part's field name
     * @param fileName the file name
     * @param contentType the part's content type, or {@code null} for none
     * @param content the bytes
     * @return the answer
     */
    static JsonNode upload(HttpClient http, String url, String field, String fileName, String contentType,
                           byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"" + fileName + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return Wire.parse(send(http, request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * Sends a request, turning checked failures into unchecked ones.
     *
     * @param http the client
     * @param request the request
     * @param handler how to read the body
     * @param <T> the body type
     * @return the response
     */
    static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
