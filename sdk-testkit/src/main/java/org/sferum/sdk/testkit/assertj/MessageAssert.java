package org.sferum.sdk.testkit.assertj;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Message;

/** Assertions on a message; failures show the message as it is. */
public final class MessageAssert extends AbstractAssert<MessageAssert, Message> {
    MessageAssert(Message actual) {
        super(actual, MessageAssert.class);
    }

    /**
     * Checks who wrote the message.
     *
     * @param author a {@link org.sferum.sdk.testkit.SeededUser}, a {@link org.sferum.sdk.users.Person} or a
     *     {@link org.sferum.sdk.users.UserId}
     * @return this
     */
    public MessageAssert isFrom(Object author) {
        isNotNull();
        if (!actual.author().equals(Users.id(author))) {
            failWithMessage("Expected the message to be from %s, but it is from user %s: %s", Users.describe(author),
                    actual.author().value(), show());
        }
        return this;
    }

    /**
     * Checks the message's text.
     *
     * @param text the whole text
     * @return this
     */
    public MessageAssert hasText(String text) {
        isNotNull();
        if (!Objects.equals(actual.text(), text)) {
            failWithMessage("Expected the message's text to be «%s», but it is «%s»: %s", text, actual.text(), show());
        }
        return this;
    }

    /**
     * Checks that the message's text contains a part.
     *
     * @param part the part
     * @return this
     */
    public MessageAssert hasTextContaining(String part) {
        isNotNull();
        if (actual.text() == null || !actual.text().contains(part)) {
            failWithMessage("Expected the message's text to contain «%s», but it is «%s»: %s", part, actual.text(),
                    show());
        }
        return this;
    }

    /**
     * Checks the chat the message is in.
     *
     * @param chat the chat
     * @return this
     */
    public MessageAssert isInChat(ChatId chat) {
        isNotNull();
        if (!actual.chat().equals(chat)) {
            failWithMessage("Expected the message to be in chat %s, but it is in chat %s: %s", chat.peerId(),
                    actual.chat().peerId(), show());
        }
        return this;
    }

    private String show() {
        return "message " + actual.id() + " in chat " + actual.chat().peerId() + " from user "
                + actual.author().value() + " «" + actual.text() + "»";
    }
}
