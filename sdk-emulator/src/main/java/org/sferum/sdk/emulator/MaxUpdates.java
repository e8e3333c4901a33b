package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The MAX face's {@code GET /updates} (long polling): each bot's updates in order, numbered from 1. The engine
 * decides who hears what ({@code ChatEvents}: a bot hears a group chat's messages as its owner or an admin); this
 * class only queues the bot's engine events from its first authenticated request on, renders them as MAX updates
 * when polled, and keeps the marker: a request with {@code marker = m} commits (forgets) the updates before
 * {@code m} and answers those from {@code m} on; without a marker, those after the last commitment. With none
 * ready it waits up to {@code timeout} seconds for one. A queue keeps at most {@link #MAX_QUEUED} updates.
 * Events of one-to-one chats and read marks have no MAX update here and are passed over. The engine tells a new
 * and an edited message apart by the message's edit time: {@code message_created} or {@code message_edited}.
 */
final class MaxUpdates implements AutoCloseable {
    /** The most updates a bot's queue keeps; older ones are dropped, as MAX keeps updates for a limited time. */
    static final int MAX_QUEUED = 10_000;
    private final PlatformEngine engine;
    private final MaxJson json;
    private final Map<UserId, Queue> queues = new HashMap<>();
    private final List<Runnable> unsubscribes = new ArrayList<>();

    MaxUpdates(PlatformEngine engine, MaxJson json) {
        this.engine = engine;
        this.json = json;
    }

    /** Starts queueing a bot's events, once. */
    void watch(UserId bot) {
        queueOf(bot);
    }

    private Queue queueOf(UserId bot) {
        synchronized (queues) {
            Queue queue = queues.get(bot);
            if (queue == null) {
                Queue created = new Queue();
                queues.put(bot, created);
                unsubscribes.add(engine.subscribe(bot, event -> created.add(event, engine.clock().millis())));
                queue = created;
            }
            return queue;
        }
    }

    /**
     * Answers one poll.
     *
     * @param bot the bot
     * @param marker the marker, or empty
     * @param timeoutSeconds how long to wait for an update, 0 to 90
     * @param limit the most updates to answer, 1 to 1000
     * @param types the update types wanted; empty for all
     * @return {@code UpdateList}
     * @throws InterruptedException if the server stops meanwhile
     */
    ObjectNode poll(UserId bot, Optional<Long> marker, int timeoutSeconds, int limit, Set<String> types)
            throws InterruptedException {
        Queue queue = queueOf(bot);
        List<Queued> taken = new ArrayList<>();
        long next;
        synchronized (queue) {
            long from = marker.map(m -> Math.max(m, queue.committed)).orElse(queue.committed);
            if (marker.isPresent()) {
                queue.commit(from);
            }
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            while (queue.nextSeq() <= from && timeoutSeconds > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                queue.wait(Math.max(1, left / 1_000_000));
            }
            for (Queued queued : queue.entries) {
                if (queued.seq >= from && taken.size() < limit) {
                    taken.add(queued);
                }
            }
            next = taken.isEmpty() ? Math.max(from, queue.committed) : taken.get(taken.size() - 1).seq + 1;
        }
        ObjectNode answer = JsonNodes.object();
        var updates = answer.putArray("updates");
        for (Queued queued : taken) {
            render(bot, queued).filter(u -> types.isEmpty() || types.contains(u.path("update_type").asText()))
                    .ifPresent(updates::add);
        }
        answer.put("marker", next);
        return answer;
    }

    /** The first update not yet delivered to a webhook: its number and its JSON. */
    record Pending(long seq, ObjectNode update) {
    }

    /**
     * The bot's first uncommitted update of the wanted types, for webhook delivery; updates with no MAX form or of
     * other types are committed on the way.
     *
     * @param bot the bot
     * @param types the update types wanted; empty for all
     * @return the update, or empty when none is waiting
     */
    Optional<Pending> next(UserId bot, Set<String> types) {
        Queue queue = queueOf(bot);
        while (true) {
            Queued first;
            synchronized (queue) {
                first = queue.entries.isEmpty() ? null : queue.entries.get(0);
            }
            if (first == null) {
                return Optional.empty();
            }
            Optional<ObjectNode> update = render(bot, first)
                    .filter(u -> types.isEmpty() || types.contains(u.path("update_type").asText()));
            if (update.isPresent()) {
                return Optional.of(new Pending(first.seq, update.get()));
            }
            commit(bot, first.seq + 1);
        }
    }

    /**
     * Commits (forgets) a bot's updates before a number: delivered to its webhook, or given up.
     *
     * @param bot the bot
     * @param upTo the first number kept
     */
    void commit(UserId bot, long upTo) {
        Queue queue = queueOf(bot);
        synchronized (queue) {
            queue.commit(upTo);
        }
    }

    private Optional<ObjectNode> render(UserId bot, Queued queued) {
        SferumEvent event = queued.event;
        ObjectNode update = JsonNodes.object();
        try {
            if (event instanceof SferumEvent.MessageSent sent && sent.chat().isGroup()) {
                boolean edited = sent.message().editedAt().isPresent();
                update.put("update_type", edited ? "message_edited" : "message_created");
                update.set("message", json.message(sent.message(), bot));
                if (!edited) {
                    update.putNull("user_locale");
                }
            } else if (event instanceof SferumEvent.MessageDeleted deleted && deleted.chat().isGroup()) {
                update.put("update_type", "message_removed");
                update.put("message_id", MaxJson.mid(deleted.message()));
                update.put("chat_id", MaxJson.chatId(deleted.chat()));
                update.put("user_id", 0L);
            } else if (event instanceof SferumEvent.MemberJoined joined && joined.chat().isGroup()) {
                Optional<ChatMember> member = memberOf(bot, joined.chat(), joined.user());
                UserId inviter = member.map(ChatMember::invitedBy).orElse(joined.user());
                update.put("chat_id", MaxJson.chatId(joined.chat()));
                if (joined.user().equals(bot)) {
                    update.put("update_type", "bot_added");
                    update.set("user", json.user(inviter));
                } else {
                    update.put("update_type", "user_added");
                    update.set("user", json.user(joined.user()));
                    update.put("inviter_id", inviter.value());
                }
                update.put("is_channel", false);
            } else if (event instanceof SferumEvent.MemberLeft left && left.chat().isGroup()) {
                update.put("chat_id", MaxJson.chatId(left.chat()));
                if (left.user().equals(bot)) {
                    update.put("update_type", "bot_removed");
                    update.set("user", json.user(bot));
                } else {
                    update.put("update_type", "user_removed");
                    update.set("user", json.user(left.user()));
                }
                update.put("is_channel", false);
            } else {
                return Optional.empty();
            }
        } catch (SferumException e) {
            return Optional.empty(); // gone meanwhile (a user, a chat the bot left): nothing to tell
        }
        update.put("timestamp", queued.at);
        return Optional.of(update);
    }

    private Optional<ChatMember> memberOf(UserId bot, ChatId chat, UserId user) {
        try {
            Chat info = engine.chats().chat(bot, chat);
            return info.members().stream().filter(m -> m.user().equals(user)).findFirst();
        } catch (SferumException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        synchronized (queues) {
            unsubscribes.forEach(Runnable::run);
            unsubscribes.clear();
            for (Queue queue : queues.values()) {
                synchronized (queue) {
                    queue.notifyAll();
                }
            }
        }
    }

    /** One queued engine event: its number and when it happened (Unix milliseconds). */
    private record Queued(long seq, SferumEvent event, long at) {
    }

    /** A bot's updates not yet committed. */
    private static final class Queue {
        private final List<Queued> entries = new ArrayList<>();
        private long committed = 1;
        private long next = 1;

        synchronized void add(SferumEvent event, long at) {
            entries.add(new Queued(next++, event, at));
            if (entries.size() > MAX_QUEUED) {
                commit(entries.get(entries.size() - MAX_QUEUED).seq);
            }
            notifyAll();
        }

        long nextSeq() {
            return next;
        }

        void commit(long upTo) {
            entries.removeIf(q -> q.seq < upTo);
            committed = Math.max(committed, upTo);
        }
    }
}
