package org.sferum.sdk.samples.springjournal;

import static org.sferum.sdk.testkit.assertj.SferumAssertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot sample end to end (issue 14, F-EMB-05): a teacher and a student of the journal link their
 * accounts through the emulator's VK ID, the teacher opens the class chat, writes, starts a call; the pages are in
 * Russian and escape what users write; the Actuator shows the starter's health entry and metrics.
 */
@SpringBootTest(classes = SpringJournalApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringJournalTest {
    private static final SferumEmulator EMULATOR = SferumEmulator.builder().seedDemo(true).port(0).start();
    private static final DemoSchool SCHOOL = EMULATOR.demoSchool().orElseThrow();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sferum.endpoints.emulator", () -> EMULATOR.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @LocalServerPort
    int port;

    @Test
    @DisplayName("F-EMB-05 F-LINK-06 F-CHAT-01 F-MSG-01 F-CALL-02 the Spring journal: link, class chat, message, call")
    void journal() throws Exception {
        Browser teacher = new Browser();
        assertThat(teacher.get("/").body()).contains("Анна Смирнова (учитель)", "Иван Петров (ученик)");
        teacher.post("/login", "account=spring-teacher-1");
        assertThat(teacher.get("/sferum").body()).contains("Привязать учебный профиль VK ID");
        teacher.link(SCHOOL.teacher());
        assertThat(teacher.get("/sferum").body()).contains("Учётная запись привязана", "Чатов пока нет.",
                "Создать чат класса");

        Browser student = new Browser();
        student.post("/login", "account=spring-student-1");
        student.link(SCHOOL.students().get(0));
        assertThat(student.get("/sferum").body()).contains("Учётная запись привязана")
                .doesNotContain("Создать чат класса").doesNotContain("Создать звонок");

        String chatPage = teacher.post("/sferum/chats", "").headers().firstValue("Location").orElseThrow();
        assertThat(EMULATOR).chatTitled(SferumController.CLASS_CHAT).isOwnedBy(SCHOOL.teacher())
                .hasExactlyMembers(SCHOOL.teacher(), SCHOOL.students().get(0));
        teacher.post(path(chatPage), "text=" + URLEncoder.encode("Домашнее задание: №15 <b>и</b> №16",
                StandardCharsets.UTF_8));
        assertThat(student.get(path(chatPage)).body()).contains("Домашнее задание: №15 &lt;b&gt;и&lt;/b&gt; №16")
                .doesNotContain("<b>и</b>");
        assertThat(student.get("/sferum").body()).contains(SferumController.CLASS_CHAT, "непрочитанных: 1");

        HttpResponse<String> empty = teacher.post(path(chatPage), "text=");
        assertThat(empty.body()).contains("data-error=\"MESSAGE_EMPTY\"", "Сообщение пустое.");

        teacher.post("/sferum/calls", "title=" + URLEncoder.encode("Урок математики, 5в", StandardCharsets.UTF_8));
        assertThat(teacher.get("/sferum").body()).contains("Урок математики, 5в", "data-state=\"RUNNING\"", "идёт",
                "Подключиться");
    }

    @Test
    @DisplayName("F-EMB-03 the Actuator shows the starter's health entry and the SDK's metrics")
    void actuator() throws Exception {
        Browser ops = new Browser();
        assertThat(ops.get("/actuator/health").body()).contains("\"sferum\":{\"details\"")
                .contains("readable (JdbcTokenStore)");
        assertThat(ops.get("/actuator/metrics").body()).contains("sferum.roster.apply.done");
    }

    private static String path(String location) {
        return URI.create(location).getPath();
    }

    /** A browser: its own cookies, no redirects followed, so each step is seen. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** «Привязать учебный профиль VK ID», the emulator's VK ID pages, and back to the journal's callback. */
        void link(SeededUser user) throws Exception {
            HttpResponse<String> start = post("/sferum/link", "");
            assertThat(start.statusCode()).isEqualTo(302);
            VkIdLogin login = EMULATOR.vkIdUsers().open(URI.create(start.headers().firstValue("Location")
                    .orElseThrow()));
            login.enterPhone(user.phone());
            login.enterPassword(DemoSchool.PASSWORD);
            login.enterSmsCode(EMULATOR.vkIdUsers().lastSmsCode(user.phone()).orElseThrow());
            login.continueInProfile();
            Map<String, String> callback = login.confirm();
            String query = callback.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> back = get("/sferum/callback?" + query);
            assertThat(back.headers().firstValue("Location")).as(back.body()).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/sferum"));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
