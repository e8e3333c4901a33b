package org.sferum.sdk.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * What every demo user sees, read straight from the engine: their chat lists (with last messages and unread
 * counts) and each chat's full history. Two snapshots are equal when a request changed nothing visible.
 */
record StateSnapshot(Map<UserId, List<ChatSummary>> lists, Map<UserId, List<Object>> histories) {
    static StateSnapshot of(SferumEmulator emulator) {
        PlatformEngine engine = emulator.engine();
        DemoSchool school = emulator.demoSchool().orElseThrow();
        Map<UserId, List<ChatSummary>> lists = new LinkedHashMap<>();
        Map<UserId, List<Object>> histories = new LinkedHashMap<>();
        for (SeededUser user : school.everyone()) {
            List<ChatSummary> summaries = new ArrayList<>(engine.chats().conversations(user.id(), ChatFilter.ALL));
            summaries.addAll(engine.chats().conversations(user.id(), ChatFilter.ARCHIVED));
            lists.put(user.id(), summaries);
            List<Object> history = new ArrayList<>();
            for (ChatSummary summary : summaries) {
                history.add(engine.messages().history(user.id(), summary.id(), HistoryOrder.OLDEST_FIRST, Optional.empty(), 0,
                        200).items());
            }
            histories.put(user.id(), history);
        }
        return new StateSnapshot(lists, histories);
    }
}
