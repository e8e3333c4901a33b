package org.sferum.sdk.core.fuzz;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.transport.JdkHttpTransport;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * Fuzzes every sdk-core wire decoder reached through the public API (issue 12): the valid answers are recorded from
 * the emulator once, then each property replays them with the answer of one method mutated or replaced by random
 * JSON ({@link JsonMutator}). Whatever arrives, a call returns a value or throws a {@link SferumException}: never a
 * {@code NullPointerException}, a Jackson exception or any other runtime exception.
 */
class WireDecoderFuzzTest {
    /** The valid answers by method, recorded from the emulator. */
    private static final Map<String, String> VALID = new ConcurrentHashMap<>();
    private static Setup setup;

    /** What the recording run created, to address in the replays. */
    private record Setup(ChatId chat, long message, CallId call) {
    }

    /** One operation of the public API and the method whose answer it decodes. */
    private enum Op {
        SEND("messages.send", (s, f) -> s.messages().send(f.chat, Draft.text("Домашнее задание"))),
        HISTORY("messages.getHistory", (s, f) -> s.messages().history(f.chat, HistoryQuery.newestFirst(20))),
        SEARCH("messages.search", (s, f) -> s.messages().search(f.chat, "задание", PageRequest.ofSize(20))),
        EDIT("execute", (s, f) -> s.messages().edit(f.chat,
                org.sferum.sdk.messages.MessageId.of(f.message), "Новый текст")),
        PINNED("messages.getConversationsById", (s, f) -> s.messages().pinned(f.chat)),
        CHAT_LIST("messages.getConversations", (s, f) -> s.chats().list(ChatFilter.ALL, PageRequest.ofSize(20))),
        CHAT_MEMBERS("messages.getConversationMembers", (s, f) -> s.chats().get(f.chat)),
        CHAT_SETTINGS("messages.getConversationsById", (s, f) -> s.chats().get(f.chat)),
        CHAT_CREATE("messages.createChat", (s, f) -> s.chats().create(NewChat.of("Кружок", Set.of()))),
        INVITE_LINK("messages.getInviteLink", (s, f) -> s.chats().inviteLink(f.chat, false)),
        ME("users.get", (s, f) -> s.me()),
        CONTACTS("friends.get", (s, f) -> s.contacts().list(PageRequest.ofSize(20))),
        PUSH("account.getPushSettings", (s, f) -> s.notifications().get()),
        CALL_GET("calls.getById", (s, f) -> s.calls().get(f.call)),
        CALL_LIST("calls.list", (s, f) -> s.calls().list(PageRequest.ofSize(20))),
        CALL_START("calls.start", (s, f) -> s.calls().startInChat(f.chat, true)),
        CALL_JOIN("calls.join", (s, f) -> s.calls().join(f.call)),
        CALL_ATTENDANCE("calls.getAttendance", (s, f) -> s.calls().attendance(f.call));

        final String method;
        final java.util.function.BiConsumer<SferumSession, Setup> action;

        Op(String method, java.util.function.BiConsumer<SferumSession, Setup> action) {
            this.method = method;
            this.action = action;
        }
    }

    @BeforeContainer
    static void record() {
        try (SferumEmulator emulator = SferumEmulator.builder().seedDemo(true).port(0).start()) {
            DemoSchool school = emulator.demoSchool().orElseThrow();
            Transport recording = recorder(new JdkHttpTransport(Duration.ofSeconds(5)));
            try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri()))
                    .transport(recording).discoverPlugins(false).build()) {
                SferumSession teacher = client.session(school.teacher().token());
                ChatId chat = teacher.chats().create(NewChat.of("5в", Set.of(school.students().get(0).id())));
                Message message = teacher.messages().send(chat, Draft.text("Домашнее задание"));
                teacher.messages().pin(chat, message.id());
                CallId call = teacher.calls().startInChat(chat, true).id();
                setup = new Setup(chat, message.id().value(), call);
                for (Op op : Op.values()) {
                    op.action.accept(teacher, setup);
                }
            }
        }
        for (Op op : Op.values()) {
            if (!VALID.containsKey(op.method)) {
                throw new IllegalStateException("no valid answer was recorded for " + op.method);
            }
        }
    }

    @AfterContainer
    static void clear() {
        VALID.clear();
    }

    private static Transport recorder(Transport real) {
        return request -> {
            TransportResponse response = real.execute(request);
            String method = method(request);
            if (method != null && response.status() == 200) {
                String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
                if (body.startsWith("{\"response\"")) {
                    VALID.putIfAbsent(method, body);
                }
            }
            return response;
        };
    }

    private static String method(TransportRequest request) {
        String path = request.uri().getPath();
        int at = path.indexOf("/method/");
        return at < 0 ? null : path.substring(at + "/method/".length());
    }

    @Provide
    Arbitrary<Op> ops() {
        return Arbitraries.of(Op.class);
    }

    @Property(tries = 600, seed = "20261206")
    void onlySferumExceptionsComeOut(@ForAll("ops") Op op, @ForAll long seed) {
        byte[] hostile = JsonMutator.mutate(VALID.get(op.method), seed);
        replay(op, hostile);
    }

    @Property(seed = "20261207")
    void validAnswersAreRead(@ForAll("ops") Op op) {
        replay(op, VALID.get(op.method).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void replay(Op op, byte[] body) {
        Transport replay = request -> {
            String method = method(request);
            if (op.method.equals(method)) {
                return new TransportResponse(200, Map.of(), body);
            }
            String valid = method == null ? null : VALID.get(method);
            if (valid == null) {
                throw new IOException("no recorded answer for " + method);
            }
            return new TransportResponse(200, Map.of(), valid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(
                        java.net.URI.create("http://127.0.0.1:9"))).transport(replay)
                .retryPolicy(RetryPolicy.none()).sleeper(wait -> { }).discoverPlugins(false).build()) {
            SferumSession session = client.session(org.sferum.sdk.users.AccessToken.of("vk1.a.fuzz"));
            try {
                op.action.accept(session, setup);
            } catch (SferumException expected) {
                // a typed refusal of a hostile answer is the point
            } catch (RuntimeException e) {
                throw new AssertionError(op + " let " + e.getClass().getName() + " out for the answer "
                        + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
            }
        }
    }
}
