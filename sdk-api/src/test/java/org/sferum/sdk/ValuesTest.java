package org.sferum.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** The value types validate in their constructors, so every face rejects bad input the same way. */
class ValuesTest {

    private static ErrorCode codeOf(Runnable r) {
        return assertThrows(ValidationException.class, r::run).code();
    }

    @Test
    @DisplayName("F-MSG-01 a draft's text counts Unicode code points up to 9000")
    void draftLength() {
        String emoji = "\uD83D\uDCDA"; // one code point, two chars
        assertEquals(Draft.MAX_TEXT_LENGTH * 2, Draft.text(emoji.repeat(Draft.MAX_TEXT_LENGTH)).text().length());
        assertEquals(ErrorCode.MESSAGE_TOO_LONG, codeOf(() -> Draft.text("a".repeat(9001))));
        assertEquals(ErrorCode.MESSAGE_EMPTY, codeOf(() -> Draft.text("")));
        assertEquals(ErrorCode.MESSAGE_EMPTY, codeOf(() -> Draft.text(" \n\t")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> Draft.text(null)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> Draft.text("x").withRandomId(0)));
        assertTrue(Draft.forward(List.of(MessageId.of(1))).text().isEmpty(), "a forward needs no text");
        assertEquals(ErrorCode.MESSAGE_EMPTY, codeOf(() -> Draft.forward(List.of())));
    }

    @Test
    @DisplayName("a draft is immutable: builders return copies and lists are copied")
    void draftImmutable() {
        List<MessageId> ids = new ArrayList<>(List.of(MessageId.of(1)));
        Draft draft = Draft.text("x").forwarding(ids);
        ids.add(MessageId.of(2));
        assertEquals(1, draft.forwarded().size());
        assertThrows(UnsupportedOperationException.class, () -> draft.forwarded().add(MessageId.of(3)));
        Draft reply = draft.replyTo(MessageId.of(5));
        assertEquals(Optional.empty(), draft.replyTo());
        assertEquals(Optional.of(MessageId.of(5)), reply.replyTo());
    }

    @Test
    @DisplayName("chat ids are VK peer ids: group chats above 2000000000, one-to-one chats are user ids")
    void chatIds() {
        ChatId group = ChatId.group(7);
        assertEquals(2_000_000_007L, group.peerId());
        assertTrue(group.isGroup());
        assertEquals(7, group.localId());
        ChatId direct = ChatId.direct(UserId.of(100_001));
        assertFalse(direct.isGroup());
        assertThrows(IllegalStateException.class, direct::localId);
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> ChatId.group(0)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> ChatId.of(-5)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> ChatId.of(2_000_000_000L + 100_000_001L)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> UserId.of(0)));
    }

    @Test
    @DisplayName("F-CHAT-03 chat settings default to the owner; changing admins cannot be given to everyone")
    void chatSettings() {
        ChatSettings settings = ChatSettings.ownerOnly();
        for (ChatAction action : ChatAction.values()) {
            assertEquals(PermissionLevel.OWNER, settings.level(action));
        }
        ChatSettings open = settings.with(ChatAction.INVITE, PermissionLevel.ALL);
        assertEquals(PermissionLevel.ALL, open.level(ChatAction.INVITE));
        assertEquals(PermissionLevel.OWNER, settings.level(ChatAction.INVITE), "the original is unchanged");
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                codeOf(() -> new ChatSettings(Map.of(ChatAction.CHANGE_ADMINS, PermissionLevel.ALL))));
    }

    @Test
    @DisplayName("F-CHAT-02 a chat title is trimmed, not blank and at most 128 characters")
    void chatTitle() {
        assertEquals("5в Математика", NewChat.of("  5в Математика ", Set.of()).title());
        assertEquals(ErrorCode.INVALID_CHAT_TITLE, codeOf(() -> NewChat.of(" ", Set.of())));
        assertEquals(ErrorCode.INVALID_CHAT_TITLE, codeOf(() -> NewChat.of("я".repeat(129), Set.of())));
        Set<UserId> many = new HashSet<>();
        for (int i = 1; i <= NewChat.MAX_MEMBERS + 1; i++) {
            many.add(UserId.of(i));
        }
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> NewChat.of("Все", many)));
    }

    @Test
    @DisplayName("page requests hold 1 to 200 items; the auto-paging iterable fetches pages lazily")
    void paging() {
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, codeOf(() -> PageRequest.ofSize(0)));
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, codeOf(() -> PageRequest.ofSize(201)));
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, codeOf(() -> PageCursor.of(" ")));
        List<String> fetched = new ArrayList<>();
        Page<Integer> first = new Page<>(List.of(1, 2), Optional.of(PageCursor.of("p2")), OptionalLong.of(5));
        Iterable<Integer> all = Page.autoPaging(first, cursor -> {
            fetched.add(cursor.value());
            return cursor.value().equals("p2")
                    ? new Page<>(List.of(), Optional.of(PageCursor.of("p3")), OptionalLong.empty())
                    : new Page<>(List.of(3, 4, 5), Optional.empty(), OptionalLong.empty());
        });
        assertTrue(fetched.isEmpty(), "nothing is fetched before iterating");
        List<Integer> seen = new ArrayList<>();
        all.forEach(seen::add);
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        assertEquals(List.of("p2", "p3"), fetched, "an empty page in the middle is skipped");
    }

    @Test
    @DisplayName("secrets never show in toString")
    void secretsHidden() {
        AccessToken token = AccessToken.of("vk1.a.secret-value");
        assertFalse(token.toString().contains("secret-value"));
        TokenSet set = new TokenSet(token, "refresh-secret", "device-1", Instant.EPOCH);
        assertFalse(set.toString().contains("refresh-secret") || set.toString().contains("secret-value"),
                set.toString());
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> AccessToken.of("has space")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, codeOf(() -> SchoolAccountId.of("")));
    }

    @Test
    @DisplayName("SferumException.of builds the class of each code's category; retryable follows the code")
    void exceptionClasses() {
        Map<ErrorCategory, Class<? extends SferumException>> expected = Map.of(
                ErrorCategory.VALIDATION, ValidationException.class,
                ErrorCategory.AUTHENTICATION, AuthenticationException.class,
                ErrorCategory.PERMISSION, PermissionDeniedException.class,
                ErrorCategory.NOT_FOUND, NotFoundException.class,
                ErrorCategory.CONFLICT, ConflictException.class,
                ErrorCategory.RATE_LIMIT, RateLimitException.class,
                ErrorCategory.SERVICE, ServiceException.class,
                ErrorCategory.UNSUPPORTED, SferumException.class);
        for (ErrorCode code : ErrorCode.values()) {
            SferumException e = SferumException.of(code, "m", 42, "r-1", null);
            assertInstanceOf(expected.get(code.category()), e, code.name());
            assertEquals(code, e.code());
            assertEquals(code.retryable(), e.isRetryable());
            assertEquals(42, e.wireCode().getAsInt());
            assertEquals(Optional.of("r-1"), e.requestId());
        }
        assertInstanceOf(RelinkRequiredException.class, SferumException.of(ErrorCode.RELINK_REQUIRED, "m"));
    }
}
