package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The scenario of {@link TwoNodesOnEmulatorTest}: two nodes of one school system share their link and token stores (as they would share a JDBC store) and talk to
 * one emulator: a linking started on one completes on the other, concurrent completes link once, and concurrent
 * refreshes from both nodes do not break the link.
 */
abstract class TwoNodesScenario {
    private static final SchoolAccountId ACCOUNT = SchoolAccountId.of("esh-teacher-0001");

    private final TestClock clock = TestClock.at(Instant.parse("2026-09-01T06:00:00Z"));
    private SferumEmulator emulator;
    private SferumClient nodeA;
    private SferumClient nodeB;
    private DemoSchool school;

    @BeforeEach
    void start() {
        emulator = SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start();
        school = emulator.demoSchool().orElseThrow();
        nodeA = node(storesOfNode());
        nodeB = node(storesOfNode());
    }

    /** The stores one node opens: the same data for every node. */
    record Stores(LinkStore links, TokenStore tokens) {
    }

    /**
     * Opens the stores of one more node on the shared data.
     *
     * @return the node's stores
     */
    abstract Stores storesOfNode();

    private SferumClient node(Stores stores) {
        return SferumClient.builder()
                .endpoints(Endpoints.emulator(emulator.baseUri()))
                .application(DemoSchool.CLIENT_ID, URI.create(DemoSchool.REDIRECT_URI))
                .linkStore(stores.links())
                .tokenStore(stores.tokens())
                .clock(clock)
                .discoverPlugins(false)
                .build();
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        emulator.close();
    }

    private Map<String, String> login(LinkStart start, SeededUser user) {
        VkIdLogin login = emulator.vkIdUsers().open(start.authorizationUri());
        login.enterPhone(user.phone());
        login.enterPassword(DemoSchool.PASSWORD);
        login.enterSmsCode(emulator.vkIdUsers().lastSmsCode(user.phone()).orElseThrow());
        login.continueInProfile();
        return login.confirm();
    }

    @Test
    @DisplayName("F-LINK-11 a linking started on one node completes on the other; concurrent completes link once")
    void completesOnceAcrossNodes() throws Exception {
        Map<String, String> callback = login(nodeA.links().start(ACCOUNT, Role.TEACHER), school.teacher());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> both = List.of(() -> complete(nodeA, callback), () -> complete(nodeB, callback));
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(both, 30, TimeUnit.SECONDS)) {
                outcomes.add(f.get());
            }
            long linked = outcomes.stream().filter(o -> o instanceof Link).count();
            assertEquals(1, linked, "exactly one node links: " + outcomes);
            Object other = outcomes.stream().filter(o -> !(o instanceof Link)).findFirst().orElseThrow();
            assertInstanceOf(AuthenticationException.class, other);
            assertEquals(ErrorCode.STATE_MISMATCH, ((AuthenticationException) other).code());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(school.teacher().id(), nodeB.links().find(ACCOUNT).orElseThrow().user());
        assertEquals(school.teacher().person(), nodeB.session(ACCOUNT).me());
    }

    private static Object complete(SferumClient node, Map<String, String> callback) {
        try {
            return node.links().complete(callback);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 4: both nodes refreshing the same expired token at once keep the link working (VK ID revokes a grant whose rotated refresh token comes twice)")
    void concurrentRefreshAcrossNodes() throws Exception {
        nodeA.links().complete(login(nodeA.links().start(ACCOUNT, Role.TEACHER), school.teacher()));
        clock.advance(Duration.ofHours(2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Person>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SferumClient node = i % 2 == 0 ? nodeA : nodeB;
                calls.add(() -> node.session(ACCOUNT).me());
            }
            for (Future<Person> f : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertEquals(school.teacher().person(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofHours(2));
        assertEquals(school.teacher().person(), nodeB.session(ACCOUNT).me(), "the stored tokens still refresh");
    }
}
