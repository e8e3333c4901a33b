package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sferum.sdk.Capability;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.UnsupportedCapabilityException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.SeededUser;

/**
 * The capabilities story an embedding UI relies on (F-EMB-08): {@link Sferum#capabilities()} answers what the
 * backend offers, an operation outside it throws {@link UnsupportedCapabilityException} naming the capability and
 * the backend before anything is done, and what the backend offers works. It runs a full face and, over the same
 * platform, a face restricted to what the public VK API and VK ID carry ({@link #openVkProfile()}).
 */
public abstract class CapabilitiesContract extends SchoolContract {
    private static final Lesson LESSON = new Lesson("journal-5v-math-2026-09-01-3", "5в", "Математика",
            Instant.parse("2026-09-01T07:00:00Z"));
    /** What the VK API profile lacks of what is implemented. */
    private static final Set<Capability> PARTNER_ONLY = EnumSet.of(Capability.MESSAGE_REPORTS,
            Capability.CHAT_SETTINGS, Capability.CHAT_LIST_ACTIONS, Capability.CHAT_CALLS, Capability.CALLS_BY_LINK,
            Capability.LESSON_CALLS, Capability.CALL_MANAGEMENT, Capability.RECORDINGS, Capability.SUPPORT);

    /** Creates the contract. */
    protected CapabilitiesContract() {
    }

    /**
     * Opens a second face over the same platform as {@link #fixture}, offering only what the public VK API and VK
     * ID carry (sdk-core: {@code Endpoints.vk()}'s profile pointed at the emulator; the fake:
     * {@code FakeSferum.Builder.vkProfile()} over the same engine). The contract closes it.
     *
     * @return the restricted face
     */
    protected abstract Sferum openVkProfile();

    private SferumSession vkTeacher(Sferum vk) {
        return vk.session(school.teacher().token());
    }

    private Set<ChatId> listed(SferumSession who) {
        Set<ChatId> chats = new java.util.HashSet<>();
        who.chats().list(ChatFilter.ALL, PageRequest.ofSize(100)).items().forEach(c -> chats.add(c.id()));
        return chats;
    }

    @Test
    @DisplayName("F-EMB-08 capabilities() answers an immutable set and a backend name on both faces")
    void capabilitiesAnswer() {
        Set<Capability> full = fixture.sferum().capabilities();
        assertThrows(UnsupportedOperationException.class, () -> full.add(Capability.ROSTER));
        assertFalse(fixture.sferum().backend().isBlank());
        assertTrue(full.containsAll(PARTNER_ONLY), "the full face offers the partner contract: " + full);
        assertTrue(full.contains(Capability.ROSTER), "roster sync needs the partner contract, which the full face has");
        try (Sferum vk = openVkProfile()) {
            Set<Capability> offered = vk.capabilities();
            assertThrows(UnsupportedOperationException.class, () -> offered.remove(Capability.MESSAGING));
            assertEquals(EnumSet.of(Capability.BOT_MESSAGING, Capability.MESSAGING, Capability.CHAT_ADMIN, Capability.NOTIFICATIONS,
                    Capability.CONTACTS, Capability.ATTACHMENTS, Capability.POLLS, Capability.EVENTS,
                    Capability.LINKING), offered);
            assertFalse(vk.backend().isBlank());
            assertFalse(vk.backend().equals(fixture.sferum().backend()) && offered.equals(full));
        }
    }

    @Test
    @DisplayName("F-EMB-08 every partner capability is refused on the VK API profile, naming capability and backend,"
            + " and nothing changes")
    void partnerOperationsRefusedBeforeAnythingHappens() {
        ChatId chat = teacher.chats().create(NewChat.of("5в Капабилити", Set.of(school.students().get(0).id())));
        Message sent = teacher.messages().send(chat, Draft.text("Домашнее задание"));
        Set<ChatId> chatsBefore = listed(teacher);
        int callsBefore = teacher.calls().list(PageRequest.ofSize(100)).items().size();
        try (Sferum vk = openVkProfile()) {
            SferumSession session = vkTeacher(vk);
            Map<Capability, Executable> attempts = Map.of(
                    Capability.LESSON_CALLS, () -> session.calls().createLessonCall(LESSON, chat),
                    Capability.CHAT_CALLS, () -> session.calls().startInChat(chat, true),
                    Capability.CALLS_BY_LINK, () -> session.calls().startByLink("Консультация", CallSettings.DEFAULT),
                    Capability.CALL_MANAGEMENT, () -> session.calls().list(PageRequest.first()),
                    Capability.RECORDINGS, () -> session.calls().recordings().forLesson(LESSON.lessonKey()),
                    Capability.CHAT_SETTINGS, () -> session.chats().create(
                            NewChat.of("5в Объявления", Set.of()).withSettings(ChatSettings.announcement())),
                    Capability.CHAT_LIST_ACTIONS, () -> session.chats().pin(chat),
                    Capability.MESSAGE_REPORTS, () -> session.messages().report(chat, sent.id(), ReportReason.SPAM),
                    Capability.SUPPORT, () -> session.account().support().contacts());
            assertEquals(PARTNER_ONLY, attempts.keySet());
            for (Map.Entry<Capability, Executable> attempt : attempts.entrySet()) {
                UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                        attempt.getValue(), attempt.getKey().name());
                assertEquals(attempt.getKey(), e.capability());
                assertEquals(vk.backend(), e.backend());
                assertEquals(ErrorCode.UNSUPPORTED_CAPABILITY, e.code());
                assertFalse(e.isRetryable());
                assertTrue(e.getMessage().contains(attempt.getKey().name()) && e.getMessage().contains(vk.backend())
                        && e.getMessage().contains("docs/backends.md"), e.getMessage());
                assertFalse(e.getMessage().contains(school.teacher().token().secret()));
            }
            UnsupportedCapabilityException roster = assertThrows(UnsupportedCapabilityException.class, vk::roster);
            assertEquals(Capability.ROSTER, roster.capability());
        }
        // Nothing happened on the platform: no lesson call, no chat pinned, no announcement chat created.
        assertTrue(teacher.calls().forLesson(LESSON.lessonKey()).isEmpty());
        assertEquals(callsBefore, teacher.calls().list(PageRequest.ofSize(100)).items().size());
        assertEquals(chatsBefore, listed(teacher));
        assertTrue(teacher.chats().list(ChatFilter.ALL, PageRequest.first()).items().stream()
                .noneMatch(c -> c.pinned()), "a refused pin pinned nothing");
    }

    @Test
    @DisplayName("F-EMB-08 what the VK API profile offers works there: chats, messages, history, contacts")
    void vkProfileOperationsWork() {
        SeededUser student = school.students().get(0);
        try (Sferum vk = openVkProfile()) {
            SferumSession session = vkTeacher(vk);
            ChatId chat = session.chats().create(NewChat.of("5в Русский язык", Set.of(student.id())));
            session.messages().send(chat, Draft.text("Прочитать параграф 12"));
            List<Message> seen = fixture.as(student).messages().history(chat,
                    org.sferum.sdk.messages.HistoryQuery.newestFirst(10)).items();
            assertEquals(List.of("Прочитать параграф 12"), seen.stream().map(Message::text).toList());
            assertTrue(listed(session).contains(chat));
            assertFalse(session.contacts().list(PageRequest.first()).items().isEmpty());
            assertEquals(school.teacher().id(), session.me().id());
        }
    }
}
