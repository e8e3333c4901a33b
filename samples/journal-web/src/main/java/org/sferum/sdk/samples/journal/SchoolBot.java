package org.sferum.sdk.samples.journal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.core.max.MaxLinkButtons;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.testkit.SeededBot;
import org.sferum.sdk.users.UserId;

/**
 * The school's MAX bot in the journal (F-EMB-08, docs/max.md): a setting, on by default in the demo, lets the
 * journal post a lesson's homework and its link into the class chat through the bot, on the MAX Bot API (here the
 * emulator's MAX face and its demo bot, {@link SferumEmulator#demoBot()}). The bot is a member and an admin of the
 * class chat ({@code read_all_messages}); its token stays in this object and is never shown.
 */
final class SchoolBot implements AutoCloseable {
    private final SeededBot bot;
    private final SferumClient max;
    private final MaxLinkButtons buttons;
    private final AtomicBoolean enabled = new AtomicBoolean(true);

    SchoolBot(SferumEmulator emulator) {
        this.bot = emulator.demoBot().orElseThrow(() -> new IllegalStateException("the demo seed has no bot"));
        this.max = SferumClient.builder().endpoints(Endpoints.max(emulator.maxUri().orElseThrow(), bot.token()))
                .discoverPlugins(false).build();
        this.buttons = max.maxLinkButtons(bot.token());
    }

    /** The bot's user, to add to the class chat. */
    UserId id() {
        return bot.id();
    }

    /** The bot's name, as people see it in the chat. */
    String name() {
        return bot.name();
    }

    /** Whether the journal posts into the class chat through the bot (the setting). */
    boolean enabled() {
        return enabled.get();
    }

    /** Turns the setting on or off. */
    void setEnabled(boolean on) {
        enabled.set(on);
    }

    /**
     * Posts a lesson's homework into the class chat, when the setting is on.
     *
     * @param chat the class chat
     * @param lesson the lesson
     * @param homework the homework's text
     * @return the bot's message; empty when the setting is off
     */
    Optional<Message> postHomework(ChatId chat, SchoolLesson lesson, String homework) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(max.session(bot.token()).messages().send(chat, Draft.text("Домашнее задание по уроку «"
                + lesson.subject() + "» (" + JournalHtml.time(lesson.startsAt()) + "): " + homework.strip())));
    }

    /**
     * Posts a lesson's link into the class chat with a «Подключиться» button, when the setting is on.
     *
     * @param chat the class chat
     * @param lesson the lesson
     * @param link where a pupil joins it: the journal's diary
     * @return the bot's message; empty when the setting is off
     */
    Optional<Message> postLessonLink(ChatId chat, SchoolLesson lesson, URI link) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(buttons.send(chat, Draft.text("Онлайн-урок «" + lesson.subject() + "» начинается в "
                + JournalHtml.time(lesson.startsAt()) + "."), List.of(List.of(
                new MaxLinkButtons.LinkButton("Подключиться", link)))));
    }

    @Override
    public void close() {
        max.close();
    }
}
