package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.users.UserId;

/**
 * What the calls' rules ({@link CallRules}) reach of the rest of the engine: the clock, chats, names, contacts,
 * a call's own chat and its posts, and the event sinks. Called under the exclusive lock.
 */
final class CallPlatform implements CallRules.Context {
    private final PlatformState state;
    /** Creates a call's own chat. */
    private final ChatService chatService;
    /** Posts in a call's chat. */
    private final MessageService messageService;

    CallPlatform(PlatformState state, ChatService chatService, MessageService messageService) {
        this.state = state;
        this.chatService = chatService;
        this.messageService = messageService;
    }

    @Override
    public Instant now() {
        return state.now();
    }

    @Override
    public String randomKey() {
        return Long.toUnsignedString(state.random.nextLong(), 36);
    }

    @Override
    public ChatId chatIdFor(long peerId, UserId viewer) {
        ChatState chat = state.chats.get(peerId);
        return chat == null ? ChatId.of(peerId) : DirectChats.idFor(chat, viewer);
    }

    @Override
    public boolean isChatMember(long peerId, UserId user) {
        ChatState chat = state.chats.get(peerId);
        return chat != null && chat.isMember(user);
    }

    @Override
    public List<UserId> chatMembers(long peerId) {
        ChatState chat = state.chats.get(peerId);
        return chat == null ? List.of() : new ArrayList<>(chat.members.keySet());
    }

    @Override
    public String name(UserId user) {
        return state.account(user).person().displayName();
    }

    @Override
    public boolean isContact(UserId a, UserId b) {
        return state.direct.isContact(a, b);
    }

    @Override
    public long createCallChat(UserId owner, String title) {
        String fitted = title.length() > NewChat.MAX_TITLE_LENGTH
                ? title.substring(0, NewChat.MAX_TITLE_LENGTH - 1) + "…" : title;
        return chatService.createChat(owner, new NewChat(fitted, Set.of(), ChatSettings.ownerOnly()))
                .peerId();
    }

    @Override
    public void addToCallChat(long peerId, UserId user) {
        ChatState chat = state.chats.get(peerId);
        if (chat != null && !chat.isMember(user)) {
            chat.addMember(user, MemberRole.MEMBER, chat.owner, state.now());
            state.chatEvents.memberJoined(chat, user);
        }
    }

    @Override
    public void post(long peerId, UserId author, String text) {
        ChatState chat = state.chats.get(peerId);
        if (chat != null) {
            messageService.send(author, chat.id, Draft.text(text));
        }
    }

    @Override
    public void emit(UserId to, SferumEvent event) {
        state.emit(to, event);
    }
}
