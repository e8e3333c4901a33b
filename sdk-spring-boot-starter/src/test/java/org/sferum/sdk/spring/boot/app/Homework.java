package org.sferum.sdk.spring.boot.app;

import java.util.Set;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;
import org.springframework.stereotype.Service;

/** The application's code: it depends on {@link Sferum}, so a test can give it the fake. */
@Service
public class Homework {
    private final Sferum sferum;

    /**
     * Made by Spring.
     *
     * @param sferum the client or the fake
     */
    public Homework(Sferum sferum) {
        this.sferum = sferum;
    }

    /**
     * Opens a class chat and posts the homework in it.
     *
     * @param teacher the teacher's token
     * @param students the students
     * @param text the homework
     * @return the chat
     */
    public ChatId post(AccessToken teacher, Set<UserId> students, String text) {
        var session = sferum.session(teacher);
        ChatId chat = session.chats().create(NewChat.of("5в Домашние задания", students));
        session.messages().send(chat, Draft.text(text));
        return chat;
    }
}
