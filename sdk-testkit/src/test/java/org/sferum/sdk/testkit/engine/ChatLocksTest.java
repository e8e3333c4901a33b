package org.sferum.sdk.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * Message traffic of different chats runs under each chat's own lock (F-MSG-01, F-MSG-11): 64 threads sending into
 * 64 chats at once, while other threads create chats and add members (exclusive operations), lose no message and
 * give each chat unique ids in the order of its conversation message ids.
 */
class ChatLocksTest {
    private static final int CHATS = 64;
    private static final int PER_CHAT = 150;

    @Test
    @DisplayName("F-MSG-01, F-MSG-11 64 threads in 64 chats: no lost message, unique ids, ordered per chat, "
            + "unread counts exact, beside concurrent chat creation and membership changes")
    void sixtyFourChatsAtOnce() throws Exception {
        PlatformEngine engine = new PlatformEngine(TestClock.at(Instant.parse("2026-09-01T06:00:00Z")));
        List<UserId> writers = new ArrayList<>();
        List<UserId> readers = new ArrayList<>();
        List<ChatId> chats = new ArrayList<>();
        for (int c = 0; c < CHATS; c++) {
            UserId writer = engine.users().createUser("Писатель", "№" + c, Role.TEACHER);
            UserId reader = engine.users().createUser("Читатель", "№" + c, Role.STUDENT);
            writers.add(writer);
            readers.add(reader);
            chats.add(engine.chats().createChat(writer, NewChat.of("Чат " + c, Set.of(reader))));
        }
        UserId admin = engine.users().createUser("Админ", "Школы", Role.TEACHER);
        ExecutorService pool = Executors.newFixedThreadPool(CHATS + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<List<Message>>> jobs = new ArrayList<>();
            for (int c = 0; c < CHATS; c++) {
                int chat = c;
                jobs.add(() -> {
                    start.await();
                    List<Message> sent = new ArrayList<>(PER_CHAT);
                    for (int i = 0; i < PER_CHAT; i++) {
                        Draft draft = i % 3 == 0 ? Draft.text("#" + i).withRandomId(i + 1) : Draft.text("#" + i);
                        sent.add(engine.messages().send(writers.get(chat), chats.get(chat), draft));
                        if (i % 10 == 0) {
                            engine.messages().history(readers.get(chat), chats.get(chat), HistoryOrder.NEWEST_FIRST,
                                    Optional.empty(), 0, 20);
                        }
                    }
                    return sent;
                });
            }
            jobs.add(() -> {
                start.await();
                for (int i = 0; i < 40; i++) {
                    ChatId extra = engine.chats().createChat(admin, NewChat.of("Ещё " + i, Set.of()));
                    engine.chats().addChatMember(admin, extra, readers.get(i % CHATS));
                }
                return List.of();
            });
            List<Future<List<Message>>> futures = new ArrayList<>();
            for (Callable<List<Message>> job : jobs) {
                futures.add(pool.submit(job));
            }
            start.countDown();
            Set<MessageId> allIds = new HashSet<>();
            for (int c = 0; c < CHATS; c++) {
                List<Message> sent = futures.get(c).get(120, TimeUnit.SECONDS);
                assertEquals(PER_CHAT, sent.size());
                for (int i = 0; i < sent.size(); i++) {
                    assertEquals(i + 1, sent.get(i).conversationMessageId(), "cmids 1, 2, 3… in sending order");
                    assertTrue(i == 0 || sent.get(i).id().value() > sent.get(i - 1).id().value(),
                            "ids grow with the chat's order");
                    assertTrue(allIds.add(sent.get(i).id()), "an id is given once on the whole platform");
                }
            }
            futures.get(CHATS).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (int c = 0; c < CHATS; c++) {
            HistoryWindow all = engine.messages().history(readers.get(c), chats.get(c), HistoryOrder.OLDEST_FIRST,
                    Optional.empty(), 0, 200);
            assertEquals(PER_CHAT, all.total(), "no lost message in chat " + c);
            for (int i = 0; i < PER_CHAT; i++) {
                assertEquals("#" + i, all.items().get(i).text());
            }
            assertEquals(PER_CHAT, engine.messages().unreadCount(readers.get(c), chats.get(c)));
        }
        assertEquals(40, engine.chats().chatsOf(admin).size(), "every chat created meanwhile exists");
        assertEquals(List.of(chats.get(0), engine.chats().chatsOf(admin).get(0)), engine.chats().chatsOf(readers.get(0)),
                "membership added meanwhile holds");
    }
}
