package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.users.UserId;

/**
 * The contract of attachments: photos (F-ATT-01), videos (F-ATT-02), files (F-ATT-03) and polls (F-ATT-04: votes
 * and results, anonymous polls hiding voters) uploaded, sent with a message, seen by every
 * member as the sender sent them; empty, oversized and wrong-type files refused; an uploaded item attached by its
 * uploader only, once; the attachments of a chat (F-ATT-05, F-CHAT-04) listed newest first, in pages, for members
 * only. Extend it and return the face under test from {@link #openFixture()}.
 */
@ContractNeeds({Capability.ATTACHMENTS, Capability.POLLS, Capability.CHAT_ADMIN, Capability.MESSAGING})
public abstract class AttachmentsContract extends SchoolContract {
    /** A PNG file's signature followed by a few bytes. */
    protected static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 1, 2, 3};
    /** A homework file. */
    protected static final byte[] HOMEWORK = "Упражнение 5, стр. 12".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Creates the contract. */
    protected AttachmentsContract() {
    }

    private ChatId classChat() {
        Set<UserId> students = school.students().stream().map(SeededUser::id).collect(Collectors.toSet());
        return teacher.chats().create(new NewChat("5в Классный час", students, ChatSettings.ownerOnly()));
    }

    private static Attachment.Photo photo(SferumSession session, String name, byte[] content) {
        return session.attachments().uploadPhoto(name, new ByteArrayInputStream(content));
    }

    private static Attachment.File file(SferumSession session, String name, byte[] content) {
        return session.attachments().uploadFile(name, new ByteArrayInputStream(content));
    }

    private static List<Message> history(SferumSession session, ChatId chat) {
        return session.messages().history(chat, HistoryQuery.newestFirst(50)).items();
    }

    private static <T extends SferumException> void refused(Class<T> type, ErrorCode code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    @Test
    @DisplayName("F-ATT-01: a photo sent with a message is seen by every member as it was sent")
    void photoSentAndSeen() {
        ChatId chat = classChat();
        Attachment.Photo photo = photo(teacher, "board.png", PNG);
        assertEquals(school.teacher().id().value(), photo.id().ownerId());
        assertTrue(!photo.url().isEmpty());
        Message sent = teacher.messages().send(chat, Draft.text("Доска").withAttachments(List.of(photo)));
        assertEquals(List.of(photo), sent.attachments());
        Message seen = history(student(0), chat).get(0);
        assertEquals(sent.id(), seen.id());
        assertEquals(List.of(photo), seen.attachments());
    }

    @Test
    @DisplayName("F-MSG-09, F-ATT-01: a private reply carries a photo; the author of the original sees it in the "
            + "one-to-one chat")
    void privateReplyWithPhoto() {
        ChatId chat = classChat();
        Message question = student(0).messages().send(chat, Draft.text("Можно сдать фото тетради?"));
        Attachment.Photo photo = photo(teacher, "example.png", PNG);
        Message reply = teacher.messages().replyPrivately(chat, question.id(),
                Draft.text("Да, вот пример").withAttachments(List.of(photo)));
        assertEquals(List.of(photo), reply.attachments());
        Message seen = history(student(0), ChatId.direct(school.teacher().id())).get(0);
        assertEquals(reply.id(), seen.id());
        assertEquals(List.of(photo), seen.attachments());
        assertEquals(java.util.Optional.of(question.id()), seen.replyTo());
    }

    @Test
    @DisplayName("F-ATT-03: a file (homework) sent without text is seen by every member with its name and size")
    void fileSentAndSeen() {
        ChatId chat = classChat();
        Attachment.File homework = file(student(0), "homework.txt", HOMEWORK);
        assertEquals("homework.txt", homework.name());
        assertEquals(HOMEWORK.length, homework.size());
        Attachment.File notes = file(student(0), "notes.pdf", HOMEWORK);
        Message sent = student(0).messages().send(chat, new Draft("", java.util.Optional.empty(),
                List.of(), List.of(homework, notes), java.util.OptionalInt.empty()));
        assertEquals(List.of(homework, notes), sent.attachments());
        assertEquals(List.of(homework, notes), history(teacher, chat).get(0).attachments());
    }

    @Test
    @DisplayName("F-ATT-01: an empty photo, a photo that is not JPEG, PNG or GIF, and one over 50 MB are refused")
    void badPhotosRefused() {
        ChatId chat = classChat();
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> photo(teacher, "empty.png", new byte[0]));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> photo(teacher, "board.png", HOMEWORK));
        byte[] huge = Arrays.copyOf(PNG, 50 * 1024 * 1024 + 1);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> photo(teacher, "huge.png", huge));
        assertEquals(List.of(), history(teacher, chat));
    }

    @Test
    @DisplayName("F-ATT-03: an empty file, an MP3 and a program are refused")
    void badFilesRefused() {
        ChatId chat = classChat();
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> file(teacher, "empty.txt", new byte[0]));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> file(teacher, "song.mp3", HOMEWORK));
        byte[] program = {'M', 'Z', 0, 0, 1, 2};
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> file(teacher, "game.dat", program));
        assertEquals(List.of(), history(teacher, chat));
    }

    @Test
    @DisplayName("F-ATT-03 issue 12 item 5: Windows-style names of programs (trailing dots and spaces, NUL, ::$DATA) and scripts by content are refused")
    void disguisedProgramsRefused() {
        ChatId chat = classChat();
        for (String name : List.of("evil.bat.", "evil.bat ", "evil.cmd...", "evil.ps1::$DATA", "evil.vbs\0.txt",
                "EVIL.EXE . .", "evil.sh:stream")) {
            refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> file(teacher, name, HOMEWORK));
        }
        byte[] script = "#!/bin/sh\nrm -rf ~\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> file(teacher, "notes.txt", script));
        assertEquals(List.of(), history(teacher, chat));
        assertEquals("plan.txt.bak", file(teacher, "plan.txt.bak", HOMEWORK).name(), "ordinary names still pass");
    }

    @Test
    @DisplayName("F-ATT-01, F-ATT-03: an uploaded item is attached by its uploader only, and only once")
    void uploaderOnlyAndOnce() {
        ChatId chat = classChat();
        Attachment.Photo photo = photo(teacher, "board.png", PNG);
        Attachment.File file = file(teacher, "plan.txt", HOMEWORK);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> student(0).messages()
                .send(chat, Draft.text("чужое").withAttachments(List.of(photo))));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> student(0).messages()
                .send(chat, Draft.text("чужое").withAttachments(List.of(file))));
        assertEquals(List.of(), history(teacher, chat));

        Message first = teacher.messages().send(chat, Draft.text("План").withAttachments(List.of(photo, file)));
        refused(ConflictException.class, ErrorCode.CONFLICT, () -> teacher.messages()
                .send(chat, Draft.text("ещё раз").withAttachments(List.of(photo))));
        List<Message> after = history(student(1), chat);
        assertEquals(1, after.size());
        assertEquals(first.id(), after.get(0).id());
    }

    @Test
    @DisplayName("F-ATT-01: a refused attachment leaves the others of the draft free to send")
    void refusalReservesNothing() {
        ChatId chat = classChat();
        Attachment.Photo mine = photo(teacher, "board.png", PNG);
        Attachment.Photo theirs = photo(student(0), "cat.png", PNG);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> teacher.messages()
                .send(chat, Draft.text("x").withAttachments(List.of(mine, theirs))));
        assertEquals(List.of(), history(teacher, chat));
        Message sent = teacher.messages().send(chat, Draft.text("x").withAttachments(List.of(mine)));
        assertEquals(List.of(mine), sent.attachments());
    }

    @Test
    @DisplayName("F-ATT-01: who sees an attachment is who sees its message: not someone outside the chat")
    void outsidersSeeNothing() {
        ChatId chat = classChat();
        Attachment.Photo photo = photo(teacher, "board.png", PNG);
        teacher.messages().send(chat, Draft.text("Доска").withAttachments(List.of(photo)));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER,
                () -> history(fixture.as(school.outsider()), chat));
    }

    private static List<Attachment> all(SferumSession session, ChatId chat, int size) {
        List<Attachment> out = new java.util.ArrayList<>();
        org.sferum.sdk.paging.PageRequest request = org.sferum.sdk.paging.PageRequest.ofSize(size);
        while (true) {
            org.sferum.sdk.paging.Page<Attachment> page = session.attachments().ofChat(chat, request);
            assertTrue(page.items().size() <= size);
            out.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return out;
            }
            request = org.sferum.sdk.paging.PageRequest.ofSize(size).after(page.nextCursor().get());
        }
    }

    @Test
    @DisplayName("F-ATT-05, F-CHAT-04: the attachments of a chat, newest message first, in pages, for every member")
    void attachmentsOfChat() {
        ChatId chat = classChat();
        Attachment.Photo a = photo(teacher, "a.png", PNG);
        teacher.messages().send(chat, Draft.text("первое").withAttachments(List.of(a)));
        teacher.messages().send(chat, Draft.text("без вложений"));
        Attachment.File b = file(teacher, "b.txt", HOMEWORK);
        Attachment.Photo c = photo(teacher, "c.png", PNG);
        teacher.messages().send(chat, Draft.text("второе").withAttachments(List.of(b, c)));
        Attachment.Photo d = photo(student(0), "d.png", PNG);
        student(0).messages().send(chat, Draft.text("третье").withAttachments(List.of(d)));

        List<Attachment> expected = List.of(d, b, c, a);
        assertEquals(expected, all(teacher, chat, 2));
        assertEquals(expected, all(student(1), chat, 3));
        assertEquals(expected, all(student(1), chat, 200));
        org.sferum.sdk.paging.Page<Attachment> first = teacher.attachments().ofChat(chat,
                org.sferum.sdk.paging.PageRequest.ofSize(2));
        assertEquals(List.of(d, b), first.items());
        assertTrue(first.nextCursor().isPresent());
    }

    @Test
    @DisplayName("F-ATT-05: a chat without attachments lists none; a message deleted for oneself takes its "
            + "attachments out of one's own list only")
    void attachmentsFollowTheirMessages() {
        ChatId chat = classChat();
        assertEquals(List.of(), all(teacher, chat, 10));
        Attachment.Photo a = photo(teacher, "a.png", PNG);
        teacher.messages().send(chat, Draft.text("первое").withAttachments(List.of(a)));
        Attachment.Photo d = photo(student(0), "d.png", PNG);
        Message third = student(0).messages().send(chat, Draft.text("третье").withAttachments(List.of(d)));
        teacher.messages().delete(chat, List.of(third.id()), false);
        assertEquals(List.of(a), all(teacher, chat, 10));
        assertEquals(List.of(d, a), all(student(1), chat, 10));
    }

    @Test
    @DisplayName("F-ATT-05: someone outside the chat cannot list its attachments")
    void attachmentsOfChatMembersOnly() {
        ChatId chat = classChat();
        teacher.messages().send(chat, Draft.text("x").withAttachments(List.of(photo(teacher, "a.png", PNG))));
        refused(PermissionDeniedException.class, ErrorCode.NOT_A_CHAT_MEMBER, () -> fixture.as(school.outsider())
                .attachments().ofChat(chat, org.sferum.sdk.paging.PageRequest.first()));
        assertEquals(1, all(teacher, chat, 10).size());
    }

    /** The first bytes of an MP4 file ({@code ftyp} box) followed by a few more. */
    protected static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 1, 2, 3};

    private static Attachment.Video video(SferumSession session, String title, byte[] content) {
        return session.attachments().uploadVideo(title, new ByteArrayInputStream(content));
    }

    @Test
    @DisplayName("F-ATT-02: a video sent with a message is seen by every member with its title, and listed with "
            + "the chat's attachments")
    void videoSentAndSeen() {
        ChatId chat = classChat();
        Attachment.Video lesson = video(teacher, "Урок 5: дроби", MP4);
        assertEquals("Урок 5: дроби", lesson.title());
        assertEquals(school.teacher().id().value(), lesson.id().ownerId());
        Message sent = teacher.messages().send(chat, Draft.text("Запись урока").withAttachments(List.of(lesson)));
        assertEquals(List.of(lesson), sent.attachments());
        assertEquals(List.of(lesson), history(student(2), chat).get(0).attachments());
        assertEquals(List.of(lesson), all(student(2), chat, 5));
    }

    @Test
    @DisplayName("F-ATT-02: an empty video, one in no video format, a blank or too long title are refused; a video is "
            + "attached by its uploader only, once")
    void badVideosRefused() {
        ChatId chat = classChat();
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> video(teacher, "Урок", new byte[0]));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> video(teacher, "Урок", HOMEWORK));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> video(teacher, " ", MP4));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> video(teacher, "я".repeat(129), MP4));
        Attachment.Video lesson = video(teacher, "Урок", MP4);
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT, () -> student(0).messages()
                .send(chat, Draft.text("чужое").withAttachments(List.of(lesson))));
        assertEquals(List.of(), history(teacher, chat));
        teacher.messages().send(chat, Draft.text("1").withAttachments(List.of(lesson)));
        refused(ConflictException.class, ErrorCode.CONFLICT, () -> teacher.messages()
                .send(chat, Draft.text("2").withAttachments(List.of(lesson))));
        assertEquals(1, history(teacher, chat).size());
    }

    private Attachment.Poll classPoll(boolean anonymous) {
        return teacher.attachments().createPoll("Когда контрольная?", List.of("Во вторник", "В четверг"), anonymous);
    }

    @Test
    @DisplayName("F-ATT-04: a poll sent in a chat: members vote once, everyone sees the counts, their own vote and "
            + "who voted for what")
    void pollVoteAndResults() {
        ChatId chat = classChat();
        Attachment.Poll poll = classPoll(false);
        assertEquals("Когда контрольная?", poll.question());
        assertEquals(List.of("Во вторник", "В четверг"), poll.answers());
        teacher.messages().send(chat, Draft.text("Голосуем").withAttachments(List.of(poll)));
        assertEquals(List.of(poll), history(student(0), chat).get(0).attachments());

        student(0).attachments().vote(poll.id(), List.of(1));
        student(1).attachments().vote(poll.id(), List.of(0));
        student(2).attachments().vote(poll.id(), List.of(1));
        org.sferum.sdk.attachments.PollResults seen = teacher.attachments().poll(poll.id());
        assertEquals(poll, seen.poll());
        assertEquals(List.of(1, 2), seen.votes());
        assertEquals(3, seen.totalVoters());
        assertEquals(List.of(), seen.myAnswers());
        assertEquals(List.of(List.of(school.students().get(1).id()),
                List.of(school.students().get(0).id(), school.students().get(2).id())), seen.voters());
        assertEquals(List.of(1), student(0).attachments().poll(poll.id()).myAnswers());
        assertEquals(List.of(), all(teacher, chat, 10), "polls are not listed with the chat's media, as VK");
    }

    @Test
    @DisplayName("F-ATT-04: an anonymous poll shows the counts and one's own vote but hides who voted")
    void anonymousPollHidesVoters() {
        ChatId chat = classChat();
        Attachment.Poll poll = classPoll(true);
        teacher.messages().send(chat, Draft.text("Анонимно").withAttachments(List.of(poll)));
        student(0).attachments().vote(poll.id(), List.of(0));
        org.sferum.sdk.attachments.PollResults seen = student(1).attachments().poll(poll.id());
        assertTrue(seen.anonymous());
        assertEquals(List.of(1, 0), seen.votes());
        assertEquals(List.of(List.of(), List.of()), seen.voters());
        assertEquals(List.of(0), student(0).attachments().poll(poll.id()).myAnswers());
    }

    @Test
    @DisplayName("F-ATT-04: a second vote, no answer, two answers or an unknown one are refused, and the votes stay "
            + "as they were")
    void badVotesRefused() {
        ChatId chat = classChat();
        Attachment.Poll poll = classPoll(false);
        teacher.messages().send(chat, Draft.text("Голосуем").withAttachments(List.of(poll)));
        student(0).attachments().vote(poll.id(), List.of(0));
        refused(ConflictException.class, ErrorCode.CONFLICT, () -> student(0).attachments().vote(poll.id(), List.of(1)));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> student(1).attachments().vote(poll.id(), List.of(0, 1)));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> student(1).attachments().vote(poll.id(), List.of(2)));
        assertEquals(List.of(1, 0), teacher.attachments().poll(poll.id()).votes());
        assertEquals(1, teacher.attachments().poll(poll.id()).totalVoters());
    }

    @Test
    @DisplayName("F-ATT-04: who sees a poll is who sees its message: not a member before it is sent, not an outsider")
    void pollOnlyForThoseWhoSeeIt() {
        ChatId chat = classChat();
        Attachment.Poll poll = classPoll(false);
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> student(0).attachments().vote(poll.id(), List.of(0)));
        teacher.messages().send(chat, Draft.text("Голосуем").withAttachments(List.of(poll)));
        SferumSession outsider = fixture.as(school.outsider());
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> outsider.attachments().vote(poll.id(), List.of(0)));
        refused(PermissionDeniedException.class, ErrorCode.PERMISSION_DENIED,
                () -> outsider.attachments().poll(poll.id()));
        assertEquals(0, teacher.attachments().poll(poll.id()).totalVoters());
    }

    @Test
    @DisplayName("F-ATT-04: a poll needs a question and 1 to 10 answers")
    void badPollsRefused() {
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.attachments().createPoll(" ", List.of("да"), false));
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.attachments().createPoll("Вопрос?", List.of(), false));
        java.util.List<String> eleven = java.util.Collections.nCopies(11, "вариант");
        refused(ValidationException.class, ErrorCode.INVALID_ARGUMENT,
                () -> teacher.attachments().createPoll("Вопрос?", eleven, false));
    }
}
