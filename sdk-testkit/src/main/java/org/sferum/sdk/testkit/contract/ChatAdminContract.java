package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * The contract of chat information and management (F-CHAT-03, F-CHAT-04, F-CHAT-05, F-CHAT-10): settings and who
 * they let do what, members with roles, adding, removing, appointing, the owner's succession, the invite link.
 * Every refusal checks the exception class, the {@link ErrorCode} and that the chat did not change. Extend it and
 * return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.CHAT_SETTINGS, Capability.MESSAGING})
public abstract class ChatAdminContract extends SchoolContract {
    private SeededUser studentUser(int index) {
        return school.students().get(index);
    }

    private UserId studentId(int index) {
        return studentUser(index).id();
    }

    private ChatId classChat(ChatSettings settings) {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        return teacher.chats().create(new NewChat("5в Классный час", students, settings));
    }

    private ChatId classChat() {
        return classChat(ChatSettings.ownerOnly());
    }

    private static MemberRole role(Chat chat, UserId user) {
        return chat.members().stream().filter(m -> m.user().equals(user)).map(ChatMember::role).findFirst()
                .orElseThrow(() -> new AssertionError("user " + user.value() + " is not a member"));
    }

    private static <T extends SferumException> void refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    // ------------------------------------------------------------------ F-CHAT-03 settings

    @Test
    @DisplayName("F-CHAT-03 the settings given at creation are reported to every member, CALL and mass mentions too")
    void settingsAtCreation() {
        ChatSettings settings = ChatSettings.ownerOnly()
                .with(ChatAction.INVITE, PermissionLevel.ALL)
                .with(ChatAction.CHANGE_INFO, PermissionLevel.OWNER_AND_ADMINS)
                .with(ChatAction.CALL, PermissionLevel.ALL)
                .with(ChatAction.USE_MASS_MENTIONS, PermissionLevel.OWNER_AND_ADMINS)
                .with(ChatAction.CHANGE_ADMINS, PermissionLevel.OWNER_AND_ADMINS);
        ChatId chat = classChat(settings);

        assertEquals(settings, teacher.chats().get(chat).settings());
        assertEquals(settings, student(1).chats().get(chat).settings());
    }

    @Test
    @DisplayName("F-CHAT-03 the owner changes the settings later, and they take effect at once")
    void ownerUpdatesSettings() {
        ChatId chat = classChat();
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().rename(chat, "Переименовано"));

        ChatSettings open = ChatSettings.ownerOnly().with(ChatAction.CHANGE_INFO, PermissionLevel.ALL)
                .with(ChatAction.CALL, PermissionLevel.OWNER_AND_ADMINS);
        teacher.chats().updateSettings(chat, open);
        student(0).chats().rename(chat, "Переименовано");

        Chat after = student(2).chats().get(chat);
        assertEquals(open, after.settings());
        assertEquals("Переименовано", after.title());
    }

    @Test
    @DisplayName("F-CHAT-03 only the owner changes the settings: an admin or a member is refused, nothing changes")
    void onlyOwnerUpdatesSettings() {
        ChatId chat = classChat(ChatSettings.ownerOnly().with(ChatAction.CHANGE_ADMINS,
                PermissionLevel.OWNER_AND_ADMINS));
        teacher.chats().setAdmin(chat, studentId(0), true);
        Chat before = teacher.chats().get(chat);
        ChatSettings all = ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL);

        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().updateSettings(chat, all));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(1).chats().updateSettings(chat, all));
        assertEquals(before, teacher.chats().get(chat));
    }

    @Test
    @DisplayName("F-CHAT-03 changing admins can never be allowed to all members")
    void changeAdminsNeverAll() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ChatSettings.ownerOnly().with(ChatAction.CHANGE_ADMINS, PermissionLevel.ALL));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    // ------------------------------------------------------------------ F-CHAT-04 information

    @Test
    @DisplayName("F-CHAT-04 chat info lists the members with roles, who invited them and when they joined")
    void chatInfo() {
        ChatId chat = classChat();
        teacher.chats().setAdmin(chat, studentId(1), true);
        Chat info = student(2).chats().get(chat);

        assertEquals(chat, info.id());
        assertEquals("5в Классный час", info.title());
        assertEquals(school.teacher().id(), info.owner());
        assertEquals(4, info.members().size());
        assertEquals(school.teacher().id(), info.members().get(0).user(), "the owner joined first");
        assertEquals(MemberRole.OWNER, role(info, school.teacher().id()));
        assertEquals(MemberRole.ADMIN, role(info, studentId(1)));
        assertEquals(MemberRole.MEMBER, role(info, studentId(0)));
        for (ChatMember member : info.members()) {
            assertEquals(school.teacher().id(), member.invitedBy());
            assertEquals(info.members().get(0).joinedAt(), member.joinedAt());
        }
        assertEquals(info, teacher.chats().get(chat), "every member sees the same information");
    }

    @Test
    @DisplayName("F-CHAT-04 only members read a chat's info: others are refused; a missing chat is not found")
    void nonMemberCannotReadInfo() {
        ChatId chat = classChat();
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.outsider()).chats().get(chat));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.parent()).chats().get(chat));
        refused(NotFoundException.class, ErrorCode.CHAT_NOT_FOUND,
                () -> teacher.chats().get(ChatId.group(chat.localId() + 100)));
    }

    @Test
    @DisplayName("F-CHAT-04 the owner renames the chat; members see the new title in the info and in their list")
    void rename() {
        ChatId chat = classChat();
        teacher.chats().rename(chat, "  5в Математика  ");

        assertEquals("5в Математика", student(0).chats().get(chat).title());
        assertEquals("5в Математика",
                student(0).chats().list(ChatFilter.ALL, PageRequest.first()).items().get(0).title());
    }

    @Test
    @DisplayName("F-CHAT-04 a member without CHANGE_INFO or an invalid title cannot rename; the title stays")
    void renameRefused() {
        ChatId chat = classChat(ChatSettings.ownerOnly().with(ChatAction.CHANGE_INFO,
                PermissionLevel.OWNER_AND_ADMINS));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().rename(chat, "Чат бездельников"));
        refused(ValidationException.class, ErrorCode.INVALID_CHAT_TITLE,
                () -> teacher.chats().rename(chat, "   "));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.outsider()).chats().rename(chat, "Чужой"));
        assertEquals("5в Классный час", teacher.chats().get(chat).title());

        teacher.chats().setAdmin(chat, studentId(0), true);
        student(0).chats().rename(chat, "5в Староста");
        assertEquals("5в Староста", teacher.chats().get(chat).title(), "admins may when the level says so");
    }

    // ------------------------------------------------------------------ F-CHAT-05 members

    @Test
    @DisplayName("F-CHAT-05 the owner adds a member, who then reads the chat and is shown as invited by the owner")
    void addMember() {
        ChatId chat = classChat();
        teacher.messages().send(chat, Draft.text("Родительское собрание в четверг"));
        teacher.chats().addMember(chat, school.parent().id());
        teacher.chats().addMember(chat, school.parent().id());

        SferumSession parent = fixture.as(school.parent());
        assertEquals(1, parent.messages().history(chat, HistoryQuery.newestFirst(20)).items().size());
        Chat info = teacher.chats().get(chat);
        assertEquals(5, info.members().size(), "adding a member twice adds them once");
        ChatMember added = info.members().get(4);
        assertEquals(school.parent().id(), added.user());
        assertEquals(MemberRole.MEMBER, added.role());
        assertEquals(school.teacher().id(), added.invitedBy());
    }

    @Test
    @DisplayName("F-CHAT-05 members without INVITE cannot add, and a user that does not exist is not found; "
            + "nothing changes")
    void addMemberRefused() {
        ChatId chat = classChat();
        Chat before = teacher.chats().get(chat);
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().addMember(chat, school.parent().id()));
        refused(NotFoundException.class, ErrorCode.USER_NOT_FOUND,
                () -> teacher.chats().addMember(chat, UserId.of(999_999_999L)));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.outsider()).chats().addMember(chat, school.outsider().id()));
        assertEquals(before, teacher.chats().get(chat));

        teacher.chats().updateSettings(chat, ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL));
        student(0).chats().addMember(chat, school.parent().id());
        assertTrue(teacher.chats().get(chat).hasMember(school.parent().id()), "with INVITE for all, members add");
    }

    @Test
    @DisplayName("F-CHAT-05 a removed member loses access at once: the next read is refused as not a member")
    void removedMemberLosesAccess() {
        ChatId chat = classChat();
        teacher.messages().send(chat, Draft.text("Итоги четверти"));
        SferumSession removed = student(2);
        assertEquals(1, removed.messages().history(chat, HistoryQuery.newestFirst(20)).items().size());

        teacher.chats().removeMember(chat, studentId(2));

        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> removed.messages().history(chat, HistoryQuery.newestFirst(20)));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER, () -> removed.chats().get(chat));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> removed.messages().send(chat, Draft.text("Я ещё тут?")));
        assertTrue(removed.chats().list(ChatFilter.ALL, PageRequest.first()).items().isEmpty());
        assertFalse(teacher.chats().get(chat).hasMember(studentId(2)));
    }

    @Test
    @DisplayName("F-CHAT-05 an admin removes a member but never the owner; a member removes nobody; nothing changes")
    void removalRules() {
        ChatId chat = classChat();
        teacher.chats().setAdmin(chat, studentId(0), true);
        Chat before = teacher.chats().get(chat);

        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().removeMember(chat, school.teacher().id()));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(1).chats().removeMember(chat, studentId(2)));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(1).chats().removeMember(chat, school.teacher().id()));
        refused(NotFoundException.class, ErrorCode.USER_NOT_FOUND,
                () -> teacher.chats().removeMember(chat, school.outsider().id()));
        assertEquals(before, teacher.chats().get(chat));

        student(0).chats().removeMember(chat, studentId(2));
        assertFalse(teacher.chats().get(chat).hasMember(studentId(2)), "an admin removes an ordinary member");
    }

    @Test
    @DisplayName("F-CHAT-05 the owner appoints and dismisses admins; roles show in the chat info")
    void appointAndDismiss() {
        ChatId chat = classChat();
        teacher.chats().setAdmin(chat, studentId(0), true);
        assertEquals(MemberRole.ADMIN, role(student(1).chats().get(chat), studentId(0)));

        teacher.chats().setAdmin(chat, studentId(0), false);
        assertEquals(MemberRole.MEMBER, role(student(1).chats().get(chat), studentId(0)));
    }

    @Test
    @DisplayName("F-CHAT-05 without CHANGE_ADMINS members and admins cannot appoint; the owner's role never "
            + "changes; nothing changes")
    void appointRefused() {
        ChatId chat = classChat();
        teacher.chats().setAdmin(chat, studentId(0), true);
        Chat before = teacher.chats().get(chat);

        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(1).chats().setAdmin(chat, studentId(1), true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().setAdmin(chat, studentId(2), true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> teacher.chats().setAdmin(chat, school.teacher().id(), false));
        refused(NotFoundException.class, ErrorCode.USER_NOT_FOUND,
                () -> teacher.chats().setAdmin(chat, school.parent().id(), true));
        assertEquals(before, teacher.chats().get(chat));

        teacher.chats().updateSettings(chat, ChatSettings.ownerOnly().with(ChatAction.CHANGE_ADMINS,
                PermissionLevel.OWNER_AND_ADMINS));
        student(0).chats().setAdmin(chat, studentId(2), true);
        assertEquals(MemberRole.ADMIN, role(teacher.chats().get(chat), studentId(2)),
                "with CHANGE_ADMINS for owner and admins, an admin appoints");
    }

    @Test
    @DisplayName("F-CHAT-05 when the owner leaves, the longest-standing admin becomes owner and the chat works on")
    void ownerLeavesAdminTakesOver() {
        ChatId chat = classChat();
        teacher.chats().setAdmin(chat, studentId(2), true);
        teacher.chats().setAdmin(chat, studentId(1), true);

        teacher.chats().removeMember(chat, school.teacher().id());

        Chat after = student(0).chats().get(chat);
        UserId longestAdmin = after.members().stream().filter(m -> !m.user().equals(studentId(0)))
                .map(ChatMember::user).findFirst().orElseThrow();
        assertEquals(longestAdmin, after.owner());
        assertEquals(MemberRole.OWNER, role(after, longestAdmin));
        assertFalse(after.hasMember(school.teacher().id()));
        SferumSession owner = fixture.as(school.students().stream().filter(s -> s.id().equals(longestAdmin))
                .findFirst().orElseThrow());
        owner.chats().rename(chat, "5в без классного руководителя");
        owner.chats().updateSettings(chat, ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL));
        student(0).messages().send(chat, Draft.text("Чат работает"));
    }

    @Test
    @DisplayName("F-CHAT-05 when the owner leaves a chat without admins, the longest-standing member becomes owner")
    void ownerLeavesMemberTakesOver() {
        ChatId chat = teacher.chats().create(NewChat.of("Кружок", Set.of()));
        teacher.chats().addMember(chat, studentId(2));
        teacher.chats().addMember(chat, studentId(0));

        teacher.chats().removeMember(chat, school.teacher().id());

        Chat after = student(0).chats().get(chat);
        assertEquals(studentId(2), after.owner());
        assertEquals(Map.of(studentId(2), MemberRole.OWNER, studentId(0), MemberRole.MEMBER),
                after.members().stream().collect(Collectors.toMap(ChatMember::user, ChatMember::role)));
    }

    // ------------------------------------------------------------------ F-CHAT-10 invite link

    @Test
    @DisplayName("F-CHAT-10 a user joins by the invite link; joining again changes nothing")
    void joinByLink() {
        ChatId chat = classChat();
        InviteLink link = teacher.chats().inviteLink(chat, false);
        assertEquals(link, teacher.chats().inviteLink(chat, false), "the link stays until it is reset");

        SferumSession parent = fixture.as(school.parent());
        assertEquals(chat, parent.chats().join(link));
        assertEquals(chat, parent.chats().join(link));

        Chat info = parent.chats().get(chat);
        assertEquals(5, info.members().size());
        assertEquals(MemberRole.MEMBER, role(info, school.parent().id()));
        assertEquals(school.teacher().id(), info.members().get(4).invitedBy());
        assertEquals(chat, student(0).chats().join(link), "a member joining is a no-op");
    }

    @Test
    @DisplayName("F-CHAT-10 an invite link that was reset is refused as invalid, and the user does not join")
    void resetLinkIsInvalid() {
        ChatId chat = classChat();
        InviteLink old = teacher.chats().inviteLink(chat, false);
        InviteLink fresh = teacher.chats().inviteLink(chat, true);
        assertNotEquals(old, fresh);

        SferumSession outsider = fixture.as(school.outsider());
        refused(NotFoundException.class, ErrorCode.INVITE_LINK_INVALID, () -> outsider.chats().join(old));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER, () -> outsider.chats().get(chat));
        assertFalse(teacher.chats().get(chat).hasMember(school.outsider().id()));
        refused(NotFoundException.class, ErrorCode.INVITE_LINK_INVALID,
                () -> outsider.chats().join(new InviteLink(fresh.url() + "x")));

        assertEquals(chat, outsider.chats().join(fresh));
        assertTrue(teacher.chats().get(chat).hasMember(school.outsider().id()));
    }

    @Test
    @DisplayName("F-CHAT-10 seeing or resetting the link needs INVITE and SEE_INVITE_LINK; refused, the link stays")
    void linkNeedsLevels() {
        ChatId chat = classChat(ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL));
        InviteLink link = teacher.chats().inviteLink(chat, false);

        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().inviteLink(chat, false));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student(0).chats().inviteLink(chat, true));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> fixture.as(school.outsider()).chats().inviteLink(chat, false));
        assertEquals(link, teacher.chats().inviteLink(chat, false));

        teacher.chats().updateSettings(chat, ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL)
                .with(ChatAction.SEE_INVITE_LINK, PermissionLevel.ALL));
        assertEquals(link, student(0).chats().inviteLink(chat, false));
        List<UserId> before = teacher.chats().get(chat).members().stream().map(ChatMember::user).toList();
        assertEquals(4, before.size());
    }
}
