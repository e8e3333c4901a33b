package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** The request side of docs/wire/chats-direct.md: reply privately, contacts, push settings, announcement chats. */
class DirectWireTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps).build()
            .session(AccessToken.of(TestClients.TOKEN));

    private static String page(String... messages) {
        return "{\"count\":" + messages.length + ",\"items\":[" + String.join(",", messages) + "]}";
    }

    @Test
    @DisplayName("F-MSG-09 reply privately: getById of the original, send to its author with a forward reply, getById")
    void replyPrivately() {
        transport.ok(page(TestClients.message(15, 2000000001, 3, 100001, "Вопрос")))
                .ok("18")
                .ok(page(TestClients.message(18, 100001, 1, 100002, "Ответ")));
        Message reply = session.messages().replyPrivately(ChatId.group(1), MessageId.of(15),
                Draft.text("Ответ").withRandomId(5));

        assertEquals(ChatId.direct(UserId.of(100001)), reply.chat());
        assertEquals("messages.getById", ScriptedTransport.method(transport.requests.get(0)));
        Map<String, String> send = ScriptedTransport.form(transport.requests.get(1));
        assertEquals("messages.send", ScriptedTransport.method(transport.requests.get(1)));
        assertEquals(Map.of("v", "5.199", "peer_id", "100001", "random_id", "5", "message", "Ответ",
                "forward", "{\"peer_id\":2000000001,\"conversation_message_ids\":[3],\"is_reply\":true}"), send);
        assertEquals(Map.of("v", "5.199", "message_ids", "18"), ScriptedTransport.form(transport.requests.get(2)));
    }

    @Test
    @DisplayName("F-MSG-09 an original the service does not return: the chat is probed, then MESSAGE_NOT_FOUND")
    void replyPrivatelyNotFound() {
        transport.ok(page()).ok(page());
        NotFoundException e = assertThrows(NotFoundException.class, () -> session.messages()
                .replyPrivately(ChatId.group(1), MessageId.of(15), Draft.text("Ответ")));
        assertEquals(ErrorCode.MESSAGE_NOT_FOUND, e.code());
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000001", "count", "0"),
                ScriptedTransport.form(transport.requests.get(1)));

        transport.ok(page()).vkError(917, "You don't have access to this chat");
        assertEquals(ErrorCode.NOT_A_CHAT_MEMBER, assertThrows(org.sferum.sdk.error.PermissionDeniedException.class,
                () -> session.messages().replyPrivately(ChatId.group(1), MessageId.of(15), Draft.text("Ответ")))
                .code());
    }

    @Test
    @DisplayName("F-MSG-09 a one-to-one chat or a draft that replies already is refused before any request")
    void replyPrivatelyInput() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class, () -> session.messages()
                .replyPrivately(ChatId.direct(UserId.of(100001)), MessageId.of(1), Draft.text("x"))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ValidationException.class, () -> session.messages()
                .replyPrivately(ChatId.group(1), MessageId.of(1), Draft.text("x").replyTo(MessageId.of(2)))).code());
        assertTrue(transport.requests.isEmpty());
    }

    @Test
    @DisplayName("F-ACC-01 contacts: friends.get by name with fields; the cursor is the next offset")
    void contacts() {
        transport.ok("{\"count\":3,\"items\":[{\"id\":100003,\"first_name\":\"Мария\",\"last_name\":\"Козлова\"},"
                + "{\"id\":100002,\"first_name\":\"Иван\",\"last_name\":\"Петров\"}]}")
                .ok("{\"count\":3,\"items\":[{\"id\":100004,\"first_name\":\"Артём\",\"last_name\":\"Соколов\"}]}");
        Page<Person> first = session.contacts().list(PageRequest.ofSize(2));
        assertEquals(List.of(new Person(UserId.of(100003), "Мария", "Козлова"),
                new Person(UserId.of(100002), "Иван", "Петров")), first.items());
        assertEquals(Map.of("v", "5.199", "order", "name", "offset", "0", "count", "2",
                "fields", "first_name,last_name"), ScriptedTransport.form(transport.requests.get(0)));
        Page<Person> second = session.contacts().list(PageRequest.ofSize(2).after(first.nextCursor().orElseThrow()));
        assertEquals("2", ScriptedTransport.form(transport.requests.get(1)).get("offset"));
        assertFalse(second.hasNext());
        assertEquals(Optional.empty(), second.nextCursor());
    }

    @Test
    @DisplayName("F-ACC-02 push settings: msg is private chats, chat is group chats, no_sound on both when silent")
    void pushSettings() {
        transport.ok("{\"disabled\":0,\"settings\":{\"msg\":[\"on\",\"no_sound\"],\"chat\":\"off\"}}").ok("1");
        assertEquals(new NotificationSettings(false, true, false), session.notifications().get());
        session.notifications().update(new NotificationSettings(true, false, false));
        assertEquals(Map.of("v", "5.199", "device_id", "sferum-sdk",
                "settings", "{\"msg\":[\"off\",\"no_sound\"],\"chat\":[\"on\",\"no_sound\"]}"),
                ScriptedTransport.form(transport.requests.get(1)));
    }

    @Test
    @DisplayName("F-CHAT-12 an announcement chat is created with only_admins_write in permissions")
    void announcement() {
        transport.ok("{\"chat_id\":4,\"peer_ids\":[100002]}");
        session.chats().create(new NewChat("Объявления", java.util.Set.of(UserId.of(100002)),
                ChatSettings.announcement()));
        String permissions = ScriptedTransport.form(transport.requests.get(0)).get("permissions");
        assertTrue(permissions.endsWith(",\"only_admins_write\":true}"), permissions);
    }
}
