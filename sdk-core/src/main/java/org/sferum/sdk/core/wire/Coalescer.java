package org.sferum.sdk.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * Automatic coalescing (issue 15): calls made on one token while a group is open (the window after its first call)
 * go out together as one VK {@code execute}, up to 25; a full group goes at once, a group of one as a plain call.
 * The first caller of a group sends it; the others wait for their own answer. Thread-safe.
 */
final class Coalescer {
    private final VkApi api;
    private final long windowNanos;
    private final Map<String, Group> open = new ConcurrentHashMap<>();

    Coalescer(VkApi api, java.time.Duration window) {
        this.api = api;
        this.windowNanos = window.toNanos();
    }

    /** One open group of one token. */
    private static final class Group {
        final List<Slot> slots = new ArrayList<>(VkExecute.MAX_CALLS);
        final CountDownLatch full = new CountDownLatch(1);
    }

    /** One caller's place in a group. */
    private static final class Slot {
        final VkRequest request;
        final CountDownLatch done = new CountDownLatch(1);
        volatile VkResult result;
        volatile RuntimeException failure;

        Slot(VkRequest request) {
            this.request = request;
        }

        void settle(VkResult value, RuntimeException error) {
            result = value;
            failure = error;
            done.countDown();
        }
    }

    VkResult call(String key, TokenSource tokens, VkRequest request) {
        Slot slot = new Slot(request);
        Group group;
        boolean leader = false;
        synchronized (this) {
            group = open.get(key);
            if (group == null) {
                group = new Group();
                open.put(key, group);
                leader = true;
            }
            group.slots.add(slot);
            if (group.slots.size() == VkExecute.MAX_CALLS) {
                open.remove(key, group);
                group.full.countDown();
            }
        }
        if (leader) {
            lead(key, tokens, group);
        }
        try {
            slot.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SferumException.of(ErrorCode.TRANSPORT_FAILURE, request.method() + " was interrupted while its"
                    + " coalesced request was under way; its outcome is not known to this caller", null, null, e);
        }
        if (slot.failure != null) {
            throw slot.failure;
        }
        return slot.result;
    }

    private void lead(String key, TokenSource tokens, Group group) {
        try {
            group.full.await(windowNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Slot> slots;
        synchronized (this) {
            open.remove(key, group);
            slots = List.copyOf(group.slots);
        }
        try {
            if (slots.size() == 1) {
                Slot only = slots.get(0);
                only.settle(api.callDirect(tokens, only.request), null);
                return;
            }
            List<VkRequest> requests = new ArrayList<>(slots.size());
            for (Slot slot : slots) {
                requests.add(slot.request);
            }
            List<ExecuteAnswer> answers = api.execute(tokens, requests);
            for (int i = 0; i < slots.size(); i++) {
                ExecuteAnswer answer = answers.get(i);
                slots.get(i).settle(answer.result(), answer.failure());
            }
        } catch (RuntimeException e) {
            for (Slot slot : slots) {
                if (slot.done.getCount() > 0) {
                    slot.settle(null, e);
                }
            }
        }
    }
}
