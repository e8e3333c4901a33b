package org.sferum.sdk.samples.journal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo journal: the embedded emulator (demo seed), one {@link SferumClient} pointed at it, the class chat of
 * the demo class, today's timetable, and the web server on 127.0.0.1. Pages are in {@link JournalPages}.
 */
public final class JournalApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalApp.class);
    /** The school's id, prefixed to the lesson keys. */
    static final String SCHOOL_ID = "demo-school-17";

    private final SferumEmulator emulator;
    private final SferumClient sferum;
    private final DemoSchool school;
    private final ChatId classChat;
    private final List<SchoolLesson> lessons;
    private final Map<String, JournalUser> users;
    private final Map<UserId, String> names;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private JournalApp(SferumEmulator emulator, int port) {
        this.emulator = emulator;
        this.school = emulator.demoSchool().orElseThrow();
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        // The demo seed registers the application with http://127.0.0.1/sferum/callback; on a loopback host VK ID
        // (and the emulator) accept any port, so the journal's own callback needs no further registration.
        this.sferum = SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .application(DemoSchool.CLIENT_ID, baseUri.resolve("/sferum/callback"))
                .build();
        this.classChat = createClassChat();
        this.lessons = SchoolLesson.today(SCHOOL_ID, school.className(), now());
        this.users = journalUsers(school);
        Map<UserId, String> byId = new ConcurrentHashMap<>();
        for (SeededUser u : school.everyone()) {
            byId.put(u.id(), u.person().displayName());
        }
        this.names = byId;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "journal-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        JournalPages pages = new JournalPages(this);
        server.createContext("/", exchange -> handle(pages, exchange));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the emulator with the demo school, the client and the journal.
     *
     * @param port the journal's port on 127.0.0.1; 0 picks a free one
     * @return the running journal
     */
    public static JournalApp start(int port) {
        SferumEmulator emulator = SferumEmulator.start();
        try {
            return new JournalApp(emulator, port);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /**
     * Where the journal listens.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The embedded emulator.
     *
     * @return the emulator
     */
    public SferumEmulator emulator() {
        return emulator;
    }

    /**
     * Today's lessons of the demo class.
     *
     * @return the lessons in order
     */
    public List<String> lessonKeys() {
        return lessons.stream().map(SchoolLesson::key).toList();
    }

    /**
     * When a lesson starts.
     *
     * @param key the lesson key
     * @return its start
     */
    public Instant lessonStart(String key) {
        return lesson(key).orElseThrow().startsAt();
    }

    SferumClient sferum() {
        return sferum;
    }

    DemoSchool school() {
        return school;
    }

    ChatId classChat() {
        return classChat;
    }

    List<SchoolLesson> lessons() {
        return lessons;
    }

    Optional<SchoolLesson> lesson(String key) {
        return lessons.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    Map<String, JournalUser> users() {
        return users;
    }

    String nameOf(UserId user) {
        return names.getOrDefault(user, "Пользователь " + user.value());
    }

    /**
     * The school's clock. In the demo it is the emulator's clock, which decides when a call starts; a real
     * journal and Sferum both run on real time.
     *
     * @return now
     */
    Instant now() {
        return emulator.engine().clock().instant();
    }

    /**
     * Moves the emulator's clock (the demo's «перемотать время» button).
     *
     * @param amount how far
     */
    void advanceClock(Duration amount) {
        emulator.advanceClock(amount);
    }

    /**
     * Stops the web server, the client and the emulator.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        sferum.close();
        emulator.close();
    }

    private ChatId createClassChat() {
        // Created at start-up with the teacher's token from the demo seed (as the school's integration would, or
        // the teacher herself): the class chat that lesson calls are created in.
        SferumSession teacher = sferum.session(school.teacher().token());
        List<UserId> students = school.students().stream().map(SeededUser::id).toList();
        ChatId chat = teacher.chats().create(NewChat.of(school.className() + " — классный чат",
                new java.util.LinkedHashSet<>(students)));
        teacher.messages().send(chat, Draft.text("Добро пожаловать в чат класса! Здесь появятся онлайн-уроки."));
        return chat;
    }

    private static Map<String, JournalUser> journalUsers(DemoSchool school) {
        Map<String, JournalUser> users = new LinkedHashMap<>();
        add(users, "teacher", school.teacher(), Role.TEACHER);
        List<SeededUser> students = school.students();
        for (int i = 0; i < students.size(); i++) {
            add(users, "student" + (i + 1), students.get(i), Role.STUDENT);
        }
        add(users, "parent", school.parent(), Role.PARENT);
        return java.util.Collections.unmodifiableMap(users);
    }

    private static void add(Map<String, JournalUser> users, String login, SeededUser seeded, Role role) {
        users.put(login, new JournalUser(login, seeded.person().displayName(), role,
                SchoolAccountId.of("journal-" + login), seeded.phone()));
    }

    private static void handle(JournalPages pages, HttpExchange exchange) {
        Request request = new Request(exchange);
        try {
            pages.handle(request);
        } catch (SferumException e) {
            // The SDK's messages hold no tokens, codes or phones; the query string is never logged.
            LOG.warn("{} {}: {}", request.method(), request.path(), e.code());
            try {
                request.html(ErrorTexts.status(e.code()), pages.errorPage(request, e.code()));
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be on its way
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {}: {}", request.method(), request.path(), e.getClass().getSimpleName());
            try {
                request.html(500, JournalHtml.page("Ошибка", "", "<p class=\"error\">Внутренняя ошибка журнала.</p>"
                        + "<p><a href=\"/\">На главную</a></p>"));
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be on its way
            }
        } finally {
            exchange.close();
        }
    }

}
