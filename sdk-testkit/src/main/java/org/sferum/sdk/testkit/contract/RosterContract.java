package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyProgress;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.Cancellation;
import org.sferum.sdk.roster.InvalidRow;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * The contract of roster sync and its automatic chats (F-EMB-01, F-CHAT-01): plan, then apply, as the school's
 * service account; the chats seen from the members' side through the public API. The demo school's users are the
 * roster's people, linked to their school accounts through VK ID as a user would; the teacher of 5г is never
 * linked (pending). Extend it and return a fixture with {@link SferumFixture#vkId()} and
 * {@link SferumFixture#failRosterAfter}.
 */
@ContractNeeds({Capability.ROSTER, Capability.LINKING, Capability.CHAT_ADMIN, Capability.MESSAGING})
public abstract class RosterContract extends SchoolContract {
    private static final String Y26 = "y2026";
    private static final String Y27 = "y2027";
    private static final String STAFF = "Сотрудники Школа №1";

    /** Creates the contract. */
    protected RosterContract() {
    }

    /**
     * The roster of Школа №1: 5в (class teacher t1; p2, p3 and, in 5в, p1) and 5г (class teacher t2, never
     * linked); m1 is p1's parent. In {@code year} y2027 the classes are 6в and 6г.
     */
    private static RosterSnapshot.Builder roster(String p1Class, String year) {
        boolean next = Y27.equals(year);
        String v = next ? "6v" : "5v";
        String g = next ? "6g" : "5g";
        int number = next ? 6 : 5;
        return RosterSnapshot.builder()
                .school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .schoolYear(Y27, "2027/2028", LocalDate.of(2027, 9, 1), LocalDate.of(2028, 5, 31))
                .currentYear(year)
                .homeroom(v, "s1", year, number, "в")
                .homeroom(g, "s1", year, number, "г")
                .person("t1", "Анна", "Смирнова", PersonRole.TEACHER, "s1")
                .person("t2", "Борис", "Иванов", PersonRole.TEACHER, "s1")
                .person("p1", "Иван", "Петров", PersonRole.STUDENT, "s1")
                .person("p2", "Мария", "Козлова", PersonRole.STUDENT, "s1")
                .person("p3", "Артём", "Соколов", PersonRole.STUDENT, "s1")
                .person("m1", "Ольга", "Петрова", PersonRole.PARENT, null)
                .enroll("t1", v, PersonRole.TEACHER, true)
                .enroll("t2", g, PersonRole.TEACHER, true)
                .enroll("p1", "5g".equals(p1Class) ? g : v, PersonRole.STUDENT, false)
                .enroll("p2", v, PersonRole.STUDENT, false)
                .enroll("p3", v, PersonRole.STUDENT, false)
                .parentOf("m1", "p1");
    }

    private static RosterSnapshot roster() {
        return roster("5v", Y26).build();
    }

    private Roster sync() {
        return fixture.sferum().roster();
    }

    private ApplyResult planAndApply(RosterSnapshot snapshot) {
        return sync().apply(sync().plan(snapshot), ApplyOptions.defaults());
    }

    // ---- linking, walked as a user does ----

    private void link(String account, SeededUser user, Role role) {
        SchoolAccountId id = SchoolAccountId.of(account);
        VkIdLogin login = fixture.vkId().open(fixture.sferum().links().start(id, role).authorizationUri());
        assertEquals(Step.PASSWORD, login.enterPhone(user.phone()));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(fixture.vkId().lastSmsCode(user.phone()).orElseThrow()));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        fixture.sferum().links().complete(login.confirm(), id);
    }

    private void linkEveryoneButT2() {
        link("t1", school.teacher(), Role.TEACHER);
        link("p1", school.students().get(0), Role.STUDENT);
        link("p2", school.students().get(1), Role.STUDENT);
        link("p3", school.students().get(2), Role.STUDENT);
        link("m1", school.parent(), Role.PARENT);
    }

    // ---- what members see ----

    /** The chats a user sees by title (archived ones too, marked with a trailing « (архив)»). */
    private Map<String, ChatId> chatsOf(SeededUser user) {
        SferumSession session = fixture.as(user);
        Map<String, ChatId> out = new TreeMap<>();
        for (ChatSummary c : session.chats().list(ChatFilter.ALL, PageRequest.ofSize(PageRequest.MAX_SIZE)).items()) {
            out.put(c.title(), c.id());
        }
        for (ChatSummary c : session.chats().list(ChatFilter.ARCHIVED, PageRequest.ofSize(PageRequest.MAX_SIZE))
                .items()) {
            out.put(c.title() + " (архив)", c.id());
        }
        return out;
    }

    private Chat chat(SeededUser viewer, String title) {
        ChatId id = Optional.ofNullable(chatsOf(viewer).get(title))
                .orElseThrow(() -> new AssertionError(viewer.person().displayName() + " sees no chat «" + title
                        + "»; sees " + chatsOf(viewer).keySet()));
        return fixture.as(viewer).chats().get(id);
    }

    private static Set<UserId> members(Chat chat) {
        return chat.members().stream().map(ChatMember::user).collect(Collectors.toSet());
    }

    private static MemberRole roleOf(Chat chat, UserId user) {
        return chat.members().stream().filter(m -> m.user().equals(user)).map(ChatMember::role).findFirst()
                .orElseThrow(() -> new AssertionError(user + " is not in «" + chat.title() + "»"));
    }

    private SeededUser classTeacher() {
        return school.teacher();
    }

    private SeededUser pupil(int i) {
        return school.students().get(i);
    }

    private Set<UserId> ids(SeededUser... users) {
        Set<UserId> out = new java.util.HashSet<>();
        for (SeededUser u : users) {
            out.add(u.id());
        }
        return out;
    }

    // ---- the contract ----

    @Test
    @DisplayName("F-CHAT-01 F-EMB-01 apply makes the class and staff chats: service account owns, class teacher admin, «Только создатель»")
    void applyMakesTheAutomaticChats() {
        linkEveryoneButT2();
        RosterPlan plan = sync().plan(roster());
        assertEquals(5, plan.counts().toCreate(), "5в, Родители 5в, 5г, Родители 5г, staff");
        assertEquals(1, plan.counts().pending(), "t2 is not linked");
        List<ApplyProgress> progress = new ArrayList<>();
        ApplyResult result = sync().apply(plan, ApplyOptions.defaults().withProgress(progress::add));

        assertEquals(plan.counts().toApply() + 1, result.applied(), "every change and t2's pending chats");
        assertEquals(0, result.failed(), result.failures().toString());
        ApplyProgress last = progress.get(progress.size() - 1);
        assertEquals(last.total(), last.done());
        assertEquals(plan.size(), last.total());

        Chat pupils = chat(classTeacher(), "5в");
        assertEquals(ids(classTeacher(), pupil(0), pupil(1), pupil(2)),
                members(pupils).stream().filter(u -> !u.equals(pupils.owner())).collect(Collectors.toSet()));
        assertFalse(ids(classTeacher(), pupil(0), pupil(1), pupil(2), school.parent()).contains(pupils.owner()),
                "owned by the school's service account");
        assertEquals(MemberRole.OWNER, roleOf(pupils, pupils.owner()));
        assertEquals(MemberRole.ADMIN, roleOf(pupils, classTeacher().id()), "the class teacher is admin");
        assertEquals(MemberRole.MEMBER, roleOf(pupils, pupil(0).id()));
        assertEquals(PermissionLevel.OWNER, pupils.settings().level(ChatAction.CHANGE_INFO), "«Только создатель»");

        Chat parents = chat(school.parent(), "Родители 5в");
        assertEquals(ids(classTeacher(), school.parent()),
                members(parents).stream().filter(u -> !u.equals(parents.owner())).collect(Collectors.toSet()));
        assertTrue(chatsOf(classTeacher()).containsKey(STAFF));
        assertEquals(Set.of("5в"), chatsOf(pupil(1)).keySet(), "a pupil is in the pupils' chat only");
        // the chat works: the class teacher writes in it
        fixture.as(classTeacher()).messages().send(pupils.id(), Draft.text("Добро пожаловать в 5в!"));
    }

    @Test
    @DisplayName("F-CHAT-01 F-EMB-01 running the sync twice changes nothing the second time")
    void secondRunIsEmpty() {
        linkEveryoneButT2();
        planAndApply(roster());
        Map<String, ChatId> before = chatsOf(classTeacher());
        RosterPlan again = sync().plan(roster());
        assertTrue(again.isEmpty(), "nothing to apply: " + again.counts());
        ApplyResult result = sync().apply(again, ApplyOptions.defaults());
        assertEquals(0, result.applied(), "pending t2 is already registered");
        assertEquals(again.size(), result.skipped());
        assertEquals(before, chatsOf(classTeacher()));
    }

    @Test
    @DisplayName("F-CHAT-01 a pupil moved from 5в to 5г leaves one pair of chats and joins the other, with the parent")
    void pupilMoves() {
        linkEveryoneButT2();
        planAndApply(roster());
        assertEquals(Set.of("5в"), chatsOf(pupil(0)).keySet());

        RosterPlan move = sync().plan(roster("5g", Y26).build());
        assertEquals(2, move.counts().toAdd(), "p1 to 5г, m1 to Родители 5г");
        assertEquals(2, move.counts().toRemove(), "p1 from 5в, m1 from Родители 5в");
        sync().apply(move, ApplyOptions.defaults());

        assertEquals(Set.of("5г"), chatsOf(pupil(0)).keySet());
        assertEquals(Set.of("Родители 5г"), chatsOf(school.parent()).keySet());
        assertFalse(members(chat(classTeacher(), "5в")).contains(pupil(0).id()));
        assertTrue(sync().plan(roster("5g", Y26).build()).isEmpty());
    }

    @Test
    @DisplayName("F-CHAT-01 a new school year archives last year's automatic chats and creates the new ones")
    void newSchoolYear() {
        linkEveryoneButT2();
        planAndApply(roster());
        RosterPlan next = sync().plan(roster("5v", Y27).build());
        assertEquals(5, next.counts().toArchive());
        assertEquals(5, next.counts().toCreate());
        sync().apply(next, ApplyOptions.defaults());

        Map<String, ChatId> seen = chatsOf(classTeacher());
        assertTrue(seen.containsKey("6в") && seen.containsKey("Родители 6в"), seen.toString());
        assertTrue(seen.containsKey("5в (архив)") && seen.containsKey("Родители 5в (архив)"), seen.toString());
        assertTrue(members(chat(classTeacher(), "5в (архив)")).contains(pupil(1).id()), "members kept as history");
        assertTrue(sync().plan(roster("5v", Y27).build()).isEmpty());
    }

    @Test
    @DisplayName("F-CHAT-01 chats teachers made by hand are never touched, whatever their title")
    void handMadeChatsUntouched() {
        linkEveryoneButT2();
        ChatId byHand = teacher.chats().create(NewChat.of("5в", Set.of(pupil(0).id(), school.outsider().id())));
        planAndApply(roster());
        planAndApply(roster("5g", Y26).build());
        planAndApply(roster("5v", Y27).build());

        Chat chat = teacher.chats().get(byHand);
        assertEquals("5в", chat.title());
        assertEquals(classTeacher().id(), chat.owner());
        assertEquals(ids(classTeacher(), pupil(0), school.outsider()), members(chat));
    }

    @Test
    @DisplayName("F-CHAT-01 F-LINK-07 pending people join when they link, leave on unlink, and relinking puts the teacher back")
    void pendingLinkUnlinkRelink() {
        RosterPlan plan = sync().plan(roster());
        assertEquals(6, plan.counts().pending(), "nobody is linked yet");
        assertEquals(0, plan.counts().toAdd());
        sync().apply(plan, ApplyOptions.defaults());
        assertTrue(chatsOf(classTeacher()).isEmpty());

        link("t1", classTeacher(), Role.TEACHER);
        Chat pupils = chat(classTeacher(), "5в");
        assertEquals(MemberRole.ADMIN, roleOf(pupils, classTeacher().id()), "admin as soon as she links");
        assertTrue(chatsOf(classTeacher()).keySet().containsAll(Set.of("5в", "Родители 5в", STAFF)));
        link("p1", pupil(0), Role.STUDENT);
        assertEquals(Set.of("5в"), chatsOf(pupil(0)).keySet());
        assertTrue(sync().plan(roster()).counts().toAdd() == 0, "linking did what the next sync would");

        fixture.sferum().links().unlink(SchoolAccountId.of("t1"), true);
        assertTrue(chatsOf(classTeacher()).isEmpty(), "unlinking removes her from every chat");
        assertFalse(members(chat(pupil(0), "5в")).contains(classTeacher().id()));

        link("t1", classTeacher(), Role.TEACHER);
        Chat back = chat(classTeacher(), "5в");
        assertEquals(MemberRole.ADMIN, roleOf(back, classTeacher().id()), "relinking puts the class teacher back");
        assertTrue(chatsOf(classTeacher()).keySet().containsAll(Set.of("5в", "Родители 5в", STAFF)));
        fixture.as(classTeacher()).messages().send(back.id(), Draft.text("Я снова с вами"));
    }

    @Test
    @DisplayName("F-EMB-01 someone who leaves the roster is removed from their automatic chats")
    void leavingTheRosterRemoves() {
        linkEveryoneButT2();
        planAndApply(roster());
        RosterSnapshot.Builder b = RosterSnapshot.builder()
                .school("s1", "Школа №1")
                .schoolYear(Y26, "2026/2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31))
                .currentYear(Y26)
                .homeroom("5v", "s1", Y26, 5, "в")
                .homeroom("5g", "s1", Y26, 5, "г")
                .person("t1", "Анна", "Смирнова", PersonRole.TEACHER, "s1")
                .person("t2", "Борис", "Иванов", PersonRole.TEACHER, "s1")
                .person("p2", "Мария", "Козлова", PersonRole.STUDENT, "s1")
                .person("p3", "Артём", "Соколов", PersonRole.STUDENT, "s1")
                .enroll("t1", "5v", PersonRole.TEACHER, true)
                .enroll("t2", "5g", PersonRole.TEACHER, true)
                .enroll("p2", "5v", PersonRole.STUDENT, false)
                .enroll("p3", "5v", PersonRole.STUDENT, false);
        RosterPlan plan = sync().plan(b.build());
        assertEquals(2, plan.counts().toRemove(), "p1 from 5в, m1 from Родители 5в");
        sync().apply(plan, ApplyOptions.defaults());
        assertTrue(chatsOf(pupil(0)).isEmpty());
        assertTrue(chatsOf(school.parent()).isEmpty());
    }

    @Test
    @DisplayName("F-EMB-01 an invalid snapshot applies nothing, unless planned with skip-invalid")
    void invalidSnapshotAppliesNothing() {
        linkEveryoneButT2();
        RosterSnapshot invalid = roster("5v", Y26)
                .invalidRow(new InvalidRow("users.csv", 7, "the row has no sourcedId; give every user an id"))
                .build();
        RosterPlan blocked = sync().plan(invalid);
        assertTrue(blocked.blocked());
        ValidationException e = assertThrows(ValidationException.class,
                () -> sync().apply(blocked, ApplyOptions.defaults()));
        assertEquals(ErrorCode.INVALID_ROSTER, e.code());
        assertTrue(chatsOf(classTeacher()).isEmpty(), "nothing applied");

        RosterPlan valid = sync().plan(invalid, PlanOptions.skippingInvalid());
        assertFalse(valid.blocked());
        sync().apply(valid, ApplyOptions.defaults());
        assertTrue(chatsOf(classTeacher()).containsKey("5в"));
    }

    @Test
    @DisplayName("F-EMB-01 dry run and cancellation change nothing; the rest counts as skipped")
    void dryRunAndCancellation() {
        linkEveryoneButT2();
        RosterPlan plan = sync().plan(roster());
        ApplyResult dry = sync().apply(plan, ApplyOptions.defaults().withDryRun(true));
        assertEquals(plan.size(), dry.skipped());
        assertEquals(0, dry.applied());
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        ApplyResult stopped = sync().apply(plan, ApplyOptions.defaults().withCancellation(cancelled));
        assertTrue(stopped.cancelled());
        assertEquals(plan.size(), stopped.skipped());
        assertTrue(chatsOf(classTeacher()).isEmpty());
        assertEquals(plan.counts(), sync().plan(roster()).counts(), "the platform is as before");
    }

    @Test
    @DisplayName("F-EMB-01 a platform error mid-apply leaves a resumable state and never a half-made chat")
    void platformErrorMidApplyResumes() {
        linkEveryoneButT2();
        RosterPlan plan = sync().plan(roster());
        fixture.failRosterAfter(4);
        SferumException e = assertThrows(SferumException.class, () -> sync().apply(plan, ApplyOptions.defaults()));
        assertEquals(ErrorCategory.SERVICE, e.code().category(), e.toString());
        fixture.failRosterAfter(-1);

        RosterPlan rest = sync().plan(roster());
        assertTrue(rest.counts().toApply() < plan.counts().toApply(), "what was done stays done");
        assertTrue(rest.counts().toApply() > 0, "the rest is still to do");
        assertEquals(plan.counts().chats(), rest.counts().chats());
        ApplyResult resumed = sync().apply(rest, ApplyOptions.defaults());
        assertEquals(0, resumed.failed());
        assertTrue(sync().plan(roster()).isEmpty());
        // each chat once (none made twice, none left without its key), the class teacher admin in each
        List<String> titles = fixture.as(classTeacher()).chats().list(ChatFilter.ALL, PageRequest.ofSize(50)).items()
                .stream().map(ChatSummary::title).sorted().collect(Collectors.toList());
        assertEquals(List.of("5в", "Родители 5в", STAFF).stream().sorted().collect(Collectors.toList()), titles);
        assertEquals(MemberRole.ADMIN, roleOf(chat(classTeacher(), "5в"), classTeacher().id()));
        assertEquals(MemberRole.ADMIN, roleOf(chat(classTeacher(), "Родители 5в"), classTeacher().id()));
    }
}
