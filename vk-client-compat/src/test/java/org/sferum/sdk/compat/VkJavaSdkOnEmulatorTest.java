package org.sferum.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.vk.api.sdk.client.VkApiClient;
import com.vk.api.sdk.client.actors.UserActor;
import com.vk.api.sdk.exceptions.ApiException;
import com.vk.api.sdk.httpclient.HttpTransportClient;
import com.vk.api.sdk.objects.messages.ConversationPeerType;
import com.vk.api.sdk.objects.messages.ConversationWithMessage;
import com.vk.api.sdk.objects.messages.Message;
import com.vk.api.sdk.objects.messages.responses.CreateChatWithPeerIdsResponse;
import com.vk.api.sdk.objects.messages.responses.GetConversationsResponse;
import com.vk.api.sdk.objects.messages.responses.GetHistoryResponse;
import com.vk.api.sdk.objects.users.responses.GetResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.emulator.SferumEmulator;

/**
 * F-EMB-04: the official VK Java SDK ({@code com.vk.api:sdk} 1.0.16), unchanged, against the emulator over plain
 * HTTP. One setting points it there, the documented one: a subclass of its {@code VkApiClient} overrides
 * {@code getApiEndpoint()} to the emulator's address. Its own {@code HttpTransportClient} is used as is (the
 * emulator sends {@code Content-Type} exactly so, which the SDK looks up case-sensitively). The demo users' tokens
 * come from {@code GET /_emulator/demo}, as any tool would get them. {@link VkJavaSdkOverHttpsTest} runs the same
 * tests over HTTPS.
 */
class VkJavaSdkOnEmulatorTest {
    private static final long GROUP_CHAT_OFFSET = 2_000_000_000L;

    private SferumEmulator emulator;
    private VkApiClient vk;
    private Map<String, UserActor> users;

    /**
     * Starts the emulator these tests run against.
     *
     * @return a running emulator
     */
    SferumEmulator startEmulator() {
        return SferumEmulator.start();
    }

    @BeforeEach
    void start() throws IOException, InterruptedException {
        emulator = startEmulator();
        String endpoint = emulator.baseUri().resolve("/method/").toString();
        vk = new VkApiClient(new HttpTransportClient()) {
            @Override
            public String getApiEndpoint() {
                return endpoint;
            }
        };
        users = demoUsers(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Reads the demo school from the control API: each user's label, id and token. */
    private static Map<String, UserActor> demoUsers(SferumEmulator emulator) throws IOException,
            InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(emulator.sslContext()).build().send(
                HttpRequest.newBuilder(emulator.baseUri().resolve("/_emulator/demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        JsonObject demo = JsonParser.parseString(response.body()).getAsJsonObject();
        Map<String, UserActor> out = new HashMap<>();
        for (JsonElement element : demo.getAsJsonArray("users")) {
            JsonObject user = element.getAsJsonObject();
            out.put(user.get("label").getAsString(),
                    new UserActor(user.get("id").getAsLong(), user.get("access_token").getAsString()));
        }
        return out;
    }

    private UserActor user(String label) {
        return users.get(label);
    }

    private long createClassChat() throws Exception {
        CreateChatWithPeerIdsResponse created = vk.messages().createChatWithpeerids(user("teacher"))
                .userIds(user("student1").getId(), user("student2").getId(), user("student3").getId())
                .title("5в Математика")
                .execute();
        assertEquals(3, created.getPeerIds().size());
        return GROUP_CHAT_OFFSET + created.getChatId();
    }

    @Test
    @DisplayName("F-CHAT-02 F-MSG-01 F-SECT-01 the VK Java SDK creates a chat, sends, reads history and the chat list")
    void chatRoundTrip() throws Exception {
        long peer = createClassChat();
        Integer sent = vk.messages().sendDeprecated(user("teacher")).peerId(peer).randomId(424242)
                .message("Домашнее задание: №15, №16").execute();
        Integer again = vk.messages().sendDeprecated(user("teacher")).peerId(peer).randomId(424242)
                .message("Домашнее задание: №15, №16").execute();
        assertEquals(sent, again, "the same random_id stores one message");

        GetHistoryResponse history = vk.messages().getHistory(user("student2")).peerId(peer).count(20).execute();
        assertEquals(1, history.getCount());
        Message message = history.getItems().get(0);
        assertEquals(sent, message.getId());
        assertEquals("Домашнее задание: №15, №16", message.getText());
        assertEquals(user("teacher").getId(), message.getFromId());
        assertEquals(peer, message.getPeerId());
        assertFalse(message.isOut());

        GetConversationsResponse list = vk.messages().getConversations(user("student2")).execute();
        assertEquals(1, list.getCount());
        ConversationWithMessage row = list.getItems().get(0);
        assertEquals(peer, row.getConversation().getPeer().getId());
        assertEquals(ConversationPeerType.CHAT, row.getConversation().getPeer().getType());
        assertEquals("5в Математика", row.getConversation().getChatSettings().getTitle());
        assertEquals(1, row.getConversation().getUnreadCount());
        assertEquals(sent, row.getLastMessage().getId());
    }

    @Test
    @DisplayName("F-CHAT-12 the VK Java SDK writes one-to-one by user id and sees a user conversation")
    void oneToOne() throws Exception {
        createClassChat();
        long student = user("student1").getId();
        Integer sent = vk.messages().sendDeprecated(user("teacher")).peerId(student).randomId(7)
                .message("Иван, зайди после урока").execute();

        ConversationWithMessage row = vk.messages().getConversations(user("student1")).execute().getItems().get(0);
        assertEquals(ConversationPeerType.USER, row.getConversation().getPeer().getType());
        assertEquals(user("teacher").getId(), row.getConversation().getPeer().getId());
        assertEquals(sent, row.getLastMessage().getId());
        Message seen = vk.messages().getHistory(user("student1")).peerId(user("teacher").getId()).execute()
                .getItems().get(0);
        assertEquals("Иван, зайди после урока", seen.getText());
    }

    @Test
    @DisplayName("F-LINK-08 users.get through the VK Java SDK answers the educational profiles")
    void usersGet() throws Exception {
        List<GetResponse> me = vk.users().get(user("teacher")).execute();
        assertEquals(1, me.size());
        assertEquals(user("teacher").getId(), me.get(0).getId());
        assertEquals("Анна", me.get(0).getFirstName());
        assertEquals("Смирнова", me.get(0).getLastName());

        List<GetResponse> students = vk.users().get(user("teacher"))
                .userIds(List.of(String.valueOf(user("student1").getId()), String.valueOf(user("student2").getId())))
                .execute();
        assertEquals(List.of("Петров", "Козлова"),
                students.stream().map(GetResponse::getLastName).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("F-EMB-04 F-MSG-01 F-MSG-08 the VK Java SDK, unchanged, with VK's other ways of addressing: "
            + "peer_ids, user_id, peer_id + cmids / cmid, getChat with fields, search across chats, users.get fields")
    void vkAddressing() throws Exception {
        long peer = createClassChat();
        UserActor teacher = user("teacher");
        List<com.vk.api.sdk.objects.messages.responses.SendUserIdsResponse> many = vk.messages().sendUserIds(teacher)
                .peerIds(peer, user("student1").getId()).randomId(31).message("Контрольная в среду").execute();
        assertEquals(2, many.size());
        assertEquals(peer, many.get(0).getPeerId());
        assertEquals(1, many.get(0).getConversationMessageId());
        assertEquals(null, many.get(1).getError());
        Integer direct = vk.messages().sendDeprecated(teacher).userId(user("student2").getId()).randomId(32)
                .message("Зайди после урока").execute();
        assertEquals(direct, vk.messages().getHistory(user("student2")).userId(teacher.getId()).execute()
                .getItems().get(0).getId());

        List<Message> byCmid = vk.messages().getById(user("student3")).peerId(peer).cmids(1).execute().getItems();
        assertEquals("Контрольная в среду", byCmid.get(0).getText());
        assertEquals(many.get(0).getMessageId(), vk.messages().pin(teacher).peerId(peer).cmid(1).execute().getId());

        com.vk.api.sdk.objects.messages.responses.GetChatFieldsResponse chat = vk.messages()
                .getChatWithFields(teacher, List.of(com.vk.api.sdk.objects.users.Fields.SCREEN_NAME))
                .chatId((int) (peer - GROUP_CHAT_OFFSET)).execute();
        assertEquals(4, chat.getUsers().size());
        assertEquals("id" + teacher.getId(), chat.getUsers().get(0).getScreenName());

        assertEquals(2, vk.messages().search(teacher).q("контрольн").execute().getCount(),
                "the group chat and the one-to-one chat with student1");

        GetResponse student = vk.users().get(teacher).userIds(String.valueOf(user("student1").getId()))
                .fields(com.vk.api.sdk.objects.users.Fields.ONLINE, com.vk.api.sdk.objects.users.Fields.SCREEN_NAME,
                        com.vk.api.sdk.objects.users.Fields.PHOTO_100, com.vk.api.sdk.objects.users.Fields.SEX)
                .execute().get(0);
        assertEquals("id" + user("student1").getId(), student.getScreenName());
        assertFalse(student.isOnline(), "student1 has made no call");
        assertNotNull(student.getPhoto100());
        assertTrue(vk.users().get(teacher).fields(com.vk.api.sdk.objects.users.Fields.ONLINE).execute().get(0)
                .isOnline());
    }

    @Test
    @DisplayName("F-EMB-04 F-CALL-04 calls.start without title and calls.forceFinish answer the VK Java SDK with "
            + "VK's error codes only (15 for a participant)")
    void callsAsVk() throws Exception {
        com.vk.api.sdk.objects.calls.responses.StartResponse call = vk.calls().start(user("teacher")).execute();
        assertNotNull(call.getJoinLink());
        ApiException denied = assertThrows(ApiException.class,
                () -> vk.calls().forceFinish(user("student1"), call.getCallId()).execute());
        assertEquals(15, denied.getCode());
        assertEquals(1, vk.calls().forceFinish(user("teacher"), call.getCallId()).execute().getValue());
    }

    @Test
    @DisplayName("F-EMB-04 the chat tab's methods through the VK Java SDK, unchanged: getByConversationMessageId, "
            + "restore, reactions, searchConversations, getChatPreview, setActivity, polls.edit, polls.deleteVote")
    void chatTabMethods() throws Exception {
        long peer = createClassChat();
        UserActor teacher = user("teacher");
        UserActor student = user("student1");
        Integer sent = vk.messages().sendDeprecated(teacher).peerId(peer).randomId(41).message("Раз").execute();
        assertEquals(sent, vk.messages().getByConversationMessageId(student, peer, 1).execute().getItems().get(0)
                .getId());

        vk.messages().deleteFull(student).peerId(peer).cmids(1).execute();
        assertEquals(0, vk.messages().getByConversationMessageId(student, peer, 1).execute().getCount());
        assertEquals(1, vk.messages().restore(student).peerId(peer).cmid(1).execute().getValue());
        assertEquals(1, vk.messages().getByConversationMessageId(student, peer, 1).execute().getCount());

        assertTrue(vk.messages().sendReaction(student, peer, 1, 7).execute().getValue() == 1);
        com.vk.api.sdk.objects.messages.ReactionCounterResponseItem counter = vk.messages()
                .getMessagesReactions(teacher, peer, 1).execute().getItems().get(0).getCounters().get(0);
        assertEquals(7, counter.getReactionId());
        assertEquals(List.of(student.getId()), counter.getUserIds());
        assertTrue(vk.messages().deleteReaction(student, peer, 1).execute().getValue() == 1);
        ApiException badReaction = assertThrows(ApiException.class,
                () -> vk.messages().sendReaction(student, peer, 1, 99).execute());
        assertEquals(100, badReaction.getCode());

        assertEquals(1, vk.messages().searchConversations(student).q("математика").execute().getCount());
        String link = vk.messages().getInviteLink(teacher, peer).execute().getLink().toString();
        assertEquals("5в Математика", vk.messages().getChatPreview(user("outsider")).link(link).execute()
                .getPreview().getTitle());
        assertEquals(1, vk.messages().setActivity(student).peerId(peer)
                .type(com.vk.api.sdk.objects.messages.SetActivityType.TYPING).execute().getValue());

        com.vk.api.sdk.objects.polls.responses.CreateResponse poll = vk.polls().create(teacher).question("Когда?")
                .addAnswers("[\"Вторник\",\"Четверг\"]").execute();
        vk.messages().sendDeprecated(teacher).peerId(peer).randomId(42)
                .attachment("poll" + poll.getOwnerId() + "_" + poll.getId()).execute();
        assertEquals(1, vk.polls().edit(teacher, poll.getId()).ownerId(poll.getOwnerId()).question("Когда же?")
                .execute().getValue());
        ApiException notCreator = assertThrows(ApiException.class,
                () -> vk.polls().edit(student, poll.getId()).ownerId(poll.getOwnerId()).question("?").execute());
        assertEquals(15, notCreator.getCode());
        vk.polls().addVote(student, poll.getId(), 1L).ownerId(poll.getOwnerId()).execute();
        assertEquals(1, vk.polls().deleteVote(student, poll.getId()).ownerId(poll.getOwnerId()).execute()
                .getValue());
        assertEquals(0, vk.polls().deleteVote(student, poll.getId()).ownerId(poll.getOwnerId()).execute()
                .getValue());
    }

    @Test
    @DisplayName("F-EMB-04 F-ATT-03 docs.getById and docs.delete through the VK Java SDK: the owner deletes, "
            + "another user may not (15)")
    void documents() throws Exception {
        UserActor teacher = user("teacher");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plan", ".txt");
        try {
            java.nio.file.Files.writeString(file, "план урока");
            String url = vk.docs().getMessagesUploadServer(teacher)
                    .type(com.vk.api.sdk.objects.docs.GetMessagesUploadServerType.DOC).execute().getUploadUrl()
                    .toString();
            String uploaded = vk.upload().doc(url, file.toFile()).execute().getFile();
            com.vk.api.sdk.objects.docs.Doc doc = vk.docs().save(teacher, uploaded).title("План.txt").execute()
                    .getDoc();
            String id = doc.getOwnerId() + "_" + doc.getId();
            assertEquals("План.txt", vk.docs().getById(teacher, id).execute().get(0).getTitle());
            assertTrue(vk.docs().getById(user("student1"), id).execute().isEmpty());
            ApiException denied = assertThrows(ApiException.class,
                    () -> vk.docs().delete(user("student1"), doc.getOwnerId(), doc.getId()).execute());
            assertEquals(15, denied.getCode());
            assertEquals(1, vk.docs().delete(teacher, doc.getOwnerId(), doc.getId()).execute().getValue());
            assertTrue(vk.docs().getById(teacher, id).execute().isEmpty());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    @DisplayName("F-MSG-01 F-CHAT-12 refusals reach the VK Java SDK as ApiException with the VK error code")
    void errors() throws Exception {
        long peer = createClassChat();
        vk.messages().sendDeprecated(user("teacher")).peerId(peer).randomId(1).message("Только для 5в").execute();

        ApiException notMember = assertThrows(ApiException.class,
                () -> vk.messages().getHistory(user("outsider")).peerId(peer).execute());
        assertEquals(917, notMember.getCode());
        ApiException notContact = assertThrows(ApiException.class, () -> vk.messages()
                .sendDeprecated(user("outsider")).peerId(user("teacher").getId()).randomId(2).message("Привет")
                .execute());
        assertEquals(902, notContact.getCode());

        // The announcement chat is the Sferum extension of createChat's permissions, passed as an extra parameter.
        CreateChatWithPeerIdsResponse news = vk.messages().createChatWithpeerids(user("teacher"))
                .userIds(user("student1").getId()).title("Объявления")
                .unsafeParam("permissions", "{\"only_admins_write\":true}")
                .execute();
        ApiException disabled = assertThrows(ApiException.class, () -> vk.messages()
                .sendDeprecated(user("student1")).peerId(GROUP_CHAT_OFFSET + news.getChatId()).randomId(3)
                .message("Можно?").execute());
        assertEquals(1012, disabled.getCode());
        assertNotNull(disabled.getMessage());
        assertTrue(vk.messages().getHistory(user("student1")).peerId(GROUP_CHAT_OFFSET + news.getChatId())
                .execute().getItems().isEmpty());
    }

    @Test
    @DisplayName("F-EMB-04 the VK Java SDK's execute().batch runs its queries in one execute call, in order")
    void executeBatch() throws Exception {
        long peer = createClassChat();
        JsonArray answers = vk.execute().batch(user("teacher"),
                vk.users().get(user("teacher")),
                vk.messages().sendDeprecated(user("teacher")).peerId(peer).randomId(99)
                        .message("Контрольная в пятницу, \"№3\""),
                vk.messages().getHistory(user("teacher")).peerId(peer).count(5))
                .execute().getAsJsonArray();
        assertEquals(3, answers.size());
        assertEquals("Смирнова", answers.get(0).getAsJsonArray().get(0).getAsJsonObject().get("last_name")
                .getAsString());
        int sent = answers.get(1).getAsInt();
        JsonObject history = answers.get(2).getAsJsonObject();
        assertEquals(1, history.get("count").getAsInt());
        JsonObject message = history.getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals(sent, message.get("id").getAsInt());
        assertEquals("Контрольная в пятницу, \"№3\"", message.get("text").getAsString());

        Message seen = vk.messages().getHistory(user("student1")).peerId(peer).execute().getItems().get(0);
        assertEquals(sent, seen.getId());
    }

    @Test
    @DisplayName("F-EMB-04 the VK Java SDK's execute().code runs VKScript with calls, @. and a loop")
    void executeCode() throws Exception {
        long peer = createClassChat();
        for (String label : List.of("student1", "student2", "student3")) {
            vk.messages().sendDeprecated(user(label)).peerId(peer).randomId(label.hashCode())
                    .message("Готово").execute();
        }
        String code = "var authors = API.messages.getHistory({\"peer_id\": " + peer + ", \"count\": 10}).items@.from_id;"
                + " var names = API.users.get({\"user_ids\": authors})@.last_name; var out = []; var i = 0;"
                + " while (i < names.length) { out.push(names[i] + \"!\"); i = i + 1; } return out;";
        JsonArray names = vk.execute().code(user("teacher"), code).execute().getAsJsonArray();
        List<String> got = new ArrayList<>();
        names.forEach(name -> got.add(name.getAsString()));
        assertEquals(List.of("Соколов!", "Козлова!", "Петров!"), got);
    }

    @Test
    @DisplayName("F-EMB-04 a VKScript syntax error reaches the VK Java SDK as ApiException 12")
    void executeCodeSyntaxError() {
        ApiException error = assertThrows(ApiException.class,
                () -> vk.execute().code(user("teacher"), "return 1 +;").execute());
        assertEquals(12, error.getCode());
    }
}
