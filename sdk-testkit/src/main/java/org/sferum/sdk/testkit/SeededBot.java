package org.sferum.sdk.testkit;

import java.util.Objects;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * A bot created by a seed (F-EMB-08): an engine user with {@code is_bot}, and its bot token for the MAX Bot API
 * (the emulator's MAX face, sdk-core's {@code Endpoints.max(…)}). A bot is in no chat until a chat's admin adds it;
 * made an admin, it reads all messages ({@code read_all_messages}).
 *
 * @param id the bot's user id
 * @param name the bot's name
 * @param token the bot token (never expires)
 */
public record SeededBot(UserId id, String name, AccessToken token) {
    /** The name of the demo school's bot. */
    public static final String DEMO_NAME = "Бот школы";

    /**
     * Validates the fields.
     *
     * @param id the bot's user id
     * @param name the bot's name
     * @param token the bot token
     */
    public SeededBot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Creates a bot on an engine and issues its token.
     *
     * @param engine the engine
     * @param name the bot's name
     * @return the bot
     */
    public static SeededBot seed(PlatformEngine engine, String name) {
        UserId id = engine.users().createBot(name);
        return new SeededBot(id, name, AccessToken.of(engine.users().issueBotToken(id)));
    }

    @Override
    public String toString() {
        return "SeededBot[" + id.value() + " " + name + ", token redacted]";
    }
}
