package org.sferum.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vk.api.sdk.client.VkApiClient;
import com.vk.api.sdk.client.actors.UserActor;
import com.vk.api.sdk.httpclient.HttpTransportClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.batch.Batch;
import org.sferum.sdk.batch.Pending;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.transport.apache.ApacheHttpTransport;
import org.sferum.sdk.users.AccessToken;

/**
 * Issue 15's side-by-side comparison: the same calls through sdk-core ({@code sdk}, the JDK's client; {@code
 * sdk-apache}, the Apache HttpClient 5 transport plugin), the official VK Java SDK 1.0.16
 * ({@code official}, Apache HttpClient 4 and Gson) and a bare {@code java.net.http} + Jackson client ({@code raw}),
 * all against one in-process stub server on loopback (embedded Jetty 12, canned answers; the JDK's
 * {@code HttpServer} writes {@code Content-type}, which the official SDK refuses), so the client's
 * own cost and the HTTP round trip are what differs. {@code sendBatched} is sdk-core's {@code session.batch()} of 25
 * sends in one {@code execute}, reported per send. Run with {@code -prof gc} for the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SideBySideBenchmark {
    private static final long PEER = 2000000001L;
    private static final String TOKEN = "vk1.a.benchmark-token-000000000000000000000000";

    /** Which client makes the calls. */
    @Param({"sdk", "sdk-apache", "official", "raw"})
    public String client;

    /** Messages per history page. */
    @Param({"20", "200"})
    public int pageSize;

    private Server server;
    private URI base;
    private SferumClient sdk;
    private SferumSession session;
    private VkApiClient official;
    private UserActor actor;
    private HttpClient raw;
    private ObjectMapper json;
    private final AtomicInteger randomIds = new AtomicInteger(1);

    /** Starts the stub and the client under test. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] history = HistoryPageBenchmark.historyJson(pageSize).getBytes(StandardCharsets.UTF_8);
        byte[] sentPeerIds = ("{\"response\":[{\"peer_id\":" + PEER
                + ",\"message_id\":7,\"conversation_message_id\":7}]}").getBytes(StandardCharsets.UTF_8);
        byte[] sentId = "{\"response\":7}".getBytes(StandardCharsets.UTF_8);
        byte[] one = "{\"response\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] me = "{\"response\":[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Иванова\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder batch = new StringBuilder("{\"response\":[");
        for (int i = 0; i < Batch.MAX_CALLS_PER_REQUEST; i++) {
            batch.append(i == 0 ? "" : ",").append("[{\"peer_id\":").append(PEER)
                    .append(",\"message_id\":").append(i + 1).append(",\"conversation_message_id\":").append(i + 1)
                    .append("}]");
        }
        byte[] executed = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);

        server = new Server(new QueuedThreadPool(16, 4));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                byte[] form;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    form = in.readAllBytes();
                }
                byte[] answer;
                if (path.endsWith("/messages.getHistory")) {
                    answer = history;
                } else if (path.endsWith("/messages.send")) {
                    answer = new String(form, StandardCharsets.US_ASCII).contains("peer_ids=") ? sentPeerIds : sentId;
                } else if (path.endsWith("/execute")) {
                    answer = executed;
                } else if (path.endsWith("/users.get")) {
                    answer = me;
                } else {
                    answer = one;
                }
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
                response.getHeaders().put("Content-Length", Integer.toString(answer.length));
                response.write(true, ByteBuffer.wrap(answer), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("the stub did not start", e);
        }
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        switch (client) {
            case "sdk":
            case "sdk-apache":
                SferumClient.Builder builder = SferumClient.builder().endpoints(Endpoints.emulator(base))
                        .discoverPlugins(false);
                if (client.equals("sdk-apache")) {
                    builder.transport(new ApacheHttpTransport(Duration.ofSeconds(5)));
                }
                sdk = builder.build();
                session = sdk.session(AccessToken.of(TOKEN));
                session.me();
                break;
            case "official":
                String endpoint = base + "/method/";
                official = new VkApiClient(new HttpTransportClient()) {
                    @Override
                    public String getApiEndpoint() {
                        return endpoint;
                    }
                };
                actor = new UserActor(100001L, TOKEN);
                break;
            case "raw":
                raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                json = new ObjectMapper();
                break;
            default:
                throw new IllegalArgumentException(client);
        }
    }

    /** Stops the client and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (sdk != null) {
            sdk.close();
        }
        server.stop();
    }

    private int nextRandomId() {
        return randomIds.incrementAndGet();
    }

    private JsonNode rawCall(String method, String form) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = raw.send(HttpRequest.newBuilder(base.resolve("/method/" + method))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("v=5.199&" + form)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode root = json.readTree(response.body());
        JsonNode answer = root.get("response");
        if (answer == null) {
            throw new IOException("no response");
        }
        return answer;
    }

    /**
     * One {@code messages.send}.
     *
     * @return what the client returns
     * @throws Exception if the call fails
     */
    @Benchmark
    public Object send() throws Exception {
        String text = "Домашнее задание: №15, №16";
        switch (client) {
            case "sdk":
            case "sdk-apache":
                return session.messages().send(ChatId.of(PEER), Draft.text(text));
            case "official":
                return official.messages().sendDeprecated(actor).peerId(PEER).randomId(nextRandomId())
                        .message(text).execute();
            default:
                return rawCall("messages.send", "peer_ids=" + PEER + "&random_id=" + nextRandomId() + "&message="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8)).get(0).get("message_id").longValue();
        }
    }

    /**
     * 25 sends in one batch ({@code execute}), reported per send; sdk-core only (the others send one by one).
     *
     * @return the last message
     * @throws Exception if the call fails
     */
    @Benchmark
    @OperationsPerInvocation(25)
    public Object sendBatched() throws Exception {
        if (session == null) {
            Object last = null;
            for (int i = 0; i < 25; i++) {
                last = send();
            }
            return last;
        }
        Batch batch = session.batch();
        Pending<Message> last = null;
        for (int i = 0; i < 25; i++) {
            last = batch.send(ChatId.of(PEER), Draft.text("Домашнее задание: №15, №16"));
        }
        batch.execute();
        return last.get();
    }

    /**
     * One history page of {@link #pageSize} messages.
     *
     * @return what the client returns
     * @throws Exception if the call fails
     */
    @Benchmark
    public Object history() throws Exception {
        switch (client) {
            case "sdk":
            case "sdk-apache":
                return session.messages().history(ChatId.of(PEER), HistoryQuery.newestFirst(pageSize));
            case "official":
                return official.messages().getHistory(actor).peerId(PEER).count(pageSize).execute();
            default:
                return rawCall("messages.getHistory", "peer_id=" + PEER + "&count=" + pageSize);
        }
    }

    /**
     * A tiny call: {@code messages.markAsRead}, answered {@code 1}.
     *
     * @return what the client returns
     * @throws Exception if the call fails
     */
    @Benchmark
    public Object tiny() throws Exception {
        switch (client) {
            case "sdk":
            case "sdk-apache":
                session.messages().markRead(ChatId.of(PEER), MessageId.of(5));
                return Boolean.TRUE;
            case "official":
                return official.messages().markAsRead(actor).peerId(PEER).startMessageId(5).execute();
            default:
                return rawCall("messages.markAsRead", "peer_id=" + PEER + "&start_message_id=5");
        }
    }
}
