package org.sferum.sdk.testkit.assertj;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.engine.PlatformEngine;

/** Assertions on what a platform (the fake's or an emulator's engine) holds; failures list what it holds. */
public final class PlatformAssert extends AbstractAssert<PlatformAssert, PlatformEngine> {
    private final String name;

    PlatformAssert(PlatformEngine actual, String name) {
        super(actual, PlatformAssert.class);
        this.name = name;
    }

    /**
     * Checks that the platform holds this group chat, and goes on with assertions on it.
     *
     * @param id the chat
     * @return the chat's assertions
     */
    public ChatAssert chat(ChatId id) {
        isNotNull();
        Optional<Chat> chat = actual.chats().inspect(id);
        if (chat.isEmpty()) {
            failWithMessage("Expected %s to hold chat %s, but it holds %s", name, id.peerId(), chats());
        }
        return new ChatAssert(chat.get(), actual);
    }

    /**
     * Checks that the platform holds exactly one group chat with this title, and goes on with assertions on it.
     *
     * @param title the chat's title
     * @return the chat's assertions
     */
    public ChatAssert chatTitled(String title) {
        isNotNull();
        List<Chat> found = actual.chats().groupChats().stream()
                .map(id -> actual.chats().inspect(id).orElseThrow())
                .filter(chat -> chat.title().equals(title)).toList();
        if (found.size() != 1) {
            failWithMessage("Expected %s to hold one chat titled «%s», but it holds %s", name, title, chats());
        }
        return new ChatAssert(found.get(0), actual);
    }

    private String chats() {
        List<ChatId> ids = actual.chats().groupChats();
        if (ids.isEmpty()) {
            return "no group chat";
        }
        return ids.size() + " group chats: " + ids.stream()
                .map(id -> actual.chats().inspect(id).orElseThrow())
                .map(chat -> chat.id().peerId() + " «" + chat.title() + "» (" + chat.members().size() + " members)")
                .collect(Collectors.joining(", "));
    }
}
