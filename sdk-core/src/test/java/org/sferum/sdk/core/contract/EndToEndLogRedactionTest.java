package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.AccessToken;
import org.slf4j.LoggerFactory;

/**
 * Runs the slice through sdk-core and the emulator with every logger of both at TRACE, and checks that no log line
 * and no exception message carries a token, a phone number or a message text. The HTTP server inside the emulator
 * (Jetty) is logged at the level the emulator ships with ({@code org.eclipse.jetty} in sdk-testkit's
 * {@code simplelogger.properties}), which must not be below INFO: Jetty's DEBUG lines carry whole request lines and
 * headers.
 */
class EndToEndLogRedactionTest {
    private static final String PHONE = "+7 912 345-67-89";
    private static final String SECRET_TEXT = "Мой телефон " + PHONE + ", код из СМС 482913";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previousLevel;
    private Logger jetty;
    private Level previousJettyLevel;
    private CoreOnEmulator face;

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        jetty = context.getLogger("org.eclipse.jetty");
        previousJettyLevel = jetty.getLevel();
        jetty.setLevel(shippedJettyLevel());
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        face = CoreOnEmulator.open();
    }

    @AfterEach
    void release() {
        face.close();
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        jetty.setLevel(previousJettyLevel);
    }

    /** The level the emulator's executable jar gives Jetty; a user running the emulator gets exactly this. */
    private static Level shippedJettyLevel() {
        Properties shipped = new Properties();
        try (InputStream in = SferumEmulator.class.getResourceAsStream("/simplelogger.properties")) {
            assertNotNull(in, "sdk-emulator ships simplelogger.properties");
            shipped.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = shipped.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty");
        assertNotNull(name, "the emulator sets Jetty's level explicitly, whatever the default level is");
        Level level = Level.toLevel(name, Level.TRACE);
        assertTrue(level.isGreaterOrEqual(Level.INFO), "Jetty's DEBUG lines carry tokens; shipped at " + name);
        return level;
    }

    @Test
    @DisplayName("F-MSG-01 no log line or exception message carries a token, a phone number or a message text")
    void nothingSecretIsLogged() {
        DemoSchool school = face.school();
        SferumSession teacher = face.as(school.teacher());
        ChatId chat = teacher.chats().create(NewChat.of("5в", Set.of(school.students().get(0).id())));
        teacher.messages().send(chat, Draft.text(SECRET_TEXT));
        face.as(school.students().get(0)).messages().history(chat, HistoryQuery.newestFirst(10));
        List<String> failures = new ArrayList<>();
        failures.add(assertThrows(SferumException.class, () -> face.as(school.outsider()).messages()
                .send(chat, Draft.text(SECRET_TEXT))).getMessage());
        failures.add(assertThrows(SferumException.class, () -> face.sferum()
                .session(AccessToken.of("vk1.a.NotIssuedButSecretAsWell123456"))
                .messages().history(chat, HistoryQuery.newestFirst(1))).getMessage());

        List<String> lines = new ArrayList<>(failures);
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(event.getThrowableProxy().getMessage());
            }
        }
        assertTrue(appender.list.size() > 0, "sdk-core logs each call at DEBUG, so something was captured");
        List<String> secrets = new ArrayList<>(List.of(PHONE, "912 345", "482913", SECRET_TEXT,
                "vk1.a.NotIssuedButSecretAsWell123456"));
        for (SeededUser user : school.everyone()) {
            secrets.add(user.token().secret());
        }
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line != null && line.contains(secret), "a log line or error leaks a secret: " + line);
            }
        }
    }

    @Test
    @DisplayName("F-LINK-11 linking, refreshing and unlinking log no phone, password, SMS code, state, code or token")
    void linkingLogsNoSecret() {
        TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
        LinkStore links = LinkStore.inMemory();
        TokenStore tokens = TokenStore.inMemory();
        List<String> secrets = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        SchoolAccountId account = SchoolAccountId.of("esh-teacher-0001");
        try (SferumEmulator emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
             SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(emulator.baseUri()))
                     .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                     .linkStore(links).tokenStore(tokens).clock(clock).discoverPlugins(false).build()) {
            SeededUser teacher = emulator.demoSchool().orElseThrow().teacher();
            LinkStart start = client.links().start(account, Role.TEACHER);
            String query = start.authorizationUri().getRawQuery();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (List.of("state", "code_challenge", "nonce").contains(kv[0])) {
                    secrets.add(kv[1]);
                }
            }
            VkIdLogin login = emulator.vkIdUsers().open(start.authorizationUri());
            login.enterPhone(teacher.phone());
            messages.add(assertThrows(SferumException.class, () -> login.enterPassword("Wrong-Secret-1")).getMessage());
            login.enterPassword(DemoSchool.PASSWORD);
            String code = emulator.vkIdUsers().lastSmsCode(teacher.phone()).orElseThrow();
            secrets.add(code);
            messages.add(assertThrows(SferumException.class, () -> login.enterSmsCode("000001")).getMessage());
            login.enterSmsCode(code);
            login.continueInProfile();
            Map<String, String> callback = login.confirm();
            secrets.add(callback.get("code"));
            client.links().complete(callback);
            secrets.add(tokens.get(account).orElseThrow().accessToken().secret());
            secrets.add(tokens.get(account).orElseThrow().refreshToken());
            clock.advance(Duration.ofHours(2));
            client.session(account).me();
            secrets.add(tokens.get(account).orElseThrow().accessToken().secret());
            secrets.add(tokens.get(account).orElseThrow().refreshToken());
            messages.add(assertThrows(SferumException.class, () -> client.links().complete(callback)).getMessage());
            client.links().unlink(account, true);
            secrets.addAll(List.of(teacher.phone(), teacher.phone().substring(2), DemoSchool.PASSWORD,
                    "Wrong-Secret-1", teacher.token().secret()));
        }
        List<String> lines = new ArrayList<>(messages);
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(event.getThrowableProxy().getMessage());
            }
        }
        assertTrue(appender.list.size() > 10, "the flow was logged");
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line != null && secret != null && line.contains(secret),
                        "a log line or error leaks a secret: " + line);
            }
        }
    }
}
