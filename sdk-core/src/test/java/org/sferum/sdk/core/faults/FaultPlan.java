package org.sferum.sdk.core.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Which fault each request gets, decided by a seeded random sequence: the same seed and the same order of requests
 * give the same faults. About {@code rate} of the requests are faulted; the faults are weighted so that slow ones
 * (delays past the timeout) stay rare and the suite stays quick.
 */
final class FaultPlan {
    private static final Fault[] FAULTS = {
        Fault.DROP_BEFORE, Fault.DROP_BEFORE, Fault.DROP_AFTER, Fault.DROP_AFTER, Fault.DROP_AFTER,
        Fault.HTTP_500_AFTER, Fault.HTTP_502_BEFORE, Fault.HTTP_503_AFTER, Fault.HTTP_429,
        Fault.VK_6, Fault.VK_9, Fault.VK_10_AFTER, Fault.VK_10_AFTER,
        Fault.DELAY_AFTER, Fault.DELAY_BEFORE,
        Fault.TRUNCATE, Fault.TRUNCATE, Fault.CUT_JSON, Fault.CUT_JSON, Fault.CUT_JSON,
    };

    private final Random random;
    private final double rate;
    private final int[] counts = new int[Fault.values().length];

    /**
     * Creates the plan.
     *
     * @param seed the seed
     * @param rate the share of requests that get a fault, 0 to 1
     */
    FaultPlan(long seed, double rate) {
        this.random = new Random(seed);
        this.rate = rate;
    }

    /**
     * Decides the next request's fault.
     *
     * @return the fault
     */
    synchronized Fault next() {
        Fault fault = random.nextDouble() < rate ? FAULTS[random.nextInt(FAULTS.length)] : Fault.NONE;
        counts[fault.ordinal()]++;
        return fault;
    }

    /**
     * Tells how many requests got a fault.
     *
     * @param fault the fault
     * @return how many
     */
    synchronized int count(Fault fault) {
        return counts[fault.ordinal()];
    }

    /**
     * Returns a summary of the faults injected so far.
     *
     * @return one {@code FAULT=n} per fault
     */
    synchronized String summary() {
        StringBuilder out = new StringBuilder();
        for (Fault fault : Fault.values()) {
            out.append(fault).append('=').append(counts[fault.ordinal()]).append(' ');
        }
        return out.toString().trim();
    }

    /**
     * The body a VK error answers with.
     *
     * @param code the VK error code
     * @return the body
     */
    static byte[] vkError(int code) {
        return ("{\"error\":{\"error_code\":" + code + ",\"error_msg\":\"injected\",\"request_params\":[]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Cuts a body to half its length (at least one byte is removed).
     *
     * @param body the body
     * @return the cut body
     */
    static byte[] truncate(byte[] body) {
        return Arrays.copyOf(body, Math.max(0, Math.min(body.length - 1, body.length / 2)));
    }

    /**
     * Replaces a body by a JSON prefix that never closes, as a connection cut mid-answer leaves it.
     *
     * @param body the body
     * @return a prefix of it, or of a plausible answer when it is short
     */
    static byte[] cutJson(byte[] body) {
        byte[] base = body.length > 12 ? body : "{\"response\":[{\"peer_id\":2000000001,\"message_id\":"
                .getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(base, Math.max(1, base.length - 3));
    }
}
