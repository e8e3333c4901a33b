package org.sferum.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.micrometer.MicrometerSferumMetrics;
import org.sferum.sdk.spi.SferumMetrics;
import org.sferum.sdk.spring.boot.app.Homework;
import org.sferum.sdk.spring.boot.app.HomeworkApp;
import org.sferum.sdk.store.jdbc.JdbcLinkStore;
import org.sferum.sdk.store.jdbc.JdbcTokenStore;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Issue 14's "done when": a Spring Boot application with the starter and a few properties gets a working client, the
 * stores on its PostgreSQL, metrics in {@code /actuator/metrics} and a health entry. The platform is the emulator on
 * loopback; the database is the embedded PostgreSQL.
 */
@SpringBootTest(classes = HomeworkApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SferumStarterTest {
    private static final SferumEmulator EMULATOR = SferumEmulator.builder().seedDemo(true).port(0).start();
    private static final byte[] KEY = new byte[32];

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedDatabase::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("sferum.backend", () -> "emulator");
        registry.add("sferum.endpoints.emulator", () -> EMULATOR.baseUri().toString());
        registry.add("sferum.application-id", () -> DemoSchool.CLIENT_ID);
        registry.add("sferum.redirect-uri", () -> DemoSchool.REDIRECT_URI);
        registry.add("sferum.store.encryption-key", () -> Base64.getEncoder().encodeToString(KEY));
        registry.add("management.endpoints.web.exposure.include", () -> "health,metrics");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Autowired
    Sferum sferum;
    @Autowired
    Homework homework;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<SferumMetrics> metricsBeans;
    @MockitoBean(name = "journalAudit")
    SferumMetrics journalAudit;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("F-EMB-03 the client comes from application properties, on the JDBC stores, with the Micrometer binding")
    void client() {
        assertThat(sferum).isInstanceOf(SferumClient.class);
        SferumClient client = (SferumClient) sferum;
        assertThat(client.backend()).isEqualTo("emulator");
        assertThat(client.linkStore()).isInstanceOf(JdbcLinkStore.class);
        assertThat(client.tokenStore()).isInstanceOf(JdbcTokenStore.class);
        assertThat(client.metrics()).hasAtLeastOneElementOfType(MicrometerSferumMetrics.class).contains(journalAudit);
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE "
                + "'sferum_%'", String.class))
                .contains("sferum_links", "sferum_pending_links", "sferum_tokens", "sferum_schema_version");
    }

    @Test
    @DisplayName("F-EMB-03 the application's calls reach the emulator and show in /actuator/metrics; "
            + "a SferumMetrics bean is told too")
    void metrics() throws Exception {
        DemoSchool school = EMULATOR.demoSchool().orElseThrow();
        homework.post(school.teacher().token(), Set.of(school.students().get(0).person().id()), "№15, №16");
        verify(journalAudit, timeout(5000)).requestCompleted(eq("messages.send"), eq(Optional.empty()), eq(1),
                any(Duration.class));

        HttpResponse<String> answer = get("/actuator/metrics/sferum.requests?tag=method:messages.send");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"name\":\"sferum.requests\"").contains("\"COUNT\"")
                .contains("\"value\":1.0").contains("outcome");
    }

    @Test
    @DisplayName("F-EMB-03 /actuator/health has a sferum entry: the platform reachable, the token store readable")
    void health() throws Exception {
        HttpResponse<String> answer = get("/actuator/health");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"sferum\":{").contains("\"backend\":\"emulator\"")
                .contains("reachable (HTTP").contains("readable (JdbcTokenStore)");
        assertThat(answer.body()).doesNotContain("unreachable").doesNotContain("unreadable");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
