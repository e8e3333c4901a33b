package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatPhoto;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The contract of chat avatars (F-CHAT-06): set, seen by every member in the chat and in the chat list, replaced,
 * removed, as {@link ChatAction#CHANGE_INFO} allows; bad images refused before anything changes. And of the chat's
 * appearance (F-CHAT-11), under the same right. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.CHAT_ADMIN, Capability.CHAT_SETTINGS, Capability.MESSAGING})
public abstract class ChatAvatarContract extends SchoolContract {
    /** A PNG file's signature followed by a few bytes: what the checks look at. */
    protected static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 1, 2, 3};
    /** A JPEG file's first bytes followed by a few more. */
    protected static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I',
        'F', 0, 9, 8, 7};

    private SferumSession student() {
        return fixture.as(school.students().get(0));
    }

    private ChatId classChat(ChatSettings settings) {
        Set<org.sferum.sdk.users.UserId> students = school.students().stream().map(SeededUser::id)
                .collect(Collectors.toSet());
        return teacher.chats().create(new NewChat("5в Классный час", students, settings));
    }

    private static void setPhoto(SferumSession session, ChatId chat, String name, byte[] content) {
        session.chats().setPhoto(chat, name, new ByteArrayInputStream(content));
    }

    private static Optional<String> photo(SferumSession session, ChatId chat) {
        return session.chats().get(chat).photoUrl();
    }

    private static Optional<String> listed(SferumSession session, ChatId chat) {
        return session.chats().list(ChatFilter.ALL, PageRequest.ofSize(50)).items().stream()
                .filter(s -> s.id().equals(chat)).findFirst().map(ChatSummary::photoUrl)
                .orElseThrow(() -> new AssertionError("the chat is not in the list"));
    }

    private static <T extends SferumException> void refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    @Test
    @DisplayName("F-CHAT-06: a new chat has no avatar")
    void noAvatarAtFirst() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        assertEquals(Optional.empty(), photo(teacher, chat));
        assertEquals(Optional.empty(), listed(student(), chat));
    }

    @Test
    @DisplayName("F-CHAT-06: the owner sets the avatar; every member sees it in the chat and in the list")
    void setAndSeen() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        setPhoto(teacher, chat, "class.png", PNG);
        Optional<String> url = photo(teacher, chat);
        assertTrue(url.isPresent());
        assertEquals(url, photo(student(), chat));
        assertEquals(url, listed(student(), chat));
        assertEquals(url, listed(teacher, chat));
    }

    @Test
    @DisplayName("F-CHAT-06: a new image replaces the avatar at a new address; removing it leaves none")
    void replaceAndRemove() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        setPhoto(teacher, chat, "class.png", PNG);
        String first = photo(teacher, chat).orElseThrow();
        setPhoto(teacher, chat, "class.jpg", JPEG);
        String second = photo(student(), chat).orElseThrow();
        assertNotEquals(first, second);
        assertEquals(Optional.of(second), listed(student(), chat));

        teacher.chats().removePhoto(chat);
        assertEquals(Optional.empty(), photo(student(), chat));
        assertEquals(Optional.empty(), listed(student(), chat));
        teacher.chats().removePhoto(chat); // nothing to remove: nothing changes
        assertEquals(Optional.empty(), photo(teacher, chat));
    }

    @Test
    @DisplayName("F-CHAT-06: a member without CHANGE_INFO can neither set nor remove the avatar")
    void refusedWithoutChangeInfo() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        setPhoto(teacher, chat, "class.png", PNG);
        String before = photo(teacher, chat).orElseThrow();
        SferumSession student = student();
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> setPhoto(student, chat, "mine.jpg", JPEG));
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student.chats().removePhoto(chat));
        assertEquals(Optional.of(before), photo(teacher, chat));
    }

    @Test
    @DisplayName("F-CHAT-06: when CHANGE_INFO is open to all, a member sets the avatar")
    void memberAllowedWhenOpen() {
        ChatId chat = classChat(ChatSettings.ownerOnly().with(ChatAction.CHANGE_INFO, PermissionLevel.ALL));
        setPhoto(student(), chat, "ours.jpg", JPEG);
        assertTrue(photo(teacher, chat).isPresent());
    }

    @Test
    @DisplayName("F-CHAT-06: empty, too large, or not JPEG/PNG images are refused with INVALID_ARGUMENT; nothing "
            + "changes")
    void badImagesRefused() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        setPhoto(teacher, chat, "class.png", PNG);
        String before = photo(teacher, chat).orElseThrow();
        byte[] gif = "GIF89a-not-allowed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tooLarge = Arrays.copyOf(JPEG, ChatPhoto.MAX_BYTES + 1);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> setPhoto(teacher, chat, "e.png",
                new byte[0]));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> setPhoto(teacher, chat, "a.gif", gif));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> setPhoto(teacher, chat, "big.jpg",
                tooLarge));
        assertEquals(Optional.of(before), photo(teacher, chat));
        assertEquals(Optional.of(before), listed(student(), chat));
    }

    @Test
    @DisplayName("F-CHAT-11: a chat starts in the default appearance; the owner sets a theme every member sees")
    void appearanceSetAndSeen() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        assertEquals(ChatAppearance.DEFAULT, student().chats().get(chat).appearance());
        teacher.chats().setAppearance(chat, ChatAppearance.SPACE);
        assertEquals(ChatAppearance.SPACE, student().chats().get(chat).appearance());
        teacher.chats().setAppearance(chat, ChatAppearance.SPRING);
        assertEquals(ChatAppearance.SPRING, teacher.chats().get(chat).appearance());
    }

    @Test
    @DisplayName("F-CHAT-11: a member without CHANGE_INFO cannot change the appearance (NOT_ALLOWED_IN_CHAT); "
            + "with CHANGE_INFO open to all, they can")
    void appearanceNeedsChangeInfo() {
        ChatId chat = classChat(ChatSettings.ownerOnly());
        teacher.chats().setAppearance(chat, ChatAppearance.WINTER);
        SferumSession student = student();
        refused(PermissionDeniedException.class, ErrorCode.NOT_ALLOWED_IN_CHAT,
                () -> student.chats().setAppearance(chat, ChatAppearance.SPACE));
        assertEquals(ChatAppearance.WINTER, teacher.chats().get(chat).appearance());

        ChatId open = classChat(ChatSettings.ownerOnly().with(ChatAction.CHANGE_INFO, PermissionLevel.ALL));
        student.chats().setAppearance(open, ChatAppearance.SUMMER);
        assertEquals(ChatAppearance.SUMMER, teacher.chats().get(open).appearance());
    }
}
