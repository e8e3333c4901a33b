package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;

/**
 * A 1 GB video upload (the documented limit) into an emulator in a child JVM with a 256 MB heap (issue 9): the
 * multipart body is streamed into the blob store's disk spill, so it succeeds. The body is generated while it is
 * sent; nothing of it is on disk on the sending side.
 */
class LargeUploadProcessTest {
    private static final String BOUNDARY = "sferum-large-upload-boundary";

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @DisplayName("F-ATT-02 F-EMB-04 a 1 GB video uploads into an emulator running with -Xmx256m")
    void gigabyteVideoIntoSmallHeap() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port", "0", "--seed", "demo"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("Sferum emulator listening on "), line);
            String base = line.substring("Sferum emulator listening on ".length());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            JsonNode demo = Wire.parse(http.send(HttpRequest.newBuilder(URI.create(base + "/_emulator/demo")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String token = demo.get("users").get(0).get("access_token").asText();
            HttpResponse<String> save = http.send(HttpRequest.newBuilder(URI.create(base + "/method/video.save"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Wire.form("access_token", token, "v", "5.199",
                            "name", "Большое видео"))).build(), HttpResponse.BodyHandlers.ofString());
            String uploadUrl = Wire.json(save).get("response").get("upload_url").asText();

            long videoBytes = AttachmentService.MAX_VIDEO_BYTES;
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"video_file\"; "
                    + "filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            long length = head.length + videoBytes + tail.length;
            HttpRequest upload = HttpRequest.newBuilder(URI.create(uploadUrl))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new SequenceInputStream(new ByteArrayInputStream(head),
                                    new SequenceInputStream(new GeneratedVideo(videoBytes),
                                            new ByteArrayInputStream(tail)))), length))
                    .build();
            HttpResponse<String> answer = http.send(upload, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer::body);
            JsonNode json = Wire.parse(answer.body());
            assertTrue(json.has("video_id"), answer::body);
            assertEquals(videoBytes, json.get("size").asLong(), "every byte arrived");
            assertTrue(process.isAlive(), "the emulator survived with a 256 MB heap");
        } finally {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process stops on SIGTERM");
        }
    }

    /** An MP4 header ({@code ftyp} at byte 4) followed by a byte pattern, generated as it is read. */
    private static final class GeneratedVideo extends InputStream {
        private final long size;
        private long position;

        GeneratedVideo(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p >= 4 && p < 8 ? (byte) "ftyp".charAt((int) p - 4) : (byte) (p * 31 + (p >>> 13));
            }
            position += n;
            return n;
        }
    }
}
