package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.links.LinkStart;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.testkit.vkid.VkIdUsers;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The contract of linking school accounts to VK ID educational profiles (F-LINK-01 … F-LINK-11): the three
 * variants of the manuals, the password reset, unlinking, sessions and every refusal, walked the way a user does.
 * Against the fake the user is scripted over the engine; against sdk-core an HTTP client walks the emulator's
 * pages. Extend it and return a fixture with {@link SferumFixture#vkId()} and {@link SferumFixture#advanceClock}.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.LINKING, Capability.MESSAGING})
public abstract class LinkingContract {
    /** The face under test, fresh for each test. */
    protected SferumFixture fixture;
    /** Its seeded school. */
    protected DemoSchool school;
    /** The SDK under test. */
    protected Sferum sferum;
    /** VK ID's user-facing side behind it. */
    protected VkIdUsers vkId;

    /**
     * Opens a fresh face with the demo school seeded.
     *
     * @return the fixture
     */
    protected abstract SferumFixture openFixture();

    /** Opens the fixture. */
    @BeforeEach
    void openFace() {
        fixture = openFixture();
        ContractNeeds.Check.excludeUnlessOffered(getClass(), fixture);
        school = fixture.school();
        sferum = fixture.sferum();
        vkId = fixture.vkId();
    }

    /** Closes the fixture. */
    @AfterEach
    void closeFace() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static final SchoolAccountId TEACHER_ACCOUNT = SchoolAccountId.of("esh-teacher-0001");
    private static final SchoolAccountId STUDENT_ACCOUNT = SchoolAccountId.of("esh-student-0042");

    /** Variant 1 up to the redirect back: phone, password, SMS code, continue in the profile, confirm. */
    private Map<String, String> loginWithProfile(LinkStart start, SeededUser user) {
        VkIdLogin login = vkId.open(start.authorizationUri());
        assertEquals(Step.PHONE, login.step());
        assertEquals(Step.PASSWORD, login.enterPhone(user.phone()));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(code(user.phone())));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        return login.confirm();
    }

    private Link link(SchoolAccountId account, Role role, SeededUser user) {
        return sferum.links().complete(loginWithProfile(sferum.links().start(account, role), user), account);
    }

    private String code(String phone) {
        return vkId.lastSmsCode(phone).orElseThrow(() -> new AssertionError("no SMS was sent"));
    }

    private static VkIdLogin.AboutYou aboutYou(String last, String first) {
        return new VkIdLogin.AboutYou(last, first, Optional.of("Сергеевна"), LocalDate.of(2012, 3, 14), true);
    }

    private void assertNotLinked(SchoolAccountId account) {
        assertEquals(Optional.empty(), sferum.links().find(account));
        NotFoundException e = assertThrows(NotFoundException.class, () -> sferum.session(account).me());
        assertEquals(ErrorCode.NOT_LINKED, e.code());
    }

    @Test
    @DisplayName("F-LINK-02 F-LINK-01 variant 1: VK ID with a profile links through phone, password, SMS code and the profile")
    void variantOneLinks() {
        LinkStart start = sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER);
        assertTrue(start.authorizationUri().getRawQuery().contains("code_challenge_method=S256"),
                start.authorizationUri().toString());
        assertFalse(start.authorizationUri().toString().contains(DemoSchool.PASSWORD));

        Link link = sferum.links().complete(loginWithProfile(start, school.teacher()));

        assertEquals(TEACHER_ACCOUNT, link.account());
        assertEquals(school.teacher().id(), link.user());
        assertEquals(Role.TEACHER, link.role(), "F-LINK-09 the role comes from the school system");
        assertEquals(Optional.of(link), sferum.links().find(TEACHER_ACCOUNT));
        SferumSession session = sferum.session(TEACHER_ACCOUNT);
        assertEquals(school.teacher().person(), session.me(), "F-LINK-08 only the educational profile is seen");
        ChatId chat = session.chats().create(NewChat.of("5в Математика", Set.of(school.students().get(0).id())));
        session.messages().send(chat, Draft.text("Добрый день!"));
        assertEquals(1, session.messages().history(chat, HistoryQuery.newestFirst(5)).items().size());
    }

    @Test
    @DisplayName("F-LINK-03 variant 2: VK ID without a profile creates one from «Информация о себе»")
    void variantTwoCreatesAProfile() {
        vkId.createAccountWithoutProfile("+7 (901) 555-12-34", "Parol-2026");
        VkIdLogin login = vkId.open(sferum.links().start(STUDENT_ACCOUNT, Role.STUDENT).authorizationUri());
        assertEquals(Step.PASSWORD, login.enterPhone("89015551234"));
        assertEquals(Step.SMS_CODE, login.enterPassword("Parol-2026"));
        assertEquals(Step.CREATE_PROFILE, login.enterSmsCode(code("+79015551234")));
        assertEquals(Step.ABOUT_YOU, login.createProfile());
        assertEquals(Step.CHECK_DATA, login.aboutYou(aboutYou("Новикова", "Дарья")));
        Link link = sferum.links().complete(login.confirm(), STUDENT_ACCOUNT);

        assertEquals(Role.STUDENT, link.role());
        assertEquals("Дарья Новикова", sferum.session(STUDENT_ACCOUNT).me().displayName());
        assertTrue(school.everyone().stream().noneMatch(u -> u.id().equals(link.user())), "a new profile");
    }

    @Test
    @DisplayName("F-LINK-04 F-LINK-10 variant 3: no VK ID, the phone and an SMS code create the account and the profile")
    void variantThreeHasNoPassword() {
        VkIdLogin login = vkId.open(sferum.links().start(STUDENT_ACCOUNT, Role.STUDENT).authorizationUri());
        assertEquals(Step.SMS_CODE, login.enterPhone("+7 902 777-00-11"), "no password step");
        assertEquals(Step.ABOUT_YOU, login.enterSmsCode(code("+79027770011")));
        assertEquals(Step.CHECK_DATA, login.aboutYou(aboutYou("Орлова", "Вера")));
        Link link = sferum.links().complete(login.confirm(), STUDENT_ACCOUNT);

        assertEquals("Вера Орлова", sferum.session(STUDENT_ACCOUNT).me().displayName());
        assertEquals(link, sferum.links().find(STUDENT_ACCOUNT).orElseThrow());
    }

    @Test
    @DisplayName("F-LINK-05 «Забыли или не установили пароль?» resets the password inside the flow")
    void passwordReset() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        login.enterPhone(teacher.phone());
        assertEquals(Step.RESET_PASSWORD, login.forgotPassword());
        assertEquals(Step.CHOOSE_PROFILE, login.resetPassword(code(teacher.phone()), "Novyi-Parol-1"));
        assertEquals(Step.CHECK_DATA, login.continueInProfile());
        assertEquals(teacher.id(), sferum.links().complete(login.confirm()).user());

        sferum.links().unlink(TEACHER_ACCOUNT, true);
        VkIdLogin again = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        again.enterPhone(teacher.phone());
        AuthenticationException old = assertThrows(AuthenticationException.class,
                () -> again.enterPassword(DemoSchool.PASSWORD));
        assertEquals(ErrorCode.WRONG_PASSWORD, old.code(), "the old password no longer works");
        assertEquals(Step.SMS_CODE, again.enterPassword("Novyi-Parol-1"));
    }

    @Test
    @DisplayName("F-LINK-10 a wrong password, a wrong code and a malformed phone are refused on the page, nothing linked")
    void wrongInputOnThePages() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        ValidationException phone = assertThrows(ValidationException.class, () -> login.enterPhone("12345"));
        assertEquals(ErrorCode.INVALID_PHONE, phone.code());
        assertEquals(Step.PHONE, login.step());
        login.enterPhone(teacher.phone());
        assertEquals(ErrorCode.WRONG_PASSWORD,
                assertThrows(AuthenticationException.class, () -> login.enterPassword("не тот")).code());
        login.enterPassword(DemoSchool.PASSWORD);
        String right = code(teacher.phone());
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertEquals(ErrorCode.WRONG_SMS_CODE,
                assertThrows(AuthenticationException.class, () -> login.enterSmsCode(wrong)).code());
        assertEquals(Step.SMS_CODE, login.step());
        assertEquals(Step.CHOOSE_PROFILE, login.enterSmsCode(right));
        assertNotLinked(TEACHER_ACCOUNT);
        for (SeededUser user : school.everyone()) {
            assertFalse(phone.getMessage().contains(user.phone()), "no phone in messages");
        }
    }

    @Test
    @DisplayName("F-LINK-10 an SMS code expires after five minutes on the platform's clock")
    void smsCodeExpires() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        login.enterPhone(teacher.phone());
        login.enterPassword(DemoSchool.PASSWORD);
        String code = code(teacher.phone());
        fixture.advanceClock(Duration.ofMinutes(6));
        assertEquals(ErrorCode.SMS_CODE_EXPIRED,
                assertThrows(AuthenticationException.class, () -> login.enterSmsCode(code)).code());
        assertNotLinked(TEACHER_ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-10 five wrong passwords lock the phone for a while, with the wait told")
    void tooManyAttempts() {
        SeededUser teacher = school.teacher();
        VkIdLogin login = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        login.enterPhone(teacher.phone());
        for (int i = 0; i < 5; i++) {
            assertThrows(AuthenticationException.class, () -> login.enterPassword("неверный"));
        }
        RateLimitException locked = assertThrows(RateLimitException.class,
                () -> login.enterPassword(DemoSchool.PASSWORD));
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, locked.code());
        assertTrue(locked.retryAfter().isPresent());
        fixture.advanceClock(Duration.ofMinutes(16));
        assertEquals(Step.SMS_CODE, login.enterPassword(DemoSchool.PASSWORD), "the lock ends");
    }

    @Test
    @DisplayName("F-LINK-10 issue 12 item 2: a right password does not reset the SMS code's count; new flows do not bypass the lock")
    void smsLockoutIsNotBypassedByNewFlows() {
        SeededUser teacher = school.teacher();
        int wrongCodesTried = 0;
        RateLimitException locked = null;
        for (int round = 0; round < 10 && locked == null; round++) {
            VkIdLogin login = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
            try {
                login.enterPhone(teacher.phone());
                login.enterPassword(DemoSchool.PASSWORD);
                String right = code(teacher.phone());
                String wrong = right.equals("000000") ? "111111" : "000000";
                for (int i = 0; i < 4; i++) {
                    SferumException e = assertThrows(SferumException.class, () -> login.enterSmsCode(wrong));
                    if (e instanceof RateLimitException) {
                        throw (RateLimitException) e;
                    }
                    assertEquals(ErrorCode.WRONG_SMS_CODE, e.code());
                    wrongCodesTried++;
                }
            } catch (RateLimitException e) {
                locked = e;
            }
        }
        assertTrue(locked != null, "ten rounds of a right password and four wrong codes must lock the phone");
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, locked.code());
        assertEquals(5, wrongCodesTried, "the fifth wrong code locks; after it every step is refused");
        VkIdLogin again = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS,
                assertThrows(RateLimitException.class, () -> again.enterPhone(teacher.phone())).code());
        assertNotLinked(TEACHER_ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-10 issue 12 item 2: a completed login starts the counts again")
    void completedLoginResetsTheCounts() {
        SeededUser teacher = school.teacher();
        VkIdLogin first = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        first.enterPhone(teacher.phone());
        for (int i = 0; i < 4; i++) {
            assertThrows(AuthenticationException.class, () -> first.enterPassword("неверный"));
        }
        Link link = sferum.links().complete(loginWithProfile(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER),
                teacher), TEACHER_ACCOUNT);
        sferum.links().unlink(link.account(), true);
        VkIdLogin next = vkId.open(sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER).authorizationUri());
        next.enterPhone(teacher.phone());
        for (int i = 0; i < 4; i++) {
            assertEquals(ErrorCode.WRONG_PASSWORD,
                    assertThrows(AuthenticationException.class, () -> next.enterPassword("неверный")).code());
        }
        assertEquals(Step.SMS_CODE, next.enterPassword(DemoSchool.PASSWORD), "four more wrong passwords do not lock");
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 3: a state started for account A, completed for account B, is refused and changes nothing")
    void linkingCsrfIsRefused() {
        SchoolAccountId attacker = STUDENT_ACCOUNT;
        SchoolAccountId victim = TEACHER_ACCOUNT;
        LinkStart start = sferum.links().start(attacker, Role.STUDENT);
        Map<String, String> callback = loginWithProfile(start, school.teacher());
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> sferum.links().complete(callback, victim));
        assertEquals(ErrorCode.STATE_MISMATCH, refused.code());
        assertFalse(refused.getMessage().contains(start.state()), "no state in the message");
        assertNotLinked(attacker);
        assertNotLinked(victim);

        Link own = sferum.links().complete(callback, attacker);
        assertEquals(attacker, own.account(), "the refused call left the pending linking of its own account");
        assertEquals(school.teacher().id(), own.user());
    }

    @Test
    @DisplayName("F-LINK-11 a callback whose state is unknown, replayed or cancelled links nothing")
    void stateIsChecked() {
        LinkStart start = sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER);
        Map<String, String> callback = loginWithProfile(start, school.teacher());
        Map<String, String> forged = new java.util.HashMap<>(callback);
        forged.put("state", "not-the-state-we-sent");
        assertEquals(ErrorCode.STATE_MISMATCH,
                assertThrows(AuthenticationException.class, () -> sferum.links().complete(forged)).code());
        assertNotLinked(TEACHER_ACCOUNT);

        Link link = sferum.links().complete(callback);
        assertEquals(ErrorCode.STATE_MISMATCH,
                assertThrows(AuthenticationException.class, () -> sferum.links().complete(callback)).code(),
                "the same callback twice links once");
        assertEquals(Optional.of(link), sferum.links().find(TEACHER_ACCOUNT));

        VkIdLogin cancelled = vkId.open(sferum.links().start(STUDENT_ACCOUNT, Role.STUDENT).authorizationUri());
        cancelled.enterPhone(school.students().get(0).phone());
        Map<String, String> denied = cancelled.cancel();
        assertEquals(ErrorCode.ACCESS_DENIED,
                assertThrows(AuthenticationException.class, () -> sferum.links().complete(denied)).code());
        assertNotLinked(STUDENT_ACCOUNT);
    }

    @Test
    @DisplayName("F-LINK-01 an account already linked, or a profile linked to another account, is a conflict that overwrites nothing")
    void conflicts() {
        Link first = link(TEACHER_ACCOUNT, Role.TEACHER, school.teacher());
        ConflictException again = assertThrows(ConflictException.class,
                () -> sferum.links().start(TEACHER_ACCOUNT, Role.TEACHER));
        assertEquals(ErrorCode.ACCOUNT_ALREADY_LINKED, again.code());

        SchoolAccountId other = SchoolAccountId.of("esh-teacher-0002");
        Map<String, String> callback = loginWithProfile(sferum.links().start(other, Role.TEACHER), school.teacher());
        ConflictException profile = assertThrows(ConflictException.class, () -> sferum.links().complete(callback));
        assertEquals(ErrorCode.PROFILE_ALREADY_LINKED, profile.code());
        assertEquals(Optional.of(first), sferum.links().find(TEACHER_ACCOUNT));
        assertNotLinked(other);
    }

    @Test
    @DisplayName("F-LINK-07 unlinking needs a confirmation, removes the user from the school's chats and revokes the tokens")
    void unlink() {
        SeededUser student = school.students().get(0);
        link(STUDENT_ACCOUNT, Role.STUDENT, student);
        SferumSession teacher = fixture.as(school.teacher());
        ChatId chat = teacher.chats().create(NewChat.of("5в", Set.of(student.id(), school.students().get(1).id())));
        SferumSession linked = sferum.session(STUDENT_ACCOUNT);
        linked.messages().send(chat, Draft.text("Здравствуйте!"));

        ValidationException unconfirmed = assertThrows(ValidationException.class,
                () -> sferum.links().unlink(STUDENT_ACCOUNT, false));
        assertEquals(ErrorCode.CONFIRMATION_REQUIRED, unconfirmed.code());
        assertTrue(sferum.links().find(STUDENT_ACCOUNT).isPresent(), "nothing happens without a confirmation");

        sferum.links().unlink(STUDENT_ACCOUNT, true);

        assertNotLinked(STUDENT_ACCOUNT);
        assertThrows(SferumException.class, () -> linked.messages().history(chat, HistoryQuery.newestFirst(5)),
                "the session of the unlinked account no longer works");
        assertEquals(2, teacher.chats().list(ChatFilter.ALL, PageRequest.first()).items().get(0).membersCount(),
                "«Вы будете удалены из всех чатов»");
        assertThrows(PermissionDeniedException.class, () -> fixture.as(student).messages()
                .history(chat, HistoryQuery.newestFirst(5)), "the profile is no longer a member");
        assertEquals(ErrorCode.NOT_LINKED,
                assertThrows(NotFoundException.class, () -> sferum.links().unlink(STUDENT_ACCOUNT, true)).code());

        Link again = link(STUDENT_ACCOUNT, Role.STUDENT, school.students().get(1));
        assertNotEquals(student.id(), again.user(), "the account can link again, to another profile");
    }

    @Test
    @DisplayName("F-LINK-11 a session refreshes its access token when it expires and keeps working")
    void sessionRefreshes() {
        link(TEACHER_ACCOUNT, Role.TEACHER, school.teacher());
        SferumSession session = sferum.session(TEACHER_ACCOUNT);
        assertEquals(school.teacher().person(), session.me());
        fixture.advanceClock(Duration.ofHours(2));
        assertTrue(session.chats().list(ChatFilter.ALL, PageRequest.first()).items().isEmpty(),
                "the call went through with a refreshed token");
        fixture.advanceClock(Duration.ofHours(2));
        assertEquals(school.teacher().person(), sferum.session(TEACHER_ACCOUNT).me());
    }
}
