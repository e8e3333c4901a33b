package org.sferum.sdk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.AutomaticChatKind;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.spi.CompletedRequest;
import org.sferum.sdk.spi.RequestInterceptor;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** F-EMB-01 on the wire: sdk-core adds a class's members through VK's execute, 25 calls a request. */
class WireRosterBatchingTest {
    private static final int PUPILS = 60;

    @Test
    @DisplayName("F-EMB-01 F-CHAT-01 members go through execute, 25 a request, never one addChatUser a request")
    void membersGoThroughExecute() {
        Map<String, AtomicInteger> sent = applyClassOfSixty(25);
        assertEquals(null, sent.get("messages.addChatUser"), "no member added one request each: " + sent);
        int executes = sent.getOrDefault("execute", new AtomicInteger()).get();
        assertTrue(executes >= 3 && executes <= 4, "63 additions in 3 or 4 executes: " + sent);
    }

    @Test
    @DisplayName("F-EMB-01 rosterCallsPerExecute(1): each member its own messages.addChatUser, no execute, same result")
    void withoutExecute() {
        Map<String, AtomicInteger> sent = applyClassOfSixty(1);
        assertEquals(null, sent.get("execute"), "no execute: " + sent);
        assertEquals(PUPILS + 3, sent.get("messages.addChatUser").get(), "one request a member: " + sent);
    }

    /** Applies 7а with 60 linked pupils, the given members to an execute; returns the requests sent by method. */
    private static Map<String, AtomicInteger> applyClassOfSixty(int callsPerExecute) {
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        RequestInterceptor counter = new RequestInterceptor() {
            @Override
            public void afterComplete(CompletedRequest request) {
                sent.computeIfAbsent(request.operation(), m -> new AtomicInteger()).incrementAndGet();
            }
        };
        try (CoreOnEmulator face = CoreOnEmulator.openWithRoster(b -> b.interceptor(counter)
                .rosterCallsPerExecute(callsPerExecute))) {
            PlatformEngine engine = face.emulator().engine();
            RosterSnapshot.Builder roster = schoolNine();
            link(engine, "t9", Role.TEACHER);
            for (int i = 0; i < PUPILS; i++) {
                roster.person("q" + i, "Ученик", "№" + i, PersonRole.STUDENT, "s9")
                        .enroll("q" + i, "7a", PersonRole.STUDENT, false);
                link(engine, "q" + i, Role.STUDENT);
            }
            RosterPlan plan = face.sferum().roster().plan(roster.build());
            assertEquals(PUPILS + 3, plan.counts().toAdd(), "pupils' chat: 60 + teacher; parents' and staff: teacher");
            sent.clear();
            ApplyResult result = face.sferum().roster().apply(plan, ApplyOptions.defaults());

            assertEquals(plan.size(), result.applied(), result.failures().toString());
            ChatId pupils = engine.roster().chatOf(new AutomaticChatKey(AutomaticChatKind.CLASS_STUDENTS, "y26", "s9",
                    "7a")).orElseThrow();
            assertEquals(PUPILS + 2, engine.chats().chat(engine.roster().serviceAccount("s9"), pupils).members().size(),
                    "the service account, the teacher and the pupils");
            assertTrue(engine.chats().chat(engine.roster().serviceAccount("s9"), pupils).members().stream()
                    .anyMatch(m -> m.role() == org.sferum.sdk.chats.MemberRole.ADMIN), "the class teacher is admin");
        }
        return sent;
    }

    /** Школа №9 with 7а and its class teacher t9. */
    private static RosterSnapshot.Builder schoolNine() {
        return RosterSnapshot.builder()
                .school("s9", "Школа №9")
                .schoolYear("y26", "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .currentYear("y26")
                .homeroom("7a", "s9", "y26", 7, "а")
                .person("t9", "Нина", "Орлова", PersonRole.TEACHER, "s9")
                .enroll("t9", "7a", PersonRole.TEACHER, true);
    }

    private static void link(PlatformEngine engine, String account, Role role) {
        UserId user = engine.users().createUser("Имя", account, role);
        engine.roster().accountLinked(SchoolAccountId.of(account), user);
    }

    @Test
    @DisplayName("F-EMB-01 VK's errors 6 and 9 during an apply are waited out with backoff, and the apply completes")
    void errorsSixAndNineBackOff() {
        java.util.List<java.time.Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger executes = new AtomicInteger();
        org.sferum.sdk.core.transport.Transport real =
                new org.sferum.sdk.core.transport.JdkHttpTransport(java.time.Duration.ofSeconds(5));
        org.sferum.sdk.core.transport.Transport flaky = new org.sferum.sdk.core.transport.Transport() {
            @Override
            public org.sferum.sdk.core.transport.TransportResponse execute(
                    org.sferum.sdk.core.transport.TransportRequest request) throws java.io.IOException {
                if (request.uri().getPath().endsWith("/execute")) {
                    int n = executes.incrementAndGet();
                    if (n == 1 || n == 2) { // the first execute meets error 6, its retry error 9
                        return new org.sferum.sdk.core.transport.TransportResponse(200, Map.of(),
                                ("{\"error\":{\"error_code\":" + (n == 1 ? 6 : 9) + ",\"error_msg\":\"injected\","
                                        + "\"request_params\":[]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                return real.execute(request);
            }

            @Override
            public void close() {
                real.close();
            }
        };
        try (CoreOnEmulator face = CoreOnEmulator.openWithRoster(b -> b.transport(flaky)
                .retryPolicy(new org.sferum.sdk.core.RetryPolicy(3, java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMillis(200), 0))
                .sleeper(sleeps::add))) {
            PlatformEngine engine = face.emulator().engine();
            RosterSnapshot.Builder roster = schoolNine();
            link(engine, "t9", Role.TEACHER);
            ApplyResult result = face.sferum().roster().apply(face.sferum().roster().plan(roster.build()),
                    ApplyOptions.defaults());
            assertEquals(0, result.failed(), result.failures().toString());
            assertEquals(6, result.applied(), "3 chats created, the teacher added to each");
            assertTrue(executes.get() >= 3, "the execute was sent again after 6 and 9: " + executes);
            assertEquals(2, sleeps.size(), "one backoff after each error: " + sleeps);
            assertTrue(sleeps.get(1).compareTo(sleeps.get(0)) >= 0, "the backoff grows: " + sleeps);
        }
    }
}
