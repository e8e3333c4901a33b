package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;

/**
 * A MAX bot's messages with link buttons under them (F-EMB-08): an {@code inline_keyboard} attachment of
 * {@code link} buttons, such as «Подключиться» to a lesson's call. MAX-specific: the SDK's {@link Draft} has no
 * buttons, since the other backends do not show them; obtained from {@code SferumClient.maxLinkButtons(botToken)}.
 * Needs {@link org.sferum.sdk.Capability#BOT_MESSAGING}.
 */
public final class MaxLinkButtons {
    /** The longest button text (the schema's {@code Button.text}). */
    public static final int MAX_TEXT = 128;
    /** The longest button address (the schema's {@code LinkButton.url}). */
    public static final int MAX_URL = 2048;

    private final MaxMessages messages;

    MaxLinkButtons(MaxMessages messages) {
        this.messages = messages;
    }

    /**
     * Creates the link buttons of a bot's session.
     *
     * @param session the bot's session on the MAX Bot API
     * @return its link buttons
     */
    public static MaxLinkButtons of(MaxSession session) {
        return new MaxLinkButtons(session.maxMessages());
    }

    /**
     * A button that opens an address.
     *
     * @param text what the button says, 1 to {@link #MAX_TEXT} characters
     * @param url the {@code http} or {@code https} address it opens, at most {@link #MAX_URL} characters
     */
    public record LinkButton(String text, URI url) {
        /**
         * Checks the button.
         *
         * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} for an empty or long text,
         *     or an address that is not http(s) or too long
         */
        public LinkButton {
            Checks.notNull(text, "button text");
            Checks.notNull(url, "button url");
            Checks.require(!text.isBlank() && text.length() <= MAX_TEXT, ErrorCode.INVALID_ARGUMENT,
                    "a button's text is 1 to " + MAX_TEXT + " characters");
            String scheme = Objects.requireNonNullElse(url.getScheme(), "");
            Checks.require((scheme.equals("https") || scheme.equals("http")) && url.toString().length() <= MAX_URL,
                    ErrorCode.INVALID_ARGUMENT, "a link button opens an http(s) address of at most " + MAX_URL
                            + " characters");
        }
    }

    /**
     * Posts a message with rows of link buttons under it ({@code POST /messages} with an {@code inline_keyboard}).
     *
     * @param chat the chat
     * @param draft the message: text, a reply or forward, attachments
     * @param rows the rows of buttons, at least one row, none empty
     * @return the message as sent
     * @throws org.sferum.sdk.error.ValidationException for no buttons or an empty row
     */
    public Message send(ChatId chat, Draft draft, List<List<LinkButton>> rows) {
        Checks.notNull(rows, "rows");
        Checks.require(!rows.isEmpty() && rows.stream().noneMatch(List::isEmpty), ErrorCode.INVALID_ARGUMENT,
                "a keyboard has at least one row, and no row is empty");
        ArrayNode buttons = org.sferum.sdk.core.wire.Json.MAPPER.createArrayNode();
        for (List<LinkButton> row : rows) {
            ArrayNode line = buttons.addArray();
            for (LinkButton button : row) {
                line.addObject().put("type", "link").put("text", button.text()).put("url", button.url().toString());
            }
        }
        return messages.send(chat, draft, buttons);
    }
}
