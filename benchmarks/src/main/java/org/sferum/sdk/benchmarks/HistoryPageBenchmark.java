package org.sferum.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.Page;

/**
 * sdk-core's hot path for one history page: building the request, the transport call (a canned answer, so no
 * network is measured), parsing the envelope and decoding the messages into values. Run with {@code -prof gc} to
 * see the allocation per page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryPageBenchmark {
    /** Messages per page. */
    @Param({"20", "200"})
    public int pageSize;

    private CannedWire wire;
    private SferumSession session;
    private final ChatId chat = ChatId.group(1);

    /** Builds a client whose transport answers every call with one canned history page. */
    @Setup(Level.Trial)
    public void setUp() {
        byte[] body = historyJson(pageSize + 1).getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json; charset=utf-8"));
        Transport canned = new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) throws IOException {
                return new TransportResponse(200, headers, body);
            }
        };
        wire = new CannedWire(canned);
        session = wire.session();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        wire.close();
    }

    /**
     * Reads one history page.
     *
     * @return the page, so that the work is not eliminated
     */
    @Benchmark
    public Page<Message> historyPage() {
        return session.messages().history(chat, HistoryQuery.newestFirst(pageSize));
    }

    static String historyJson(int count) {
        StringBuilder json = new StringBuilder("{\"response\":{\"count\":").append(count).append(",\"items\":[");
        for (int i = count; i >= 1; i--) {
            if (i != count) {
                json.append(',');
            }
            json.append("{\"id\":").append(i).append(",\"date\":").append(1764000000 + i)
                    .append(",\"peer_id\":2000000001,\"from_id\":").append(100001 + i % 4)
                    .append(",\"out\":0,\"text\":\"Домашнее задание: №").append(i)
                    .append(" на стр. 42, сдать до пятницы\",\"conversation_message_id\":").append(i)
                    .append(",\"version\":").append(i)
                    .append(",\"attachments\":[],\"fwd_messages\":[],\"important\":false,\"is_hidden\":false}");
        }
        return json.append("]}}").toString();
    }
}
