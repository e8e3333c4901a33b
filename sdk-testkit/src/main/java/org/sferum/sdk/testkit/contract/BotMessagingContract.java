package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.events.Subscription;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * What a school's bot does in a class chat, the same on every backend that offers {@code BOT_MESSAGING} and
 * {@code EVENTS} (F-EMB-08): the in-memory fake, sdk-core over the VK API to the emulator, and sdk-core over the
 * MAX Bot API to the emulator's MAX face. People set the chat up on their own face (the teacher creates it with
 * the bot and makes the bot an admin, which on MAX is {@code read_all_messages}); the bot then posts, reads,
 * replies, edits, deletes, pins, sees the chat and hears people's messages, and the people see what it did. A
 * bot face without those capabilities is excluded by name, visibly.
 */
public abstract class BotMessagingContract {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<Capability> NEEDED = EnumSet.of(Capability.BOT_MESSAGING, Capability.EVENTS);

    private BotFixture fixture;
    private DemoSchool school;
    private SferumSession teacher;
    private SferumSession bot;
    private SeededBot botUser;
    private ChatId chat;
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Creates the contract. */
    protected BotMessagingContract() {
    }

    /**
     * Opens a fresh platform with its two faces; the contract closes it.
     *
     * @return the fixture
     */
    protected abstract BotFixture openBotFixture();

    @BeforeEach
    void setUp() {
        fixture = openBotFixture();
        Set<Capability> missing = EnumSet.copyOf(NEEDED);
        missing.removeAll(fixture.botFace().capabilities());
        if (!missing.isEmpty()) {
            Assumptions.abort("excluded: the backend " + fixture.botFace().backend() + " lacks " + missing
                    + ", which BotMessagingContract needs");
        }
        school = fixture.people().school();
        teacher = fixture.people().as(school.teacher());
        botUser = fixture.bot();
        bot = fixture.botFace().session(botUser.token());
        Set<UserId> members = new HashSet<>();
        for (SeededUser student : school.students()) {
            members.add(student.id());
        }
        members.add(botUser.id());
        chat = teacher.chats().create(NewChat.of("5в Математика", members));
        teacher.chats().setAdmin(chat, botUser.id(), true);
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(Subscription::close);
        if (fixture != null) {
            fixture.close();
        }
    }

    private SferumSession student(int index) {
        return fixture.people().as(school.students().get(index));
    }

    @Test
    @DisplayName("F-EMB-08 the bot knows itself and offers BOT_MESSAGING and EVENTS")
    void me() {
        assertEquals(botUser.id(), bot.me().id());
        assertEquals(botUser.name(), bot.me().firstName());
        assertTrue(fixture.botFace().capabilities().containsAll(NEEDED));
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-01 the bot posts in the class chat; people read it in their history, by the bot, same id")
    void botPosts() {
        Message sent = bot.messages().send(chat, Draft.text("Домашнее задание: №15, №16"));
        assertEquals(botUser.id(), sent.author());
        assertEquals(chat, sent.chat());
        Message seen = student(0).messages().history(chat, HistoryQuery.newestFirst(5)).items().get(0);
        assertEquals(sent.id(), seen.id());
        assertEquals("Домашнее задание: №15, №16", seen.text());
        assertEquals(botUser.id(), seen.author());
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-11 the bot reads people's messages page by page, newest first and oldest first, none twice")
    void botReadsHistory() {
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String text = "Сообщение " + i;
            written.add(text);
            (i % 2 == 0 ? teacher : student(i % 3)).messages().send(chat, Draft.text(text));
        }
        List<String> newest = new ArrayList<>();
        for (Message message : bot.messages().iterateHistory(chat, HistoryQuery.newestFirst(2))) {
            newest.add(message.text());
        }
        List<String> reversed = new ArrayList<>(written);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, newest);
        List<String> oldest = new ArrayList<>();
        for (Message message : bot.messages().iterateHistory(chat, HistoryQuery.oldestFirst(2))) {
            oldest.add(message.text());
        }
        assertEquals(written, oldest);
        Page<Message> first = bot.messages().history(chat, HistoryQuery.newestFirst(2));
        assertEquals(2, first.items().size());
        assertTrue(first.hasNext());
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-02 the bot replies to a person's message; both faces see the reply")
    void botReplies() {
        Message question = student(1).messages().send(chat, Draft.text("Когда контрольная?"));
        Message answer = bot.messages().send(chat, Draft.text("В пятницу").replyTo(question.id()));
        assertEquals(Optional.of(question.id()), answer.replyTo());
        Message seen = teacher.messages().history(chat, HistoryQuery.newestFirst(1)).items().get(0);
        assertEquals(answer.id(), seen.id());
        assertEquals(Optional.of(question.id()), seen.replyTo());
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-03 the bot forwards a person's message into the chat; people see the forwarded text")
    void botForwards() {
        Message original = student(0).messages().send(chat, Draft.text("Вопрос по задаче №15"));
        Message forwarded = bot.messages().send(chat, Draft.text("Смотрите вопрос").forwarding(List.of(original.id())));
        assertEquals(1, forwarded.forwarded().size());
        assertEquals("Вопрос по задаче №15", forwarded.forwarded().get(0).text());
        Message seen = teacher.messages().history(chat, HistoryQuery.newestFirst(1)).items().get(0);
        assertEquals(forwarded.id(), seen.id());
        assertEquals("Смотрите вопрос", seen.text());
        assertEquals(List.of("Вопрос по задаче №15"), seen.forwarded().stream().map(Message::text).toList());
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-07 F-MSG-06 the bot edits its message and deletes it for everyone; people see both")
    void botEditsAndDeletes() {
        Message sent = bot.messages().send(chat, Draft.text("Урок в 9:00"));
        Message edited = bot.messages().edit(chat, sent.id(), "Урок в 10:00");
        assertEquals("Урок в 10:00", edited.text());
        assertEquals("Урок в 10:00", teacher.messages().history(chat, HistoryQuery.newestFirst(1)).items().get(0)
                .text());
        bot.messages().delete(chat, List.of(sent.id()), true);
        assertTrue(teacher.messages().history(chat, HistoryQuery.newestFirst(5)).items().stream()
                .noneMatch(m -> m.id().equals(sent.id())));
    }

    @Test
    @DisplayName("F-EMB-08 F-MSG-08 the bot pins a message once the owner lets admins pin; people see it pinned")
    void botPins() {
        Message sent = bot.messages().send(chat, Draft.text("Расписание на неделю"));
        SferumException refused = assertThrows(SferumException.class, () -> bot.messages().pin(chat, sent.id()));
        assertEquals(ErrorCategory.PERMISSION, refused.category(), "owner-only pinning by default (F-CHAT-03)");
        teacher.chats().updateSettings(chat, ChatSettings.ownerOnly().with(ChatAction.CHANGE_PIN,
                PermissionLevel.OWNER_AND_ADMINS));
        bot.messages().pin(chat, sent.id());
        assertEquals(Optional.of(sent.id()), teacher.messages().pinned(chat).map(Message::id));
        assertEquals(Optional.of(sent.id()), bot.messages().pinned(chat).map(Message::id));
        bot.messages().unpin(chat);
        assertEquals(Optional.empty(), teacher.messages().pinned(chat));
    }

    @Test
    @DisplayName("F-EMB-08 F-CHAT-04 the bot sees the chat: title, owner, members with roles, itself an admin")
    void botSeesTheChat() {
        Chat info = bot.chats().get(chat);
        assertEquals("5в Математика", info.title());
        assertEquals(school.teacher().id(), info.owner());
        Set<UserId> members = new HashSet<>();
        for (ChatMember member : info.members()) {
            members.add(member.user());
        }
        assertEquals(teacher.chats().get(chat).members().stream().map(ChatMember::user)
                .collect(java.util.stream.Collectors.toSet()), members);
        assertEquals(MemberRole.ADMIN, info.members().stream().filter(m -> m.user().equals(botUser.id()))
                .findFirst().orElseThrow().role());
        assertEquals(MemberRole.OWNER, info.members().stream().filter(m -> m.user().equals(school.teacher().id()))
                .findFirst().orElseThrow().role());
    }

    @Test
    @DisplayName("F-EMB-08 F-EMB-02 a person's message reaches the admin bot as MessageSent; the bot's own does not")
    void botHearsPeople() throws InterruptedException {
        BlockingQueue<SferumEvent> events = new LinkedBlockingQueue<>();
        subscriptions.add(bot.events().subscribe(events::add));
        bot.messages().send(chat, Draft.text("Бот пишет сам"));
        Message said = student(2).messages().send(chat, Draft.text("Я сделал домашнее задание"));
        SferumEvent.MessageSent heard = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (heard == null && System.nanoTime() < deadline) {
            SferumEvent event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event instanceof SferumEvent.MessageSent sent) {
                heard = sent;
            }
        }
        assertNotNull(heard, "the bot heard no message within " + WAIT);
        assertEquals(said.id(), heard.message().id(), "the first message the bot hears is the person's, not its own");
        assertEquals(chat, heard.chat());
        assertEquals("Я сделал домашнее задание", heard.message().text());
        assertEquals(school.students().get(2).id(), heard.message().author());
    }

    @Test
    @DisplayName("F-EMB-08 F-ATT-01 F-ATT-03 F-ATT-05 the bot uploads a photo and a file and posts them; people see the photo and the file's name and size")
    void botPostsAttachments() {
        if (!fixture.botFace().capabilities().contains(Capability.ATTACHMENTS)) {
            Assumptions.abort("excluded: the backend " + fixture.botFace().backend() + " lacks ATTACHMENTS");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        Attachment.Photo photo = bot.attachments().uploadPhoto("board.png", new ByteArrayInputStream(png));
        bot.messages().send(chat, Draft.text("Доска после урока").withAttachments(List.of(photo)));
        byte[] text = "Домашнее задание: №15, №16".getBytes(StandardCharsets.UTF_8);
        Attachment.File file = bot.attachments().uploadFile("Домашнее задание.txt", new ByteArrayInputStream(text));
        assertEquals(text.length, file.size());
        Message sent = bot.messages().send(chat, Draft.text("Задание во вложении").withAttachments(List.of(file)));
        assertEquals(1, sent.attachments().size());
        List<Message> seen = student(0).messages().history(chat, HistoryQuery.newestFirst(5)).items();
        Attachment.File got = (Attachment.File) seen.get(0).attachments().get(0);
        assertEquals("Домашнее задание.txt", got.name());
        assertEquals(text.length, got.size());
        assertTrue(seen.get(1).attachments().get(0) instanceof Attachment.Photo, seen.get(1).attachments().toString());
        List<Attachment> ofChat = bot.attachments().ofChat(chat, org.sferum.sdk.paging.PageRequest.first()).items();
        assertTrue(ofChat.stream().anyMatch(a -> a instanceof Attachment.File f && f.name().equals(got.name())),
                "F-ATT-05 the chat's attachments hold the file: " + ofChat);
        SferumException program = assertThrows(SferumException.class, () -> bot.attachments().uploadFile(
                "homework.exe", new ByteArrayInputStream(new byte[] {'M', 'Z', 0, 1})));
        assertEquals(ErrorCategory.VALIDATION, program.category(), program.getMessage());
    }

    @Test
    @DisplayName("F-EMB-08 bad input: a wrong bot token, a chat the bot is not in, 4,001 characters, an unknown message")
    void badInput() {
        SferumSession wrong = fixture.botFace().session(AccessToken.of("max1.not-a-real-bot-token"));
        AuthenticationException unauthenticated = assertThrows(AuthenticationException.class, wrong::me);
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, unauthenticated.code());
        assertFalse(unauthenticated.getMessage().contains("not-a-real-bot-token"), "the token is not echoed");

        ChatId foreign = fixture.people().as(school.outsider()).chats()
                .create(NewChat.of("Чужой чат", Set.of(school.parent().id())));
        SferumException denied = assertThrows(SferumException.class,
                () -> bot.messages().send(foreign, Draft.text("Привет")));
        assertEquals(ErrorCategory.PERMISSION, denied.category(), denied.getMessage());

        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> bot.messages().send(chat, Draft.text("я".repeat(4001))));
        assertEquals(ErrorCode.MESSAGE_TOO_LONG, tooLong.code());
        assertTrue(tooLong.getMessage().contains("4000"), tooLong.getMessage());
        assertEquals("я".repeat(4000), bot.messages().send(chat, Draft.text("я".repeat(4000))).text());

        NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> bot.messages().edit(chat, MessageId.of(987_654), "нет такого"));
        assertEquals(ErrorCode.MESSAGE_NOT_FOUND, unknown.code());
    }
}
