package org.sferum.sdk.testkit.assertj;

import static org.sferum.sdk.testkit.assertj.SferumAssertions.assertThat;
import static org.sferum.sdk.testkit.assertj.SferumAssertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.Lesson;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.fake.FakeSferum;

/** The testkit's AssertJ assertions (issue 14): they pass on what the fake holds, and fail saying what it holds. */
class SferumAssertionsTest {
    private final FakeSferum fake = FakeSferum.withDemoSchool();
    private final DemoSchool school = fake.demoSchool().orElseThrow();
    private final SeededUser teacher = school.teacher();
    private final SeededUser ivan = school.students().get(0);
    private final SeededUser maria = school.students().get(1);
    private final SferumSession session = fake.sessionOf(teacher);
    private final ChatId chat = session.chats().create(NewChat.of("5в Математика", Set.of(ivan.person().id())));

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    @DisplayName("F-MSG-01 a message: who wrote it, its text, its chat")
    void message() {
        Message sent = session.messages().send(chat, Draft.text("Домашнее задание: №15, №16"));
        assertThat(sent).isFrom(teacher).isFrom(teacher.person()).isFrom(teacher.person().id())
                .hasText("Домашнее задание: №15, №16").hasTextContaining("№15").isInChat(chat);

        assertThatThrownBy(() -> assertThat(sent).isFrom(ivan))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the message to be from " + ivan.person().displayName())
                .hasMessageContaining("but it is from user " + teacher.person().id().value())
                .hasMessageContaining("«Домашнее задание: №15, №16»");
        assertThatThrownBy(() -> assertThat(sent).hasText("Домашнее задание: №15"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be «Домашнее задание: №15», but it is «Домашнее задание: №15, №16»");
    }

    @Test
    @DisplayName("F-CHAT-01 a chat the fake holds: title, owner, members; failures list the members by name")
    void chat() {
        assertThat(fake).chat(chat).hasTitle("5в Математика").isOwnedBy(teacher).hasMembers(teacher, ivan)
                .hasExactlyMembers(ivan, teacher).doesNotHaveMember(maria);
        assertThat(fake).chatTitled("5в Математика").hasMembers(ivan.person().id());

        assertThatThrownBy(() -> assertThat(fake).chat(chat).hasMembers(ivan, maria))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but " + maria.person().displayName() + " (id " + maria.person().id().value()
                        + ") is not")
                .hasMessageContaining("«5в Математика», owner " + teacher.person().displayName())
                .hasMessageContaining("2 members: " + teacher.person().displayName());
        assertThatThrownBy(() -> assertThat(fake).chat(chat).hasExactlyMembers(teacher))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ivan.person().displayName());
        assertThatThrownBy(() -> assertThat(fake).chat(chat).doesNotHaveMember(ivan))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but they are");
    }

    @Test
    @DisplayName("F-CHAT-01 a chat the fake does not hold: the failure lists the chats it holds")
    void missingChat() {
        ChatId other = ChatId.of(chat.peerId() + 41);
        assertThatThrownBy(() -> assertThat(fake).chat(other))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the fake to hold chat " + other.peerId())
                .hasMessageContaining("it holds 1 group chats: " + chat.peerId() + " «5в Математика» (2 members)");
        assertThatThrownBy(() -> assertThat(fake).chatTitled("5в Физика"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("«5в Математика»");
        assertThatThrownBy(() -> assertThat(FakeSferum.builder().build()).chat(chat))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it holds no group chat");
    }

    @Test
    @DisplayName("F-CALL-02 a call: scheduled, then running; failures show its state and times")
    void call() {
        Instant inTenMinutes = fake.engine().clock().instant().plus(Duration.ofMinutes(10));
        Call lesson = session.calls().createLessonCall(
                new Lesson("lesson-42", "5в", "Математика", inTenMinutes), chat);
        assertThat(lesson).isScheduled().isOrganisedBy(teacher);
        assertThatThrownBy(() -> assertThat(lesson).isRunning())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the call to be RUNNING, but it is SCHEDULED")
                .hasMessageContaining("starts " + lesson.startsAt());

        Call now = session.calls().startInChat(chat, true);
        assertThat(now).isRunning();
        session.calls().endForAll(now.id());
        assertThat(session.calls().get(now.id())).isEnded();
        assertThatThrownBy(() -> assertThat(now).isOrganisedBy(ivan))
                .isInstanceOf(AssertionError.class).hasMessageContaining("organised by user "
                        + teacher.person().id().value());
    }
}
