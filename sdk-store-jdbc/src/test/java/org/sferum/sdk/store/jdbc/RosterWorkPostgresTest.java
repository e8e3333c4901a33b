package org.sferum.sdk.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.fake.FakeSferum;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * F-EMB-01: one roster plan applied by several nodes through PostgreSQL ({@code FOR UPDATE SKIP LOCKED} work items),
 * on the fake platform; and an apply stopped by a platform error resumed without repeating what was done.
 */
class RosterWorkPostgresTest {
    private static final int SCHOOLS = 3;
    private static final int CLASSES = 4;
    private static final int PUPILS = 8;

    private TestDb db;
    private FakeSferum fake;
    private RosterSnapshot snapshot;

    @BeforeEach
    void region() {
        db = TestDb.postgres(-1);
        fake = FakeSferum.builder().build();
        PlatformEngine engine = fake.engine();
        RosterSnapshot.Builder b = RosterSnapshot.builder()
                .schoolYear("y26", "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .currentYear("y26");
        int n = 0;
        for (int s = 0; s < SCHOOLS; s++) {
            String school = "s" + s;
            b.school(school, "Школа №" + s);
            for (int c = 0; c < CLASSES; c++) {
                String klass = school + "c" + c;
                String teacher = klass + "t";
                b.homeroom(klass, school, "y26", 5 + c, "а").person(teacher, "Учитель", klass, PersonRole.TEACHER,
                        school).enroll(teacher, klass, PersonRole.TEACHER, true);
                link(engine, teacher, Role.TEACHER);
                for (int p = 0; p < PUPILS; p++) {
                    String pupil = klass + "p" + p;
                    String parent = pupil + "m";
                    b.person(pupil, "Ученик", pupil, PersonRole.STUDENT, school)
                            .enroll(pupil, klass, PersonRole.STUDENT, false)
                            .person(parent, "Родитель", pupil, PersonRole.PARENT, null).parentOf(parent, pupil);
                    link(engine, pupil, Role.STUDENT);
                    if (n++ % 3 != 0) {
                        link(engine, parent, Role.PARENT); // a third of the parents stay pending
                    }
                }
            }
        }
        snapshot = b.build();
    }

    @AfterEach
    void drop() {
        db.execute("DROP TABLE IF EXISTS " + db.prefix() + "roster_work");
        db.execute("DROP TABLE IF EXISTS " + db.prefix() + "roster_runs");
        db.close();
    }

    private static void link(PlatformEngine engine, String account, Role role) {
        engine.roster().accountLinked(SchoolAccountId.of(account), engine.users().createUser("Имя", account, role));
    }

    /** Records every change handed to the platform, by which node. */
    private static final class Recording implements Roster {
        final Roster inner;
        final String node;
        final CyclicBarrier firstTake;
        boolean waited;

        Recording(Roster inner, String node, CyclicBarrier firstTake) {
            this.inner = inner;
            this.node = node;
            this.firstTake = firstTake;
        }

        @Override
        public RosterPlan plan(RosterSnapshot snapshot, PlanOptions options) {
            return inner.plan(snapshot, options);
        }

        @Override
        public ApplyResult apply(RosterPlan plan, ApplyOptions options) {
            if (firstTake != null && !waited) {
                waited = true;
                try {
                    // every node holds its first items at once: SKIP LOCKED gave each other rows
                    firstTake.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the nodes did not all hold work at once", e);
                }
            }
            plan.changes().forEach(c -> SHARED.computeIfAbsent(c, k -> java.util.Collections.synchronizedList(
                    new ArrayList<>())).add(node));
            return inner.apply(plan, options);
        }
    }

    private static final Map<RosterChange, List<String>> SHARED = new ConcurrentHashMap<>();

    @Test
    @DisplayName("F-EMB-01 three nodes apply one plan through SKIP LOCKED work items: every change once, nothing twice")
    void threeNodesShareOnePlan() throws Exception {
        SHARED.clear();
        RosterPlan plan = fake.roster().plan(snapshot);
        assertTrue(plan.counts().toApply() > 100, plan.counts().toString());
        assertTrue(plan.counts().pending() > 0);
        JdbcRosterWork work = JdbcRosterWork.on(db.dataSource(), db.prefix());
        assertTrue(work.publish("nightly", plan));
        assertFalse(work.publish("nightly", plan), "publishing again changes nothing");

        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<Future<ApplyResult>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String node = "node-" + i;
            JdbcRosterWork own = JdbcRosterWork.on(db.dataSource(), db.prefix()); // each node its own handle
            Recording roster = new Recording(fake.roster(), node, together);
            results.add(nodes.submit(() -> own.work("nightly", roster, ApplyOptions.defaults(), node)));
        }
        long applied = 0;
        for (Future<ApplyResult> r : results) {
            ApplyResult result = r.get(2, TimeUnit.MINUTES);
            assertEquals(0, result.failed(), result.failures().toString());
            applied += result.applied();
        }
        nodes.shutdown();

        assertEquals(0, work.remaining("nightly"));
        assertEquals(plan.size(), SHARED.size(), "every change was handed to the platform");
        SHARED.forEach((change, by) -> assertEquals(1, by.size(), change + " was applied by " + by));
        assertEquals(plan.size(), applied, "each change made once");
        Set<String> nodesThatWorked = new HashSet<>(work.doneBy("nightly").values());
        assertEquals(Set.of("node-0", "node-1", "node-2"), nodesThatWorked);
        assertTrue(fake.roster().plan(snapshot).isEmpty(), "the platform has what the roster asks for");
    }

    @Test
    @DisplayName("F-EMB-01 an apply stopped by a platform error resumes from its checkpoint without repeating work")
    void interruptedApplyResumes() {
        SHARED.clear();
        RosterPlan plan = fake.roster().plan(snapshot);
        JdbcRosterWork work = JdbcRosterWork.on(db.dataSource(), db.prefix());
        work.publish("nightly", plan);
        int items = work.remaining("nightly");

        fake.engine().roster().failAfter(60);
        SferumException outage = assertThrows(SferumException.class,
                () -> work.work("nightly", new Recording(fake.roster(), "first", null),
                        ApplyOptions.defaults(), "first"));
        assertEquals(ErrorCategory.SERVICE, outage.code().category());
        Map<Integer, String> doneFirst = work.doneBy("nightly");
        assertFalse(doneFirst.isEmpty(), "some items were checkpointed before the outage");
        assertTrue(work.remaining("nightly") > 0 && work.remaining("nightly") < items);
        Set<RosterChange> beforeResume = new HashSet<>(SHARED.keySet());
        List<RosterChange> doneChanges = new ArrayList<>();
        List<String> payloads = JdbcRosterWork.items(plan);
        doneFirst.keySet().forEach(seq -> doneChanges.addAll(JdbcRosterWork.decode(payloads.get(seq))));

        fake.engine().roster().failAfter(-1);
        ApplyResult resumed = work.work("nightly", new Recording(fake.roster(), "second", null),
                ApplyOptions.defaults(), "second");
        assertEquals(0, resumed.failed());
        assertEquals(0, work.remaining("nightly"));
        for (RosterChange change : doneChanges) {
            assertEquals(List.of("first"), SHARED.get(change), change + " was done before the outage: not again");
        }
        assertTrue(beforeResume.containsAll(doneChanges));
        assertTrue(fake.roster().plan(snapshot).isEmpty(), "resumed to the end");
    }

    @Test
    @DisplayName("F-EMB-01 work items carry every kind of change unchanged")
    void itemsRoundTrip() {
        RosterPlan plan = fake.roster().plan(snapshot);
        List<RosterChange> decoded = new ArrayList<>();
        JdbcRosterWork.items(plan).forEach(item -> decoded.addAll(JdbcRosterWork.decode(item)));
        assertEquals(new HashSet<>(plan.changes().toList()), new HashSet<>(decoded));
        assertEquals(plan.size(), decoded.size());
    }
}
