package org.sferum.sdk.core.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/** The requests of the per-user chat actions, as docs/wire/chats-actions.md lists them. */
class ChatActionRequestsTest {
    private static final ChatId CHAT = ChatId.group(7);
    private static final Instant NOW = Instant.parse("2026-09-01T06:00:00.250Z");

    @Test
    @DisplayName("F-CHAT-07 F-CHAT-08 setting a state is idempotent on peer_id; clearing and leaving are sent once")
    void methodsAndRetries() {
        assertRequest("messages.pinConversation", true, Map.of("peer_id", "2000000007"), ChatActionRequests.pin(CHAT));
        assertRequest("messages.unpinConversation", true, Map.of("peer_id", "2000000007"),
                ChatActionRequests.unpin(CHAT));
        assertRequest("messages.archiveConversation", true, Map.of("peer_id", "2000000007"),
                ChatActionRequests.archive(CHAT, true));
        assertRequest("messages.unarchiveConversation", true, Map.of("peer_id", "2000000007"),
                ChatActionRequests.archive(CHAT, false));
        assertRequest("messages.markAsUnreadConversation", true, Map.of("peer_id", "2000000007"),
                ChatActionRequests.markUnread(CHAT));
        assertRequest("account.setSilenceMode", true, Map.of("peer_id", "2000000007", "time", "0"),
                ChatActionRequests.unmute(CHAT));
        assertRequest("messages.deleteConversation", false, Map.of("peer_id", "2000000007"),
                ChatActionRequests.clearHistory(CHAT));
        assertRequest("messages.removeChatUser", false, Map.of("chat_id", "7", "member_id", "100003"),
                ChatActionRequests.leave(CHAT, UserId.of(100_003)));
    }

    @Test
    @DisplayName("F-CHAT-08 a mute sends -1 forever or the seconds left, rounded up; the end must be in the future")
    void muteTime() {
        assertEquals("-1", ChatActionRequests.mute(CHAT, Optional.empty(), NOW).params().get("time"));
        assertEquals("3600", ChatActionRequests.mute(CHAT, Optional.of(NOW.plus(Duration.ofHours(1))), NOW)
                .params().get("time"));
        assertEquals("1", ChatActionRequests.mute(CHAT, Optional.of(NOW.plusMillis(1)), NOW).params().get("time"));
        assertEquals("-1", ChatActionRequests.mute(CHAT, Optional.of(NOW.plus(Duration.ofDays(36_500))), NOW)
                .params().get("time"), "an end beyond 32 bits of seconds is forever");
        for (Instant end : new Instant[] {NOW, NOW.minusSeconds(1)}) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> ChatActionRequests.mute(CHAT, Optional.of(end), NOW));
            assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
        }
    }

    @Test
    @DisplayName("F-CHAT-08 only a group chat can be left")
    void leaveGroupOnly() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class,
                () -> ChatActionRequests.leave(ChatId.direct(UserId.of(100_002)), UserId.of(100_003))).code());
    }

    private static void assertRequest(String method, boolean idempotent, Map<String, String> params,
                                      VkRequest request) {
        assertEquals(method, request.method());
        assertEquals(params, request.params());
        if (idempotent) {
            assertTrue(request.isIdempotent(), method);
        } else {
            assertFalse(request.isIdempotent(), method);
        }
    }
}
