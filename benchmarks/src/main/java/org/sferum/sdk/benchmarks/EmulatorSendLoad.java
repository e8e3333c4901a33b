package org.sferum.sdk.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * A load driver (not a JMH benchmark: it measures a server under concurrent connections, which JMH does not model)
 * for {@code messages.send} through the emulator's HTTP layer: C client threads, each with its own keep-alive
 * connection (one JDK {@code HttpClient} per thread, HTTP/1.1), send to the class chat as fast as answers come, for a
 * warm-up and then a measured period; it prints requests a second and the p50/p99/max latency of each level.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.sferum.sdk.benchmarks.EmulatorSendLoad [seconds] [levels...]
 * }</pre>
 * (defaults: 10 seconds, levels 1 64 256). Figures are in {@code docs/performance.md}.
 */
public final class EmulatorSendLoad {
    private EmulatorSendLoad() {
    }

    /**
     * Runs the levels and prints one line each.
     *
     * @param args the measured seconds per level, then the connection counts
     * @throws Exception if the emulator fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] levels = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 64, 256};
        try (SferumEmulator emulator = SferumEmulator.start()) {
            DemoSchool school = emulator.demoSchool().orElseThrow();
            String token = school.teacher().token().secret();
            long peer = classChat(emulator.baseUri(), school);
            System.out.printf("%-12s %12s %10s %10s %10s %8s%n", "connections", "requests/s", "p50 ms", "p99 ms",
                    "max ms", "errors");
            for (int connections : levels) {
                run(emulator.baseUri(), token, peer, connections, Math.max(2, seconds / 3), false);
                Result result = run(emulator.baseUri(), token, peer, connections, seconds, true);
                System.out.printf("%-12d %12.0f %10.2f %10.2f %10.2f %8d%n", connections, result.perSecond(),
                        result.percentile(0.50), result.percentile(0.99), result.percentile(1.0), result.errors());
            }
        }
    }

    private static long classChat(URI base, DemoSchool school) throws IOException, InterruptedException {
        StringBuilder ids = new StringBuilder();
        school.students().forEach(s -> ids.append(ids.length() == 0 ? "" : ",").append(s.id().value()));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/method/messages.createChat")).header("Authorization", "Bearer "
                        + school.teacher().token().secret())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("v=5.199&title=Load&user_ids=" + ids)).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher chat = java.util.regex.Pattern.compile("\"chat_id\":(\\d+)").matcher(created.body());
        if (!chat.find()) {
            throw new IllegalStateException("messages.createChat failed: " + created.body());
        }
        return 2_000_000_000L + Long.parseLong(chat.group(1));
    }

    private static Result run(URI base, String token, long peer, int connections, int seconds, boolean measure)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong randomId = new AtomicLong(System.nanoTime() & 0x7FFF_FFFFL);
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[100_000];
            synchronized (latencies) {
                latencies.add(mine);
            }
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length - 1) {
                        String form = "v=5.199&peer_id=" + peer + "&random_id=" + randomId.incrementAndGet()
                                + "&message=" + URLEncoder.encode("Нагрузка", StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/method/messages.send"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200 || !response.body().startsWith("{\"response\"")) {
                            errors.incrementAndGet();
                        }
                        mine[++n] = t1 - t0;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    mine[0] = n;
                    done.countDown();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!measure) {
            return null;
        }
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[0];
        }
        long[] all = new long[total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, i, (int) l[0]);
            i += (int) l[0];
        }
        Arrays.sort(all);
        return new Result(total / elapsed, all, errors.get());
    }

    private record Result(double perSecond, long[] sorted, long errors) {
        double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
