package org.sferum.sdk.testkit.engine;

import java.util.List;
import org.sferum.sdk.messages.Message;

/**
 * A window of a chat's history.
 *
 * @param items the messages, in the order asked for
 * @param total how many messages the chat has for the reader
 * @param moreAfter whether more messages follow the window in the order asked for
 */
public record HistoryWindow(List<Message> items, int total, boolean moreAfter) {
    /**
     * Copies the items.
     *
     * @param items the messages, in the order asked for
     * @param total how many messages the chat has for the reader
     * @param moreAfter whether more messages follow the window in the order asked for
     */
    public HistoryWindow {
        items = List.copyOf(items);
    }
}
