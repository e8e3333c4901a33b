package org.sferum.sdk.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.engine.HistoryWindow;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The fault suite's workload and its checks (issue 12): sends {@code messages} messages through a faulty path, with
 * edits, deletes for everyone, chat creations and renames in between (chosen by the seed), records what the caller
 * saw of each call (success, a plain failure, or {@link OutcomeUnknownException}), then checks from the platform's
 * side, in the engine, that nothing was lost, nothing doubled, and every call the caller saw fail had no effect.
 * Finally each send whose outcome was unknown is repeated with the random id the exception named, through a clean
 * path, and must leave exactly one message.
 */
final class FaultScenario {
    /** What the caller saw of one call. */
    enum Seen { SUCCESS, FAILED, UNKNOWN }

    private final SferumSession faulty;
    private final SferumSession clean;
    private final PlatformEngine engine;
    private final UserId teacher;
    private final UserId student;
    private final Random random;

    private final Map<Integer, Seen> sends = new LinkedHashMap<>();
    private final Map<Integer, Message> sent = new HashMap<>();
    private final Map<Integer, OutcomeUnknownException> unknownSends = new HashMap<>();
    private final Map<Integer, Seen> edits = new HashMap<>();
    private final Map<Integer, Seen> deletes = new HashMap<>();
    private final Map<Integer, Seen> creates = new LinkedHashMap<>();
    private final Map<Integer, ChatId> created = new HashMap<>();
    private final Map<Integer, Seen> renames = new HashMap<>();
    private final Map<Seen, Integer> tally = new java.util.EnumMap<>(Seen.class);
    private ChatId chat;

    FaultScenario(SferumSession faulty, SferumSession clean, PlatformEngine engine, UserId teacher, UserId student,
                  long seed) {
        this.faulty = faulty;
        this.clean = clean;
        this.engine = engine;
        this.teacher = teacher;
        this.student = student;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /**
     * Runs the workload.
     *
     * @param messages how many messages to send
     */
    void run(int messages) {
        chat = engine.chats().createChat(teacher, NewChat.of("Сбои", Set.of(student)));
        for (int i = 0; i < messages; i++) {
            send(i);
            double roll = random.nextDouble();
            if (roll < 0.20) {
                pick(sends.size(), k -> sends.get(k) == Seen.SUCCESS && !edits.containsKey(k)
                        && !deletes.containsKey(k)).ifPresent(this::edit);
            } else if (roll < 0.35) {
                pick(sends.size(), k -> sends.get(k) == Seen.SUCCESS && !edits.containsKey(k)
                        && !deletes.containsKey(k)).ifPresent(this::delete);
            } else if (roll < 0.40) {
                create(creates.size());
            } else if (roll < 0.45) {
                pick(creates.size(), k -> creates.get(k) == Seen.SUCCESS && !renames.containsKey(k))
                        .ifPresent(this::rename);
            }
        }
    }

    private Optional<Integer> pick(int bound, java.util.function.IntPredicate eligible) {
        for (int tries = 0; tries < 8 && bound > 0; tries++) {
            int k = random.nextInt(bound);
            if (eligible.test(k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static String text(int i) {
        return String.format("m%05d", i);
    }

    private static String title(int k) {
        return String.format("c%04d", k);
    }

    private void send(int i) {
        try {
            Message message = faulty.messages().send(chat, Draft.text(text(i)));
            assertEquals(text(i), message.text(), "the returned message holds what was sent");
            assertEquals(teacher, message.author(), "the session's user is the author");
            assertEquals(chat, message.chat());
            sent.put(i, message);
            record(sends, i, Seen.SUCCESS);
        } catch (OutcomeUnknownException e) {
            OutcomeUnknownException.Subject subject = e.subject();
            assertEquals(Optional.of(chat), subject.chat(), "the exception names the chat");
            assertTrue(subject.randomId().isPresent(), "the exception names the random id: " + e.getMessage());
            assertTrue(!e.getMessage().contains(text(i)), "the exception does not quote the text");
            unknownSends.put(i, e);
            record(sends, i, Seen.UNKNOWN);
        } catch (SferumException e) {
            record(sends, i, Seen.FAILED);
        }
    }

    private void edit(int i) {
        record(edits, i, outcome(() -> faulty.messages().edit(chat, sent.get(i).id(), text(i) + "/e")));
    }

    private void delete(int i) {
        record(deletes, i, outcome(() -> faulty.messages().delete(chat, List.of(sent.get(i).id()), true)));
    }

    private void create(int k) {
        try {
            created.put(k, faulty.chats().create(NewChat.of(title(k), Set.of(student))));
            record(creates, k, Seen.SUCCESS);
        } catch (OutcomeUnknownException e) {
            record(creates, k, Seen.UNKNOWN);
        } catch (SferumException e) {
            record(creates, k, Seen.FAILED);
        }
    }

    private void rename(int k) {
        record(renames, k, outcome(() -> faulty.chats().rename(created.get(k), title(k) + "/r")));
    }

    private static Seen outcome(Runnable call) {
        try {
            call.run();
            return Seen.SUCCESS;
        } catch (OutcomeUnknownException e) {
            return Seen.UNKNOWN;
        } catch (SferumException e) {
            return Seen.FAILED;
        }
    }

    private void record(Map<Integer, Seen> into, int key, Seen seen) {
        into.put(key, seen);
        tally.merge(seen, 1, Integer::sum);
    }

    /** Checks the platform's state against what the caller saw; then settles the unknown sends and checks again. */
    void verify() {
        Map<String, List<Message>> byBase = messagesByBase();
        for (Map.Entry<Integer, Seen> entry : sends.entrySet()) {
            int i = entry.getKey();
            List<Message> found = byBase.getOrDefault(text(i), List.of());
            assertTrue(found.size() <= 1, () -> text(i) + " stored " + found.size() + " times");
            Seen delete = deletes.get(i);
            switch (entry.getValue()) {
                case SUCCESS:
                    if (delete == Seen.SUCCESS) {
                        assertEquals(0, found.size(), () -> text(i) + " was deleted but is still there");
                    } else if (delete == Seen.FAILED || delete == null) {
                        assertEquals(1, found.size(), () -> text(i) + " was sent but is lost");
                        Message stored = found.get(0);
                        assertEquals(sent.get(i).id(), stored.id(), "the id send() returned is the stored one");
                        assertEquals(sent.get(i).conversationMessageId(), stored.conversationMessageId());
                        assertEquals(sent.get(i).sentAt(), stored.sentAt());
                        Seen edit = edits.get(i);
                        if (edit == Seen.SUCCESS) {
                            assertEquals(text(i) + "/e", stored.text(), "a successful edit was applied");
                        } else if (edit == Seen.FAILED) {
                            assertEquals(text(i), stored.text(), () -> "an edit of " + text(i)
                                    + " reported as failed took effect");
                        }
                    }
                    break;
                case FAILED:
                    assertEquals(0, found.size(), () -> "a send of " + text(i) + " reported as failed stored it");
                    break;
                default:
                    break;
            }
        }
        for (Map.Entry<String, List<Message>> entry : byBase.entrySet()) {
            assertTrue(entry.getKey().matches("m\\d{5}") && sends.containsKey(Integer.parseInt(entry.getKey()
                    .substring(1))), () -> "an unexpected message is stored: " + entry.getKey());
        }
        verifyChats();
        settleUnknownSends();
    }

    private void verifyChats() {
        Map<String, List<ChatId>> byTitle = new HashMap<>();
        for (ChatId id : engine.chats().chatsOf(teacher)) {
            String title = engine.chats().chat(teacher, id).title();
            byTitle.computeIfAbsent(title.endsWith("/r") ? title.substring(0, title.length() - 2) : title,
                    t -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<Integer, Seen> entry : creates.entrySet()) {
            int k = entry.getKey();
            List<ChatId> found = byTitle.getOrDefault(title(k), List.of());
            assertTrue(found.size() <= 1, () -> title(k) + " was created " + found.size() + " times");
            if (entry.getValue() == Seen.FAILED) {
                assertEquals(0, found.size(), () -> "a creation of " + title(k) + " reported as failed took effect");
            } else if (entry.getValue() == Seen.SUCCESS) {
                assertEquals(List.of(created.get(k)), found, () -> title(k) + " was created but is lost");
                String now = engine.chats().chat(teacher, found.get(0)).title();
                Seen rename = renames.get(k);
                if (rename == Seen.SUCCESS) {
                    assertEquals(title(k) + "/r", now);
                } else if (rename == Seen.FAILED) {
                    assertEquals(title(k), now, () -> "a rename of " + title(k) + " reported as failed took effect");
                }
            }
        }
    }

    /** Repeats each send whose outcome was unknown with the random id it named: exactly one message must remain. */
    private void settleUnknownSends() {
        for (Map.Entry<Integer, OutcomeUnknownException> entry : unknownSends.entrySet()) {
            int i = entry.getKey();
            int randomId = entry.getValue().subject().randomId().getAsInt();
            Message again = clean.messages().send(chat, Draft.text(text(i)).withRandomId(randomId));
            List<Message> found = messagesByBase().getOrDefault(text(i), List.of());
            assertEquals(1, found.size(), () -> text(i) + " after settling with its random id");
            assertEquals(again.id(), found.get(0).id());
        }
    }

    private Map<String, List<Message>> messagesByBase() {
        Map<String, List<Message>> out = new HashMap<>();
        Optional<MessageId> anchor = Optional.empty();
        while (true) {
            HistoryWindow window = engine.messages().history(teacher, chat, HistoryOrder.OLDEST_FIRST, anchor,
                    anchor.isPresent() ? 1 : 0, 200);
            for (Message message : window.items()) {
                String text = message.text();
                String base = text.endsWith("/e") ? text.substring(0, text.length() - 2) : text;
                out.computeIfAbsent(base, b -> new ArrayList<>()).add(message);
            }
            if (window.items().size() < 200) {
                return out;
            }
            anchor = Optional.of(window.items().get(window.items().size() - 1).id());
        }
    }

    /**
     * Says how the calls went.
     *
     * @return counts by what the caller saw
     */
    String summary() {
        return "sends " + sends.size() + ", edits " + edits.size() + ", deletes " + deletes.size() + ", creates "
                + creates.size() + ", renames " + renames.size() + "; seen " + tally;
    }

    /**
     * Tells how many calls the caller saw end one way.
     *
     * @param seen the way
     * @return how many
     */
    int count(Seen seen) {
        return tally.getOrDefault(seen, 0);
    }

    /** Fails when the workload did nothing (a check that cannot fail is a defect). */
    void requireWork() {
        if (sends.isEmpty()) {
            fail("no message was sent");
        }
    }
}
