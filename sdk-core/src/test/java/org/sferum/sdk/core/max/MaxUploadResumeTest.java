package org.sferum.sdk.core.max;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.SeededBot;

/**
 * Issue 11's bad input "an upload interrupted at half is resumed, not restarted" (F-EMB-08): sdk-core's MAX backend
 * uploads a 2.5 MiB file to the emulator's MAX face through a relay that cuts the connection at half of the file,
 * in the middle of the second chunk; the emulator's upload address then shows that the next request went on at the
 * byte it had, and that no byte came twice.
 */
class MaxUploadResumeTest {
    @Test
    @DisplayName("F-EMB-08 F-ATT-03 an upload cut at half is resumed from the emulator's offset after a backoff, not restarted")
    void cutUploadResumes() throws Exception {
        int size = 2 * MaxAttachments.CHUNK + MaxAttachments.CHUNK / 2;
        byte[] file = new byte[size];
        for (int i = 0; i < size; i++) {
            file[i] = (byte) ('a' + i % 26);
        }
        List<URI> uploads = new CopyOnWriteArrayList<>();
        List<Duration> sleeps = new ArrayList<>();
        try (SferumEmulator emulator = SferumEmulator.builder().maxPort(0).start();
             CuttingRelay relay = new CuttingRelay(emulator.maxUri().orElseThrow(), size / 2)) {
            SeededBot bot = emulator.demoBot().orElseThrow();
            Transport jdk = new JdkHttpTransport(Duration.ofSeconds(5));
            Transport recording = request -> {
                if (request.uri().getPath().startsWith("/upload/")) {
                    uploads.add(request.uri());
                }
                return jdk.execute(request);
            };
            try (SferumClient client = SferumClient.builder().endpoints(Endpoints.max(relay.uri(), bot.token()))
                    .transport(recording).retryPolicy(RetryPolicy.defaults().withJitter(0)).sleeper(sleeps::add)
                    .discoverPlugins(false).build()) {
                Attachment.File uploaded = client.session(bot.token()).attachments().uploadFile("Контрольная.pdf",
                        new ByteArrayInputStream(file));
                assertEquals(size, uploaded.size());
            }
            assertTrue(relay.didCut(), "the relay cut the upload");
            assertEquals(1, sleeps.size(), "one backoff after the cut: " + sleeps);
            // the emulator's side: the ranges its upload address received, in order
            URI address = uploads.get(0);
            assertTrue(address.toString().startsWith(relay.uri().toString()), address.toString());
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(address).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode progress = Json.parse(status.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(progress.path("finished").asBoolean(), progress.toString());
            List<long[]> ranges = new ArrayList<>();
            progress.path("ranges").forEach(r -> {
                String[] ends = r.asText().split("-");
                ranges.add(new long[] {Long.parseLong(ends[0]), Long.parseLong(ends[1])});
            });
            assertEquals(4, ranges.size(), "chunk 1, the half of chunk 2 before the cut, its rest, chunk 3: "
                    + progress);
            long next = 0;
            for (long[] range : ranges) {
                assertEquals(next, range[0], "each request went on at the byte the emulator had: " + progress);
                next = range[1] + 1;
            }
            assertEquals(size, next, "no byte was sent twice: " + progress);
            long resumedAt = ranges.get(2)[0];
            assertTrue(resumedAt > MaxAttachments.CHUNK && resumedAt < 2L * MaxAttachments.CHUNK,
                    "resumed inside the cut chunk, at " + resumedAt + ", not at its start or at 0");
        }
    }
}
