package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/** Chats over the wire: create (F-CHAT-02, F-CHAT-03) and the chat list (F-SECT-01). */
class ChatsTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SferumSession session = TestClients.builder(transport, sleeps)
            .clock(Clock.fixed(Instant.ofEpochSecond(1_764_000_000), ZoneOffset.UTC)).build()
            .session(AccessToken.of(TestClients.TOKEN));

    @Test
    @DisplayName("F-CHAT-02 create posts sorted user_ids and the trimmed title, without permissions by default")
    void create() {
        transport.ok("{\"chat_id\":5,\"peer_ids\":[100002,100003,100010]}");
        ChatId chat = session.chats().create(NewChat.of("  5в Математика ",
                Set.of(UserId.of(100010), UserId.of(100002), UserId.of(100003))));
        assertEquals(ChatId.group(5), chat);
        assertEquals("messages.createChat", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "user_ids", "100002,100003,100010", "title", "5в Математика"),
                ScriptedTransport.form(transport.requests.get(0)));
    }

    @Test
    @DisplayName("F-CHAT-03 settings other than owner-only are sent as the schema's permissions object")
    void createWithPermissions() throws Exception {
        transport.ok("{\"chat_id\":6,\"peer_ids\":[]}");
        ChatSettings settings = ChatSettings.ownerOnly().with(ChatAction.INVITE, PermissionLevel.ALL)
                .with(ChatAction.CHANGE_ADMINS, PermissionLevel.OWNER_AND_ADMINS);
        session.chats().create(NewChat.of("Кружок", Set.of()).withSettings(settings));
        Map<String, String> form = ScriptedTransport.form(transport.requests.get(0));
        assertEquals("", form.get("user_ids"));
        JsonNode permissions = new ObjectMapper().readTree(form.get("permissions"));
        assertEquals("all", permissions.get("invite").asText());
        assertEquals("owner_and_admins", permissions.get("change_admins").asText());
        assertEquals("owner", permissions.get("change_info").asText());
        assertEquals(7, permissions.size());
        for (String key : List.of("invite", "change_info", "change_pin", "use_mass_mentions", "see_invite_link",
                "call", "change_admins")) {
            assertTrue(permissions.has(key), key);
        }
    }

    @Test
    @DisplayName("F-CHAT-02 a bare chat id answer is read too; an answer without one is MALFORMED_RESPONSE")
    void createAnswers() {
        transport.ok("12").ok("{\"peer_ids\":[]}");
        assertEquals(ChatId.group(12), session.chats().create(NewChat.of("a", Set.of())));
        // Issue 12: the chat may exist although the answer names none, so the caller is told the outcome is unknown.
        ServiceException e = assertThrows(ServiceException.class, () -> session.chats().create(NewChat.of("a", Set.of())));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
        assertEquals(ErrorCode.MALFORMED_RESPONSE, ((ServiceException) e.getCause()).code());
    }

    @Test
    @DisplayName("F-CHAT-02 a blank title is refused locally; an unknown member comes back as USER_NOT_FOUND")
    void createRefusals() {
        assertEquals(ErrorCode.INVALID_CHAT_TITLE, assertThrows(ValidationException.class,
                () -> session.chats().create(NewChat.of(" ", Set.of()))).code());
        assertTrue(transport.requests.isEmpty());
        transport.vkError(113, "Invalid user id");
        assertEquals(ErrorCode.USER_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> session.chats().create(NewChat.of("a", Set.of(UserId.of(999_999_999L))))).code());
    }

    @Test
    @DisplayName("F-SECT-01 the chat list maps conversation and last_message, and pages by offset")
    void list() {
        String first = "{\"conversation\":{\"peer\":{\"id\":2000000001,\"type\":\"chat\",\"local_id\":1},"
                + "\"last_message_id\":17,\"in_read\":15,\"out_read\":17,\"unread_count\":2,"
                + "\"is_marked_unread\":false,\"sort_id\":{\"major_id\":0,\"minor_id\":17},"
                + "\"chat_settings\":{\"owner_id\":100001,\"title\":\"5в Математика\",\"members_count\":5,"
                + "\"admin_ids\":[],\"state\":\"in\",\"permissions\":{\"invite\":\"owner\"}}},"
                + "\"last_message\":" + TestClients.message(17, 2000000001, 3, 100002, "Урок переносится") + "}";
        String second = "{\"conversation\":{\"peer\":{\"id\":2000000002,\"type\":\"chat\",\"local_id\":2},"
                + "\"push_settings\":{\"disabled_until\":1764003600,\"no_sound\":true},"
                + "\"chat_settings\":{\"owner_id\":100001,\"title\":\"5в Физика\",\"members_count\":2}}}";
        String third = "{\"conversation\":{\"peer\":{\"id\":2000000003,\"type\":\"chat\",\"local_id\":3},"
                + "\"chat_settings\":{\"title\":\"лишний\",\"members_count\":2}}}";
        transport.ok("{\"count\":3,\"unread_count\":1,\"items\":[" + first + "," + second + "," + third + "]}")
                .ok("{\"count\":3,\"items\":[" + third + "]}");

        Page<ChatSummary> page = session.chats().list(ChatFilter.UNREAD, PageRequest.ofSize(2));
        assertEquals(Map.of("v", "5.199", "offset", "0", "count", "3", "filter", "unread"),
                ScriptedTransport.form(transport.requests.get(0)));
        assertEquals(2, page.items().size());
        ChatSummary top = page.items().get(0);
        assertEquals(ChatId.group(1), top.id());
        assertEquals("5в Математика", top.title());
        assertEquals(2, top.unreadCount());
        assertEquals(5, top.membersCount());
        assertEquals(17, top.lastMessage().orElseThrow().id().value());
        assertEquals("Урок переносится", top.lastMessage().orElseThrow().text());
        assertFalse(top.pinned() || top.archived() || top.muted());
        ChatSummary muted = page.items().get(1);
        assertTrue(muted.muted(), "muted until an hour after the clock");
        assertEquals(Optional.empty(), muted.lastMessage());
        assertEquals(3, page.totalCount().orElseThrow());

        Page<ChatSummary> next = session.chats().list(ChatFilter.UNREAD,
                PageRequest.ofSize(2).after(page.nextCursor().orElseThrow()));
        assertEquals("2", ScriptedTransport.form(transport.requests.get(1)).get("offset"));
        assertEquals(List.of(ChatId.group(3)), next.items().stream().map(ChatSummary::id).toList());
        assertFalse(next.hasNext());
    }

    @Test
    @DisplayName("F-SECT-01 filters map to all, unread and archive; a cursor of another filter is refused")
    void filters() {
        transport.ok("{\"count\":0,\"items\":[]}").ok("{\"count\":0,\"items\":[]}")
                .ok("{\"count\":3,\"items\":[" + MessagesTest.conversationItems(3) + "]}");
        session.chats().list(ChatFilter.ALL, PageRequest.first());
        session.chats().list(ChatFilter.ARCHIVED, PageRequest.first());
        assertEquals("all", ScriptedTransport.form(transport.requests.get(0)).get("filter"));
        assertEquals("archive", ScriptedTransport.form(transport.requests.get(1)).get("filter"));
        PageCursor cursor = session.chats().list(ChatFilter.ALL, PageRequest.ofSize(2)).nextCursor().orElseThrow();
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.chats().list(ChatFilter.ARCHIVED, PageRequest.ofSize(2).after(cursor)));
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, e.code());
        assertEquals(3, transport.requests.size());
    }

    @Test
    @DisplayName("F-SECT-01 a one-to-one chat is titled with the partner's name, read with one users.get")
    void directChats() {
        String direct = "{\"conversation\":{\"peer\":{\"id\":100002,\"type\":\"user\",\"local_id\":100002}}}";
        String community = "{\"conversation\":{\"peer\":{\"id\":-5,\"type\":\"group\",\"local_id\":5}}}";
        transport.ok("{\"count\":2,\"items\":[" + direct + "," + community + "]}")
                .ok("[{\"id\":100002,\"first_name\":\"Борис\",\"last_name\":\"Иванов\"}]");
        Page<ChatSummary> page = session.chats().list(ChatFilter.ALL, PageRequest.first());
        assertEquals(1, page.items().size());
        assertEquals("Борис Иванов", page.items().get(0).title());
        assertEquals(ChatId.direct(UserId.of(100002)), page.items().get(0).id());
        assertEquals(Map.of("v", "5.199", "user_ids", "100002"), ScriptedTransport.form(transport.requests.get(1)));
    }

    @Test
    @DisplayName("F-CHAT-10 join posts the link; VK's not found (104) for it reads as INVITE_LINK_INVALID")
    void joinByLinkOverTheWire() {
        transport.ok("{\"chat_id\":7}").vkError(104, "Not found");
        InviteLink link = new InviteLink("https://vk.me/join/AbC");
        assertEquals(ChatId.group(7), session.chats().join(link));
        assertEquals(Map.of("v", "5.199", "link", "https://vk.me/join/AbC"),
                ScriptedTransport.form(transport.requests.get(0)));
        SferumException e = assertThrows(SferumException.class, () -> session.chats().join(link));
        assertEquals(ErrorCode.INVITE_LINK_INVALID, e.code());
        assertEquals(104, e.wireCode().orElseThrow());
    }

    @Test
    @DisplayName("F-CHAT-05 setAdmin posts messages.setMemberRole; updateSettings every action as permissions")
    void managementForms() {
        transport.ok("1").ok("1");
        ChatId chat = ChatId.group(3);
        session.chats().setAdmin(chat, UserId.of(100002), false);
        session.chats().updateSettings(chat, ChatSettings.ownerOnly());
        assertEquals("messages.setMemberRole", ScriptedTransport.method(transport.requests.get(0)));
        assertEquals(Map.of("v", "5.199", "peer_id", "2000000003", "member_id", "100002", "role", "member"),
                ScriptedTransport.form(transport.requests.get(0)));
        assertEquals("messages.setChatPermissions", ScriptedTransport.method(transport.requests.get(1)));
        assertEquals("{\"invite\":\"owner\",\"change_info\":\"owner\",\"change_pin\":\"owner\","
                + "\"use_mass_mentions\":\"owner\",\"see_invite_link\":\"owner\",\"call\":\"owner\","
                + "\"change_admins\":\"owner\"}",
                ScriptedTransport.form(transport.requests.get(1)).get("permissions"));
    }
}
