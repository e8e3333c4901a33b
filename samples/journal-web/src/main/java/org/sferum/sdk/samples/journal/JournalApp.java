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
import org.sferum.sdk.emulator.SferumEmulator;
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
    /** The demo VK ID for linking variant 2: an account without an educational profile. */
    static final String VARIANT_2_PHONE = "+79000000007";
    /** The demo phone for linking variant 3: no VK ID account at all. */
    static final String VARIANT_3_PHONE = "+79000000008";

    private final SferumEmulator emulator;
    private final SferumClient sferum;
    private final DemoSchool school;
    /** The school's MAX bot, which posts homework and lessons' links into the class chat (a setting). */
    private final SchoolBot bot;
    /** The class chat lesson calls are created in; a new one when the teacher relinks after unlinking. */
    private volatile ChatId classChat;
    private final LiveUpdates live;
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
        this.bot = new SchoolBot(emulator);
        this.classChat = createClassChat(sferum.session(school.teacher().token()), classMembers());
        this.lessons = SchoolLesson.today(SCHOOL_ID, school.className(), now());
        emulator.engine().vkId().createAccount(VARIANT_2_PHONE, Optional.of(DemoSchool.PASSWORD), Optional.empty());
        this.users = journalUsers(school);
        Map<UserId, String> byId = new ConcurrentHashMap<>();
        for (SeededUser u : school.everyone()) {
            byId.put(u.id(), u.person().displayName());
        }
        byId.put(bot.id(), bot.name());
        this.names = byId;
        this.live = new LiveUpdates(sferum);
        AtomicInteger threads = new AtomicInteger();
        // each open page holds one thread with its live-update stream (Server-Sent Events)
        this.executor = Executors.newFixedThreadPool(128, r -> {
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
        // the demo is walked by a person without a phone: the emulator shows the SMS code on its VK ID page
        // the MAX face too: the school's bot posts into the class chat through the MAX Bot API
        SferumEmulator emulator = SferumEmulator.builder().showSmsCodes(true).maxPort(0).start();
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

    LiveUpdates live() {
        return live;
    }

    SchoolBot bot() {
        return bot;
    }

    /**
     * Puts a user who just linked into the class (the school's integration does this, as it would from the
     * timetable): a student or the parent is added to the class chat by the teacher; the teacher, if she is no
     * longer in the class chat (she unlinked, which removed her from every chat), gets a new class chat with
     * everyone of the class. So a relinked user finds the lessons' calls again.
     *
     * @param user the journal user
     * @param profile their educational profile
     */
    synchronized void enrol(JournalUser user, UserId profile) {
        SferumSession teacher = teacherSession();
        if (user.teacher()) {
            try {
                teacher.chats().get(classChat);
                return;
            } catch (SferumException notMember) {
                LOG.info("the teacher is no longer in the class chat ({}): a new class chat", notMember.code());
            }
            classChat = createClassChat(teacher, classMembers());
            return;
        }
        try {
            teacher.chats().addMember(classChat, profile);
            names.putIfAbsent(profile, user.name());
        } catch (SferumException e) {
            LOG.info("adding a member to the class chat: {}", e.code());
        }
    }

    /** The teacher's session: her link when she linked, else the school integration's token from the seed. */
    private SferumSession teacherSession() {
        JournalUser teacher = users.get("teacher");
        return sferum.links().find(teacher.account()).isPresent() ? sferum.session(teacher.account())
                : sferum.session(school.teacher().token());
    }

    /** Everyone of the class but the teacher: the students and the parent, linked or seeded. */
    private java.util.LinkedHashSet<UserId> classMembers() {
        java.util.LinkedHashSet<UserId> members = new java.util.LinkedHashSet<>();
        school.students().forEach(s -> members.add(s.id()));
        members.add(school.parent().id());
        if (users != null) {
            for (JournalUser u : users.values()) {
                if (!u.teacher()) {
                    sferum.links().find(u.account()).ifPresent(l -> members.add(l.user()));
                }
            }
        }
        return members;
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
        live.close();
        server.stop(0);
        executor.shutdownNow();
        sferum.close();
        bot.close();
        emulator.close();
    }

    private ChatId createClassChat(SferumSession teacher, java.util.Set<UserId> members) {
        // Created with the teacher's session (at start-up the seed's token, as the school's integration would, or
        // the teacher herself): the class chat of the students and the parent that lesson calls are created in.
        java.util.Set<UserId> withBot = new java.util.LinkedHashSet<>(members);
        withBot.add(bot.id());
        ChatId chat = teacher.chats().create(NewChat.of(school.className() + " — классный чат", withBot));
        // the school's bot is an admin of the class chat: on MAX that is read_all_messages (docs/max.md)
        teacher.chats().setAdmin(chat, bot.id(), true);
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
        // linking variants 2 and 3 (docs/linking.md): a VK ID without an educational profile, and no VK ID at all
        users.put("student-v2", new JournalUser("student-v2", "Павел Новиков", Role.STUDENT,
                SchoolAccountId.of("journal-student-v2"), VARIANT_2_PHONE));
        users.put("student-v3", new JournalUser("student-v3", "Елена Морозова", Role.STUDENT,
                SchoolAccountId.of("journal-student-v3"), VARIANT_3_PHONE));
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
                request.html(500, JournalPages.internalErrorPage());
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be on its way
            }
        } finally {
            exchange.close();
        }
    }

}
