package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.UserId;

/**
 * VK's {@code messages.search} with {@code q} alone: the messages of every chat the caller is a member of (group
 * chats and one-to-one chats) that match, newest first (by message id, which grows across the platform), with the
 * same matching ({@link MessageSearch}) and page rules as the search in one chat (F-CHAT-09). Chats the caller has
 * left or never joined are not searched; what the caller does not see (deleted, expired, before a cleared history)
 * is not found. Called under the engine's exclusive lock.
 */
final class AllChatsSearch {
    private AllChatsSearch() {
    }

    /**
     * Searches.
     *
     * @param actor the reader
     * @param chats the engine's chats by peer id
     * @param search the query
     * @param offset matches to skip
     * @param count matches to return
     * @param now the engine's time
     * @param view how the reader sees a message
     * @return the window; {@code total} counts every match
     */
    static HistoryWindow search(UserId actor, Map<Long, ChatState> chats, MessageSearch search, int offset, int count,
                                Instant now, BiFunction<StoredMessage, UserId, Message> view) {
        List<StoredMessage> matches = new ArrayList<>();
        for (ChatState chat : chats.values()) {
            if (!chat.isMember(actor)) {
                continue;
            }
            for (StoredMessage message : chat.messages) {
                if (chat.sees(actor, message, now) && search.matches(message.text)) {
                    matches.add(message);
                }
            }
        }
        matches.sort(Comparator.comparingLong((StoredMessage m) -> m.id).reversed());
        int from = Math.min(offset, matches.size());
        int to = Math.min(matches.size(), from + count);
        List<Message> page = new ArrayList<>(to - from);
        for (StoredMessage message : matches.subList(from, to)) {
            page.add(view.apply(message, actor));
        }
        return new HistoryWindow(page, matches.size(), to < matches.size());
    }
}
