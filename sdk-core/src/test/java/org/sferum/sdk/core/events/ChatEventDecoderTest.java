package org.sferum.sdk.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/** VK's chat updates (docs/wire/events.md) decoded into chat events, without a server. */
class ChatEventDecoderTest {
    private static final ChatId CHAT = ChatId.group(1);
    private static final UserId ME = UserId.of(100001);
    private static final Message MESSAGE = new Message(MessageId.of(17), CHAT, 3, UserId.of(100002), "…",
            Instant.ofEpochSecond(1_764_000_000L), Optional.empty(), Optional.empty(), List.of(), List.of(), false);

    private final List<MessageId> fetched = new ArrayList<>();
    private final ChatEventDecoder.Lookup lookup = new ChatEventDecoder.Lookup() {
        @Override
        public Optional<Message> message(MessageId id) {
            fetched.add(id);
            return id.equals(MESSAGE.id()) ? Optional.of(MESSAGE) : Optional.empty();
        }

        @Override
        public Optional<UserId> self() {
            return Optional.of(ME);
        }
    };

    private Optional<SferumEvent> decode(String json) throws Exception {
        JsonNode update = new ObjectMapper().readTree(json);
        return ChatEventDecoder.decode(update, lookup);
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-01, F-MSG-07: updates 4 and 5 are read back with messages.getById; a message no longer seen is skipped")
    void newAndEdited() throws Exception {
        assertEquals(Optional.of(new SferumEvent.MessageSent(CHAT, MESSAGE)),
                decode("[4,17,1,2000000001,1764000000,\"…\",{\"from\":\"100002\"},{},0]"));
        assertEquals(Optional.of(new SferumEvent.MessageSent(CHAT, MESSAGE)),
                decode("[5,17,1,2000000001,1764000060,\"…\",{},{}]"));
        assertEquals(Optional.empty(), decode("[4,18,1,2000000001,1764000000,\"…\",{}]"));
        assertEquals(List.of(MessageId.of(17), MessageId.of(17), MessageId.of(18)), fetched);
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-06: update 2 with flag 131072 is a deletion for everyone; other flags are skipped")
    void deleted() throws Exception {
        assertEquals(Optional.of(new SferumEvent.MessageDeleted(CHAT, MessageId.of(17))),
                decode("[2,17,131200,2000000001]"));
        assertEquals(Optional.empty(), decode("[2,17,128,2000000001]"));
        assertEquals(Optional.empty(), decode("[2,17,8,2000000001]"));
    }

    @Test
    @DisplayName("F-EMB-02, F-MSG-11: 6 is the user's own read, 7 another member's (the reader last, or the other user of a one-to-one chat)")
    void read() throws Exception {
        assertEquals(Optional.of(new SferumEvent.MessagesRead(CHAT, ME, MessageId.of(17))),
                decode("[6,2000000001,17]"));
        assertEquals(Optional.of(new SferumEvent.MessagesRead(CHAT, UserId.of(100003), MessageId.of(17))),
                decode("[7,2000000001,17,100003]"));
        assertEquals(Optional.of(new SferumEvent.MessagesRead(ChatId.direct(UserId.of(100003)), UserId.of(100003),
                MessageId.of(17))), decode("[7,100003,17]"));
        assertEquals(Optional.empty(), decode("[7,2000000001,17]"));
    }

    @Test
    @DisplayName("F-EMB-02, F-CHAT-05, F-CHAT-10: 52 with type 6 is a member joining, 7 and 8 a member leaving; other types are skipped")
    void members() throws Exception {
        assertEquals(Optional.of(new SferumEvent.MemberJoined(CHAT, UserId.of(5))), decode("[52,6,2000000001,5]"));
        assertEquals(Optional.of(new SferumEvent.MemberLeft(CHAT, UserId.of(5))), decode("[52,7,2000000001,5]"));
        assertEquals(Optional.of(new SferumEvent.MemberLeft(CHAT, UserId.of(5))), decode("[52,8,2000000001,5]"));
        assertEquals(Optional.empty(), decode("[52,1,2000000001,0]"));
        assertEquals(Optional.empty(), decode("[52,6,2000000001]"));
        assertEquals(Optional.empty(), decode("[61,100001,1]"));
        assertEquals(Optional.empty(), decode("[4,\"x\"]"));
    }
}
