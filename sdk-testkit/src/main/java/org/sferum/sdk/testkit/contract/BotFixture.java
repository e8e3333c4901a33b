package org.sferum.sdk.testkit.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.SeededBot;

/**
 * What {@link BotMessagingContract} runs on: the face people use (the demo school, with chat settings and admins)
 * and, over the same platform, the face a bot uses with its token (the fake, sdk-core over the VK API, or sdk-core
 * over the MAX Bot API).
 */
public interface BotFixture extends AutoCloseable {
    /**
     * Returns the people's face, with the demo school.
     *
     * @return the fixture people use
     */
    SferumFixture people();

    /**
     * Returns the face the bot uses; its sessions are opened with {@link #bot()}'s token.
     *
     * @return the bot's face
     */
    Sferum botFace();

    /**
     * Returns the bot: a platform user with {@code is_bot}, in no chat yet.
     *
     * @return the bot
     */
    SeededBot bot();

    /** Closes both faces. */
    @Override
    void close();
}
