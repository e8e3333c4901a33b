package org.sferum.sdk.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

class LeaveChatTest {
    private final FakeSferum sferum = FakeSferum.withDemoSchool();
    private final PlatformEngine engine = sferum.engine();
    private final DemoSchool school = sferum.demoSchool().orElseThrow();
    private final UserId teacher = school.teacher().id();
    private final UserId first = school.students().get(0).id();
    private final UserId second = school.students().get(1).id();

    private static void assertNotAMember(Runnable call) {
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, assertThrows(PermissionDeniedException.class, call::run).code());
    }

    @Test
    @DisplayName("F-LINK-07 a member leaves a chat: it is gone from their chats and they can no longer read it")
    void memberLeaves() {
        ChatId math = engine.chats().createChat(teacher, NewChat.of("5в Математика", Set.of(first, second)));
        ChatId russian = engine.chats().createChat(teacher, NewChat.of("5в Русский", Set.of(first)));
        engine.messages().send(first, math, Draft.text("Здравствуйте!"));
        assertEquals(List.of(math, russian), engine.chats().chatsOf(first));

        engine.chats().leaveChat(first, math);

        assertEquals(List.of(russian), engine.chats().chatsOf(first));
        assertEquals(2, engine.chats().chat(teacher, math).members().size());
        assertNotAMember(() -> engine.messages().history(first, math, HistoryOrder.NEWEST_FIRST, Optional.empty(), 0, 5));
        assertNotAMember(() -> engine.chats().leaveChat(first, math));
        assertEquals(1, engine.messages().history(teacher, math, HistoryOrder.NEWEST_FIRST, Optional.empty(), 0, 5).total(),
                "the messages stay");
    }

    @Test
    @DisplayName("F-LINK-07 the owner may leave too; the chat and its messages stay for the others")
    void ownerLeaves() {
        ChatId chat = engine.chats().createChat(teacher, NewChat.of("5в", Set.of(first, second)));
        engine.messages().send(teacher, chat, Draft.text("Домашнее задание"));
        engine.chats().leaveChat(teacher, chat);
        assertEquals(List.of(), engine.chats().chatsOf(teacher));
        assertNotAMember(() -> engine.chats().chat(teacher, chat));
        assertEquals(1, engine.messages().history(second, chat, HistoryOrder.NEWEST_FIRST, Optional.empty(), 0, 5).total());
        assertEquals(2, engine.chats().chat(first, chat).members().size());
        engine.messages().send(first, chat, Draft.text("Спасибо"));
    }

    @Test
    @DisplayName("F-LINK-07 a non-member cannot leave; unknown chats and users are not found")
    void nonMembers() {
        ChatId chat = engine.chats().createChat(teacher, NewChat.of("5в", Set.of(first)));
        assertNotAMember(() -> engine.chats().leaveChat(school.outsider().id(), chat));
        assertEquals(List.of(), engine.chats().chatsOf(school.outsider().id()));
        assertEquals(ErrorCode.CHAT_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> engine.chats().leaveChat(first, ChatId.group(99))).code());
        assertEquals(ErrorCode.USER_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> engine.chats().chatsOf(UserId.of(999_999))).code());
    }
}
