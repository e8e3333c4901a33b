package org.sferum.sdk.roster.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.AutomaticChatKind;
import org.sferum.sdk.roster.HomeroomClass;
import org.sferum.sdk.roster.InvalidRow;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.users.SchoolAccountId;

/** The plan of automatic chats (F-CHAT-01, F-EMB-01) on snapshots built in code. */
class RosterPlannerTest {
    private static final String Y26 = "y2026";
    private static final String Y27 = "y2027";

    /** A school with 5в and 5г, a preschool group, their teachers, pupils and parents; p1 in {@code p1Class}. */
    static RosterSnapshot.Builder school(String p1Class) {
        RosterSnapshot.Builder b = RosterSnapshot.builder()
                .school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .currentYear(Y26)
                .homeroom("5v", "s1", Y26, 5, "в")
                .homeroom("5g", "s1", Y26, 5, "г")
                .homeroom(new HomeroomClass("d1", "s1", Y26, 0, "", "Группа «Солнышко»", true))
                .person("t1", "Анна", "Смирнова", PersonRole.TEACHER, "s1")
                .person("t2", "Борис", "Иванов", PersonRole.TEACHER, "s1")
                .person("t3", "Вера", "Петрова", PersonRole.TEACHER, "s1")
                .person("a1", "Галина", "Сидорова", PersonRole.ADMINISTRATOR, "s1")
                .person("p1", "Дима", "Кузнецов", PersonRole.STUDENT, "s1")
                .person("p2", "Егор", "Попов", PersonRole.STUDENT, "s1")
                .person("p3", "Женя", "Соколов", PersonRole.STUDENT, "s1")
                .person("k1", "Зоя", "Лебедева", PersonRole.STUDENT, "s1")
                .person("m1", "Ирина", "Кузнецова", PersonRole.PARENT, null)
                .person("m2", "Ксения", "Соколова", PersonRole.GUARDIAN, null)
                .person("m3", "Лариса", "Лебедева", PersonRole.PARENT, null)
                .enroll("t1", "5v", PersonRole.TEACHER, true)
                .enroll("t2", "5g", PersonRole.TEACHER, true)
                .enroll("t3", "d1", PersonRole.TEACHER, false)
                .enroll("p1", p1Class, PersonRole.STUDENT, false)
                .enroll("p2", "5v", PersonRole.STUDENT, false)
                .enroll("p3", "5g", PersonRole.STUDENT, false)
                .enroll("k1", "d1", PersonRole.STUDENT, false)
                .parentOf("m1", "p1")
                .parentOf("m2", "p3")
                .parentOf("m3", "k1");
        return b;
    }

    static Set<SchoolAccountId> ids(String... ids) {
        Set<SchoolAccountId> set = new HashSet<>();
        for (String id : ids) {
            set.add(SchoolAccountId.of(id));
        }
        return set;
    }

    /** The platform after a plan was applied on top of {@code before}: what an apply leaves behind. */
    static List<PlatformChat> applied(List<PlatformChat> before, RosterPlan plan) {
        Map<AutomaticChatKey, PlatformChat> chats = new LinkedHashMap<>();
        List<PlatformChat> handMade = new ArrayList<>();
        for (PlatformChat c : before) {
            if (c.automatic()) {
                chats.put(c.key(), c);
            } else {
                handMade.add(c);
            }
        }
        plan.changes().forEach(change -> {
            if (change instanceof RosterChange.CreateChat create) {
                chats.put(create.chat(), new PlatformChat("c" + chats.size(), create.chat(), false, Set.of()));
            } else if (change instanceof RosterChange.ArchiveChat archive) {
                PlatformChat c = chats.get(archive.chat());
                chats.put(c.key(), new PlatformChat(c.id(), c.key(), true, c.members()));
            } else if (change instanceof RosterChange.AddMember add) {
                PlatformChat c = chats.get(add.chat());
                Set<SchoolAccountId> members = new HashSet<>(c.members());
                members.add(add.person());
                chats.put(c.key(), new PlatformChat(c.id(), c.key(), c.archived(), members));
            } else if (change instanceof RosterChange.RemoveMember remove) {
                PlatformChat c = chats.get(remove.chat());
                Set<SchoolAccountId> members = new HashSet<>(c.members());
                assertTrue(members.remove(remove.person()), "removes only a member");
                chats.put(c.key(), new PlatformChat(c.id(), c.key(), c.archived(), members));
            }
        });
        List<PlatformChat> after = new ArrayList<>(chats.values());
        after.addAll(handMade);
        return after;
    }

    static RosterPlan plan(RosterSnapshot snapshot, List<PlatformChat> chats) {
        return RosterPlanner.plan(snapshot, PlatformView.of(chats, a -> true), PlanOptions.defaults());
    }

    private static AutomaticChatKey key(AutomaticChatKind kind, String classId) {
        return new AutomaticChatKey(kind, Y26, "s1", classId);
    }

    @Test
    @DisplayName("F-CHAT-01 a staff chat per school, a pupils' and a parents' chat per class, only parents' for preschool")
    void desiredChats() {
        RosterPlan plan = plan(school("5v").build(), List.of());
        Map<AutomaticChatKey, RosterChange.CreateChat> created = plan.changes()
                .filter(RosterChange.CreateChat.class::isInstance).map(RosterChange.CreateChat.class::cast)
                .collect(Collectors.toMap(RosterChange.CreateChat::chat, c -> c, (a, b) -> a, LinkedHashMap::new));
        assertEquals(List.of(AutomaticChatKey.staff(Y26, "s1"), key(AutomaticChatKind.CLASS_STUDENTS, "5v"),
                key(AutomaticChatKind.CLASS_PARENTS, "5v"), key(AutomaticChatKind.CLASS_STUDENTS, "5g"),
                key(AutomaticChatKind.CLASS_PARENTS, "5g"), key(AutomaticChatKind.CLASS_PARENTS, "d1")),
                List.copyOf(created.keySet()), "no pupils' chat for the preschool group");
        assertEquals("Сотрудники Школа №1", created.get(AutomaticChatKey.staff(Y26, "s1")).title());
        assertEquals("5в", created.get(key(AutomaticChatKind.CLASS_STUDENTS, "5v")).title());
        assertEquals("Родители 5в", created.get(key(AutomaticChatKind.CLASS_PARENTS, "5v")).title());
        assertEquals("Родители Группа «Солнышко»", created.get(key(AutomaticChatKind.CLASS_PARENTS, "d1")).title());
        assertEquals(SchoolAccountId.of("t1"), created.get(key(AutomaticChatKind.CLASS_PARENTS, "5v")).admin(),
                "the class teacher administers the class's chats");
        assertEquals(SchoolAccountId.of("a1"), created.get(AutomaticChatKey.staff(Y26, "s1")).admin());
        assertEquals(SchoolAccountId.of("t3"), created.get(key(AutomaticChatKind.CLASS_PARENTS, "d1")).admin(),
                "without a primary teacher the first teacher is admin");
        created.values().forEach(c -> assertEquals(ChatSettings.ownerOnly(), c.settings(), "«Только создатель»"));
        Map<AutomaticChatKey, Set<SchoolAccountId>> members = new LinkedHashMap<>();
        plan.changes().filter(RosterChange.AddMember.class::isInstance).map(RosterChange.AddMember.class::cast)
                .forEach(a -> members.computeIfAbsent(a.chat(), k -> new HashSet<>()).add(a.person()));
        assertEquals(ids("t1", "t2", "t3", "a1"), members.get(AutomaticChatKey.staff(Y26, "s1")));
        assertEquals(ids("t1", "p1", "p2"), members.get(key(AutomaticChatKind.CLASS_STUDENTS, "5v")));
        assertEquals(ids("t1", "m1"), members.get(key(AutomaticChatKind.CLASS_PARENTS, "5v")),
                "parents of the class's pupils and its teachers; p2 has no parent in the roster");
        assertEquals(ids("t2", "m2"), members.get(key(AutomaticChatKind.CLASS_PARENTS, "5g")), "a guardian too");
        assertEquals(ids("t3", "m3"), members.get(key(AutomaticChatKind.CLASS_PARENTS, "d1")));
        RosterPlan.Counts c = plan.counts();
        assertEquals(new RosterPlan.Counts(1, 3, 11, 6, 4 + 3 + 2 + 2 + 2 + 2, 6, 15, 0, 0, 0, 0), c);
        // creation comes before the members of each chat
        List<RosterChange> changes = plan.changes().collect(Collectors.toList());
        Set<AutomaticChatKey> made = new HashSet<>();
        for (RosterChange change : changes) {
            if (change instanceof RosterChange.CreateChat create) {
                made.add(create.chat());
            } else {
                assertTrue(made.contains(change.chat()), change + " before its chat is created");
            }
        }
    }

    @Test
    @DisplayName("F-EMB-01 only linked people take part; the others are pending, counted once with their chats")
    void pendingUntilLinked() {
        Set<SchoolAccountId> linked = ids("t1", "p1");
        RosterPlan plan = RosterPlanner.plan(school("5v").build(), PlatformView.of(List.of(), linked),
                PlanOptions.defaults());
        Set<SchoolAccountId> added = plan.changes().filter(RosterChange.AddMember.class::isInstance)
                .map(c -> ((RosterChange.AddMember) c).person()).collect(Collectors.toSet());
        assertEquals(linked, added);
        Map<SchoolAccountId, Integer> pending = plan.changes().filter(RosterChange.PendingPerson.class::isInstance)
                .map(RosterChange.PendingPerson.class::cast)
                .collect(Collectors.toMap(RosterChange.PendingPerson::person, p -> p.chats().size()));
        assertEquals(8, plan.counts().pending(), "the preschool pupil k1 is in no chat, so not pending either");
        assertEquals(8, pending.size());
        assertEquals(3, pending.get(SchoolAccountId.of("t2")), "staff chat, 5г and «Родители 5г»");
        assertEquals(1, pending.get(SchoolAccountId.of("m1")));
        assertEquals(RosterPlanner.plan(school("5v").build(), PlatformView.empty(), PlanOptions.defaults())
                .counts().pending(), 10, "offline nobody is linked: everyone is pending");
    }

    @Test
    @DisplayName("F-EMB-01 planning an applied roster again changes nothing")
    void idempotent() {
        RosterSnapshot snapshot = school("5v").build();
        RosterPlan first = plan(snapshot, List.of());
        RosterPlan again = plan(snapshot, applied(List.of(), first));
        assertTrue(again.isEmpty(), () -> again.changes().collect(Collectors.toList()).toString());
        assertEquals(0, again.size());
        assertEquals(first.counts().chats(), again.counts().chats());
        assertEquals(first.counts().memberships(), again.counts().memberships());
    }

    @Test
    @DisplayName("F-EMB-01 a pupil moved 5в→5г leaves one pair of chats and joins the other, with the parent")
    void pupilMoves() {
        List<PlatformChat> platform = applied(List.of(), plan(school("5v").build(), List.of()));
        RosterPlan move = plan(school("5g").build(), platform);
        assertEquals(Set.of(
                new RosterChange.RemoveMember(key(AutomaticChatKind.CLASS_STUDENTS, "5v"), SchoolAccountId.of("p1")),
                new RosterChange.RemoveMember(key(AutomaticChatKind.CLASS_PARENTS, "5v"), SchoolAccountId.of("m1")),
                new RosterChange.AddMember(key(AutomaticChatKind.CLASS_STUDENTS, "5g"), SchoolAccountId.of("p1")),
                new RosterChange.AddMember(key(AutomaticChatKind.CLASS_PARENTS, "5g"), SchoolAccountId.of("m1"))),
                move.changes().collect(Collectors.toSet()));
        assertEquals(2, move.counts().toAdd());
        assertEquals(2, move.counts().toRemove());
        assertTrue(plan(school("5g").build(), applied(platform, move)).isEmpty());
    }

    @Test
    @DisplayName("F-EMB-01 a disabled person, or one who left the roster, is removed from their chats")
    void disabledOrGone() {
        List<PlatformChat> platform = applied(List.of(), plan(school("5v").build(), List.of()));
        RosterSnapshot.Builder b = RosterSnapshot.builder()
                .school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .homeroom("5v", "s1", Y26, 5, "в").homeroom("5g", "s1", Y26, 5, "г")
                .homeroom(new HomeroomClass("d1", "s1", Y26, 0, "", "Группа «Солнышко»", true))
                .person(new RosterPerson(SchoolAccountId.of("t1"), "Анна", "Смирнова", PersonRole.TEACHER, "s1",
                        false, null));
        RosterPlan plan = plan(b.build(), platform);
        assertEquals(0, plan.counts().toCreate());
        assertEquals(0, plan.counts().toArchive());
        assertEquals(15, plan.counts().toRemove(), "every member of every chat left, t1 was disabled");
        assertEquals(0, plan.counts().people());
    }

    @Test
    @DisplayName("F-EMB-01 a new school year archives last year's automatic chats and creates the new ones")
    void newSchoolYear() {
        RosterPlan lastYear = plan(school("5v").build(), List.of());
        List<PlatformChat> platform = applied(List.of(), lastYear);
        RosterSnapshot next = RosterSnapshot.builder()
                .school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .schoolYear(Y27, "2027/2028", LocalDate.of(2027, 9, 1), LocalDate.of(2028, 5, 31))
                .today(LocalDate.of(2027, 9, 2))
                .homeroom("6v", "s1", Y27, 6, "в")
                .person("t1", "Анна", "Смирнова", PersonRole.TEACHER, "s1")
                .person("p1", "Дима", "Кузнецов", PersonRole.STUDENT, "s1")
                .enroll("t1", "6v", PersonRole.TEACHER, true)
                .enroll("p1", "6v", PersonRole.STUDENT, false)
                .build();
        RosterPlan plan = plan(next, platform);
        assertEquals(Y27, plan.yearId());
        Set<AutomaticChatKey> archived = plan.changes().filter(RosterChange.ArchiveChat.class::isInstance)
                .map(RosterChange::chat).collect(Collectors.toSet());
        assertEquals(6, archived.size());
        assertTrue(archived.stream().allMatch(k -> k.yearId().equals(Y26)), "only last year's");
        assertEquals(3, plan.counts().toCreate(), "staff chat, 6в and «Родители 6в» of the new year");
        assertEquals(0, plan.counts().toRemove(), "archived chats keep their members as history");
        List<PlatformChat> after = applied(platform, plan);
        assertTrue(plan(next, after).isEmpty(), "archived chats are not archived twice");
    }

    @Test
    @DisplayName("F-EMB-01 chats made by hand are never touched, whatever their title or members")
    void handMadeChatsUntouched() {
        PlatformChat handMade = new PlatformChat("hand-1", null, false, ids("t1", "p1", "stranger"));
        PlatformChat sameTitle = new PlatformChat("hand-2", null, false, ids("t9"));
        List<PlatformChat> platform = new ArrayList<>(applied(List.of(), plan(school("5v").build(), List.of())));
        platform.add(handMade);
        platform.add(sameTitle);
        assertTrue(plan(school("5v").build(), platform).isEmpty());
        RosterPlan everyoneLeft = plan(RosterSnapshot.builder().build(), platform);
        assertEquals(6, everyoneLeft.counts().toArchive(), "an empty roster archives the automatic chats only");
        assertTrue(everyoneLeft.changes().noneMatch(c -> c.chat() == null || c.chat().equals(handMade.key())));
    }

    @Test
    @DisplayName("F-EMB-01 an invalid snapshot plans nothing unless skipInvalid is set")
    void invalidSnapshotBlocked() {
        RosterSnapshot snapshot = school("5v").invalidRow(new InvalidRow("users.csv", 7, "duplicate sourcedId p1"))
                .build();
        RosterPlan blocked = RosterPlanner.plan(snapshot, PlatformView.emptyAllLinked(), PlanOptions.defaults());
        assertTrue(blocked.blocked());
        assertEquals(0, blocked.size());
        assertEquals(0, blocked.counts().toApply());
        assertEquals(6, blocked.counts().chats(), "the counts still say what the roster asks for");
        assertEquals(1, blocked.counts().invalidRows());
        assertEquals("users.csv:7: duplicate sourcedId p1", blocked.invalidRows().get(0).toString());
        RosterPlan skipping = RosterPlanner.plan(snapshot, PlatformView.emptyAllLinked(),
                PlanOptions.skippingInvalid());
        assertFalse(skipping.blocked());
        assertEquals(6, skipping.counts().toCreate());
    }

    @Test
    @DisplayName("F-EMB-01 a teacher in 200 classes is in every one of their chats and the staff chat")
    void teacherInTwoHundredClasses() {
        RosterSnapshot.Builder b = RosterSnapshot.builder().school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .person("t1", "Анна", "Смирнова", PersonRole.TEACHER, "s1");
        for (int i = 0; i < 200; i++) {
            b.homeroom("c" + i, "s1", Y26, 1 + i % 11, "абвгдежзик".substring(i % 10, i % 10 + 1) + (i / 110));
            b.enroll("t1", "c" + i, PersonRole.TEACHER, true);
        }
        RosterPlan plan = plan(b.build(), List.of());
        assertEquals(401, plan.changes().filter(c -> c instanceof RosterChange.AddMember a
                && a.person().value().equals("t1")).count());
        assertEquals(401, plan.counts().toCreate());
    }

    @Test
    @DisplayName("F-EMB-01 the builder refuses duplicates, unknown references, wrong roles and a second school")
    void builderRefusesBadInput() {
        List<Runnable> bad = List.of(
                () -> school("5v").person("p1", "X", "Y", PersonRole.STUDENT, "s1"),
                () -> school("5v").enroll("nobody", "5v", PersonRole.STUDENT, false),
                () -> school("5v").enroll("p2", "9z", PersonRole.STUDENT, false),
                () -> school("5v").enroll("m1", "5v", PersonRole.TEACHER, false),
                () -> school("5v").parentOf("p1", "p2"),
                () -> school("5v").school("s2", "Школа №2").homeroom("x", "s2", Y26, 1, "а")
                        .enroll("p2", "x", PersonRole.STUDENT, false),
                () -> school("5v").homeroom("5v", "s1", Y26, 5, "в"),
                () -> school("5v").homeroom("x", "s9", Y26, 5, "в"));
        for (Runnable call : bad) {
            ValidationException e = assertThrows(ValidationException.class, call::run);
            assertSame(ErrorCode.INVALID_ROSTER, e.code());
            assertTrue(e.getMessage().length() > 20, e.getMessage());
        }
        assertThrows(ValidationException.class,
                () -> school("5v").enroll("m1", "5v", PersonRole.PARENT, false));
    }

    @Test
    @DisplayName("F-CHAT-01 chat keys round-trip through their string form; long titles are cut to 128")
    void keysAndTitles() {
        AutomaticChatKey k = key(AutomaticChatKind.CLASS_PARENTS, "5v");
        assertEquals(k, AutomaticChatKey.parse(k.value()));
        assertEquals(AutomaticChatKey.staff(Y26, "s1"), AutomaticChatKey.parse(AutomaticChatKey.staff(Y26, "s1")
                .value()));
        assertThrows(ValidationException.class, () -> AutomaticChatKey.parse("a/b/c"));
        String title = RosterPlanner.title("Сотрудники " + "🙂".repeat(200));
        assertEquals(128, title.codePointCount(0, title.length()));
    }
}
