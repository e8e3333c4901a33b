package org.sferum.sdk.testkit.fake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's chats: the engine's chat operations as the acting user. */
final class FakeChats implements Chats {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeChats(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public ChatId create(NewChat chat) {
        return engine.chats().createChat(actor.get(), Checks.notNull(chat, "new chat"));
    }

    @Override
    public Page<ChatSummary> list(ChatFilter filter, PageRequest page) {
        Checks.notNull(filter, "filter");
        Checks.notNull(page, "page request");
        List<ChatSummary> all = engine.chats().conversations(actor.get(), filter);
        int from = (int) Math.min(all.size(), page.cursor().map(c -> Cursors.decode("o", c)).orElse(0L));
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to),
                to < all.size() ? Optional.of(Cursors.encode("o", to)) : Optional.empty(),
                OptionalLong.of(all.size()));
    }

    @Override
    public Chat get(ChatId chat) {
        return engine.chats().chat(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void rename(ChatId chat, String title) {
        engine.chats().renameChat(actor.get(), Checks.notNull(chat, "chat"), NewChat.validTitle(title));
    }

    @Override
    public void updateSettings(ChatId chat, ChatSettings settings) {
        engine.chats().updateChatSettings(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(settings, "settings"));
    }

    @Override
    public void addMember(ChatId chat, UserId user) {
        engine.chats().addChatMember(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(user, "user"));
    }

    @Override
    public void removeMember(ChatId chat, UserId user) {
        engine.chats().removeChatMember(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(user, "user"));
    }

    @Override
    public void setAdmin(ChatId chat, UserId user, boolean admin) {
        engine.chats().setChatAdmin(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(user, "user"), admin);
    }

    @Override
    public InviteLink inviteLink(ChatId chat, boolean reset) {
        return engine.chats().inviteLink(actor.get(), Checks.notNull(chat, "chat"), reset);
    }

    @Override
    public ChatId join(InviteLink link) {
        return engine.chats().joinChatByLink(actor.get(), Checks.notNull(link, "invite link"));
    }

    @Override
    public void pin(ChatId chat) {
        engine.chats().pinChat(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void unpin(ChatId chat) {
        engine.chats().unpinChat(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void setArchived(ChatId chat, boolean archived) {
        engine.chats().setArchived(actor.get(), Checks.notNull(chat, "chat"), archived);
    }

    @Override
    public void markUnread(ChatId chat) {
        engine.chats().markUnread(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void mute(ChatId chat, Optional<Instant> until) {
        engine.chats().mute(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(until, "until"));
    }

    @Override
    public void unmute(ChatId chat) {
        engine.chats().unmute(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void clearHistory(ChatId chat) {
        engine.chats().clearHistory(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void leave(ChatId chat) {
        engine.chats().leaveChat(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void setPhoto(ChatId chat, String fileName, java.io.InputStream content) {
        Checks.notNull(chat, "chat");
        engine.chats().setChatPhoto(actor.get(), chat, org.sferum.sdk.chats.ChatPhoto.read(fileName, content));
    }

    @Override
    public void removePhoto(ChatId chat) {
        engine.chats().removeChatPhoto(actor.get(), Checks.notNull(chat, "chat"));
    }

    @Override
    public void setAppearance(ChatId chat, org.sferum.sdk.chats.ChatAppearance appearance) {
        engine.chats().setChatAppearance(actor.get(), Checks.notNull(chat, "chat"), Checks.notNull(appearance, "appearance"));
    }
}
