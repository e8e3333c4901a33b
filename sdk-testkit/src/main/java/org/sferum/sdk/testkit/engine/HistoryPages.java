package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.UserId;

/**
 * Reads a window of a chat's history (F-MSG-01, VK's {@code messages.getHistory}) in time proportional to the window,
 * not to the chat: the anchor is found by binary search (messages are stored in id order), the offset and the window
 * are walked from there, skipping what the reader does not see ({@link ChatState#sees}). Only the total needs the
 * whole chat, and it is counted without copying, and without looking at the messages at all while no message of the
 * chat can be hidden ({@link ChatState#hideable}). Called with the chat's monitor or the engine's exclusive lock held.
 */
final class HistoryPages {
    private HistoryPages() {
    }

    /**
     * The window: in the chosen order, start at the anchor (or the first message), skip {@code offset} visible
     * messages (negative: step back, at most to the first), take {@code count}.
     */
    static HistoryWindow window(ChatState chat, UserId reader, Instant now, boolean newestFirst,
                                Optional<Long> anchor, int offset, int count, Function<StoredMessage, Message> view) {
        List<StoredMessage> messages = chat.messages;
        int n = messages.size();
        int step = newestFirst ? -1 : 1;
        // the first candidate in the walking order
        int cursor;
        if (anchor.isEmpty()) {
            cursor = newestFirst ? n - 1 : 0;
        } else {
            int firstAtOrAfter = firstWithIdAtLeast(messages, anchor.get());
            // newest first starts at the last message with id <= anchor
            cursor = newestFirst ? (firstAtOrAfter < n && messages.get(firstAtOrAfter).id == anchor.get()
                    ? firstAtOrAfter : firstAtOrAfter - 1) : firstAtOrAfter;
        }
        if (offset > 0) {
            for (int skipped = 0; skipped < offset && inside(cursor, n); cursor += step) {
                if (chat.sees(reader, messages.get(cursor), now)) {
                    skipped++;
                }
            }
        } else if (offset < 0) {
            int back = cursor - step;
            int found = 0;
            int position = cursor;
            for (; found < -offset && inside(back, n); back -= step) {
                if (chat.sees(reader, messages.get(back), now)) {
                    found++;
                    position = back;
                }
            }
            cursor = found < -offset ? (newestFirst ? n - 1 : 0) : position;
        }
        List<Message> items = new ArrayList<>(Math.min(count, 64));
        for (; items.size() < count && inside(cursor, n); cursor += step) {
            StoredMessage message = messages.get(cursor);
            if (chat.sees(reader, message, now)) {
                items.add(view.apply(message));
            }
        }
        boolean more = false;
        for (; inside(cursor, n); cursor += step) {
            if (chat.sees(reader, messages.get(cursor), now)) {
                more = true;
                break;
            }
        }
        return new HistoryWindow(items, visibleCount(chat, reader, now), more);
    }

    /** How many messages of the chat the reader sees. */
    static int visibleCount(ChatState chat, UserId reader, Instant now) {
        List<StoredMessage> messages = chat.messages;
        // cmids count 1, 2, 3… in list order: a history cleared up to cmid c hides the first c messages
        int from = (int) Math.min(messages.size(), ChatActions.peek(chat, reader).clearedUpTo);
        if (chat.hideable == 0) {
            return messages.size() - from;
        }
        int visible = 0;
        for (int i = from; i < messages.size(); i++) {
            if (messages.get(i).visibleTo(reader, now)) {
                visible++;
            }
        }
        return visible;
    }

    private static boolean inside(int index, int n) {
        return index >= 0 && index < n;
    }

    private static int firstWithIdAtLeast(List<StoredMessage> messages, long id) {
        int low = 0;
        int high = messages.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (messages.get(mid).id < id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
