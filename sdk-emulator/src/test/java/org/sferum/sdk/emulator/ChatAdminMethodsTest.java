package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.testkit.SeededUser;

/** The chat management methods (docs/wire/chats-admin.md), answered in the shapes of the VK schema. */
class ChatAdminMethodsTest extends EmulatorTestBase {
    private VkSchema schema;

    @BeforeEach
    void loadSchema() {
        schema = VkSchema.load();
    }

    private static String id(SeededUser user) {
        return Long.toString(user.id().value());
    }

    private static String local(long peer) {
        return Long.toString(peer - ChatId.GROUP_CHAT_OFFSET);
    }

    private int errorCode(SeededUser as, String method, String... pairs) {
        return wire.error(wire.call(as, method, pairs)).get("error_code").asInt();
    }

    private void ok(SeededUser as, String method, String... pairs) {
        JsonNode body = wire.call(as, method, pairs);
        schema.check("base/responses.json", "base_ok_response", body);
    }

    private List<Long> memberIds(long peer) {
        List<Long> ids = new ArrayList<>();
        emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).members().forEach(m -> ids.add(m.user().value()));
        return ids;
    }

    @Test
    @DisplayName("F-CHAT-04 messages.getChat answers messages_chat: admin_id is the owner, users the members")
    void getChat() {
        long peer = classChat();
        JsonNode body = wire.call(student1, "messages.getChat", "chat_id", local(peer));
        schema.check("messages/responses.json", "messages_getChat_response", body);
        JsonNode chat = body.get("response");
        assertFields(chat, "id", "type", "title", "admin_id", "users", "members_count");
        assertEquals("chat", chat.get("type").asText());
        assertEquals(teacher.id().value(), chat.get("admin_id").asLong());
        assertEquals(4, chat.get("users").size());
        assertEquals(4, chat.get("members_count").asInt());
        assertEquals(917, errorCode(outsider, "messages.getChat", "chat_id", local(peer)));
    }

    @Test
    @DisplayName("F-CHAT-04 messages.getConversationMembers: roles, invited_by, join_date, can_kick, restrictions")
    void getConversationMembers() {
        long peer = classChat();
        clock.advance(Duration.ofMinutes(3));
        ok(teacher, "messages.setMemberRole", "peer_id", Long.toString(peer), "member_id", id(student1),
                "role", "admin");
        ok(teacher, "messages.addChatUser", "chat_id", local(peer), "user_id", id(parent));

        JsonNode body = wire.call(student1, "messages.getConversationMembers", "peer_id", Long.toString(peer),
                "extended", "1");
        schema.check("messages/responses.json", "messages_getConversationMembers_response", body);
        JsonNode response = body.get("response");
        assertEquals(5, response.get("count").asInt());
        JsonNode items = response.get("items");
        JsonNode owner = items.get(0);
        assertFields(owner, "member_id", "invited_by", "join_date", "is_admin", "is_owner", "can_kick");
        assertEquals(teacher.id().value(), owner.get("member_id").asLong());
        assertTrue(owner.get("is_owner").asBoolean());
        assertTrue(owner.get("is_admin").asBoolean());
        assertFalse(owner.get("can_kick").asBoolean(), "an admin cannot remove the owner");
        JsonNode admin = items.get(1);
        assertEquals(student1.id().value(), admin.get("member_id").asLong());
        assertTrue(admin.get("is_admin").asBoolean());
        assertFalse(admin.get("is_owner").asBoolean());
        assertFalse(admin.get("can_kick").asBoolean(), "nobody kicks themself here; that is leaving");
        assertTrue(items.get(2).get("can_kick").asBoolean(), "an admin removes an ordinary member");
        JsonNode added = items.get(4);
        assertEquals(parent.id().value(), added.get("member_id").asLong());
        assertEquals(teacher.id().value(), added.get("invited_by").asLong());
        assertEquals(START.plusSeconds(180).getEpochSecond(), added.get("join_date").asLong());
        assertEquals(START.getEpochSecond(), owner.get("join_date").asLong());
        JsonNode restrictions = response.get("chat_restrictions");
        assertTrue(restrictions.get("only_admins_invite").asBoolean());
        assertFalse(restrictions.get("admins_promote_users").asBoolean());
        assertEquals(5, response.get("profiles").size());
        assertEquals(teacher.id().value(), response.get("profiles").get(0).get("id").asLong());

        JsonNode page = wire.ok(student1, "messages.getConversationMembers", "peer_id", Long.toString(peer),
                "offset", "3", "count", "1");
        assertEquals(5, page.get("count").asInt());
        assertEquals(student3.id().value(), page.get("items").get(0).get("member_id").asLong());
        assertFalse(page.has("profiles"));
        assertEquals(917, errorCode(outsider, "messages.getConversationMembers", "peer_id", Long.toString(peer)));
        assertEquals(927, errorCode(teacher, "messages.getConversationMembers", "peer_id",
                Long.toString(peer + 50)));
    }

    @Test
    @DisplayName("F-CHAT-04 messages.getConversationsById answers the caller's group chats with chat_settings")
    void getConversationsById() {
        long peer = classChat();
        JsonNode body = wire.call(student2, "messages.getConversationsById", "peer_ids", peer + "," + (peer + 9));
        schema.check("messages/responses.json", "messages_getConversationsById_response", body);
        JsonNode response = body.get("response");
        assertEquals(1, response.get("count").asInt());
        JsonNode settings = response.get("items").get(0).get("chat_settings");
        assertEquals("5в Математика", settings.get("title").asText());
        assertEquals(teacher.id().value(), settings.get("owner_id").asLong());
        assertEquals("owner", settings.get("permissions").get("invite").asText());
        assertEquals(0, wire.ok(outsider, "messages.getConversationsById", "peer_ids", Long.toString(peer))
                .get("count").asInt());
    }

    @Test
    @DisplayName("F-CHAT-04 messages.editChat renames for those CHANGE_INFO allows; error 925 for the others")
    void editChat() {
        long peer = classChat();
        ok(teacher, "messages.editChat", "chat_id", local(peer), "title", "5в Алгебра");
        assertEquals("5в Алгебра", emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).title());
        assertEquals(925, errorCode(student1, "messages.editChat", "chat_id", local(peer), "title", "Ура"));
        assertEquals(100, errorCode(teacher, "messages.editChat", "chat_id", local(peer), "title", "  "));
        assertEquals(100, errorCode(teacher, "messages.editChat", "chat_id", local(peer)));
        assertEquals("5в Алгебра", emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).title());
    }

    @Test
    @DisplayName("F-CHAT-03 messages.setChatPermissions: the owner only; keys left out keep their level")
    void setChatPermissions() {
        long peer = classChat();
        ok(teacher, "messages.setChatPermissions", "peer_id", Long.toString(peer),
                "permissions", "{\"invite\":\"all\",\"call\":\"owner_and_admins\"}");
        ok(teacher, "messages.setChatPermissions", "peer_id", Long.toString(peer),
                "permissions", "{\"use_mass_mentions\":\"all\"}");
        var settings = emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).settings();
        assertEquals(PermissionLevel.ALL, settings.level(ChatAction.INVITE));
        assertEquals(PermissionLevel.OWNER_AND_ADMINS, settings.level(ChatAction.CALL));
        assertEquals(PermissionLevel.ALL, settings.level(ChatAction.USE_MASS_MENTIONS));
        assertEquals(PermissionLevel.OWNER, settings.level(ChatAction.CHANGE_INFO));

        JsonNode acl = wire.ok(student1, "messages.getConversations").get("items").get(0).get("conversation")
                .get("chat_settings").get("acl");
        assertFalse(acl.get("can_call").asBoolean());
        assertTrue(acl.get("can_use_mass_mentions").asBoolean());
        assertTrue(acl.get("can_invite").asBoolean());
        assertFalse(acl.get("can_see_invite_link").asBoolean());

        assertEquals(925, errorCode(student1, "messages.setChatPermissions", "peer_id", Long.toString(peer),
                "permissions", "{\"invite\":\"owner\"}"));
        assertEquals(100, errorCode(teacher, "messages.setChatPermissions", "peer_id", Long.toString(peer),
                "permissions", "{\"change_admins\":\"all\"}"));
        assertEquals(100, errorCode(teacher, "messages.setChatPermissions", "peer_id", Long.toString(peer),
                "permissions", "{\"kick\":\"all\"}"));
        assertEquals(PermissionLevel.ALL, emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).settings()
                .level(ChatAction.INVITE));
    }

    @Test
    @DisplayName("F-CHAT-05 messages.addChatUser, removeChatUser and setMemberRole with their refusals")
    void membership() {
        long peer = classChat();
        ok(teacher, "messages.addChatUser", "chat_id", local(peer), "user_id", id(parent));
        assertEquals(113, errorCode(teacher, "messages.addChatUser", "chat_id", local(peer), "user_id", "999999"));
        assertEquals(925, errorCode(student1, "messages.addChatUser", "chat_id", local(peer), "user_id",
                id(outsider)));
        ok(teacher, "messages.setMemberRole", "peer_id", Long.toString(peer), "user_id", id(student1),
                "role", "admin");
        assertEquals(MemberRole.ADMIN, emulator.engine().chats().chat(teacher.id(), ChatId.of(peer)).members().get(1)
                .role());
        assertEquals(100, errorCode(teacher, "messages.setMemberRole", "peer_id", Long.toString(peer),
                "member_id", id(student2), "role", "owner"));
        assertEquals(925, errorCode(student1, "messages.removeChatUser", "chat_id", local(peer),
                "member_id", id(teacher)));
        ok(student1, "messages.removeChatUser", "chat_id", local(peer), "member_id", id(parent));
        ok(teacher, "messages.removeChatUser", "chat_id", local(peer), "user_id", id(student3));
        assertEquals(List.of(teacher.id().value(), student1.id().value(), student2.id().value()),
                memberIds(peer));
        assertEquals(917, errorCode(student3, "messages.getHistory", "peer_id", Long.toString(peer)));
        assertEquals(113, errorCode(teacher, "messages.removeChatUser", "chat_id", local(peer),
                "member_id", id(student3)));
    }

    @Test
    @DisplayName("F-CHAT-10 messages.getInviteLink and joinChatByInviteLink; a reset link answers 104")
    void inviteLink() {
        long peer = classChat();
        JsonNode body = wire.call(teacher, "messages.getInviteLink", "peer_id", Long.toString(peer));
        schema.check("messages/responses.json", "messages_getInviteLink_response", body);
        String link = body.get("response").get("link").asText();
        assertTrue(link.startsWith("https://vk.me/join/"), link);
        assertEquals(link, wire.ok(teacher, "messages.getInviteLink", "peer_id", Long.toString(peer))
                .get("link").asText());
        assertEquals(925, errorCode(student1, "messages.getInviteLink", "peer_id", Long.toString(peer)));

        JsonNode joined = wire.call(parent, "messages.joinChatByInviteLink", "link", link);
        schema.check("messages/responses.json", "messages_joinChatByInviteLink_response", joined);
        assertEquals(peer - ChatId.GROUP_CHAT_OFFSET, joined.get("response").get("chat_id").asLong());

        String fresh = wire.ok(teacher, "messages.getInviteLink", "peer_id", Long.toString(peer), "reset", "1")
                .get("link").asText();
        assertNotEquals(link, fresh);
        assertEquals(104, errorCode(outsider, "messages.joinChatByInviteLink", "link", link));
        assertEquals(100, errorCode(outsider, "messages.joinChatByInviteLink", "link", "vk.me/join/x"));
        assertEquals(5, memberIds(peer).size());
        wire.ok(outsider, "messages.joinChatByInviteLink", "link", fresh);
        assertEquals(6, memberIds(peer).size());
    }

    @Test
    @DisplayName("F-CHAT-05 the owner leaving over the wire hands the chat to the longest-standing admin")
    void ownerLeaves() {
        long peer = classChat();
        ok(teacher, "messages.setMemberRole", "peer_id", Long.toString(peer), "member_id", id(student2),
                "role", "admin");
        ok(teacher, "messages.removeChatUser", "chat_id", local(peer), "member_id", id(teacher));
        JsonNode chat = wire.ok(student1, "messages.getChat", "chat_id", local(peer));
        assertEquals(student2.id().value(), chat.get("admin_id").asLong());
        assertEquals(student2.id().value(), wire.ok(student1, "messages.getConversations").get("items").get(0)
                .get("conversation").get("chat_settings").get("owner_id").asLong());
    }
}
