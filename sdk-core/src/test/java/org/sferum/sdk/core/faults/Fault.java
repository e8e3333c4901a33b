package org.sferum.sdk.core.faults;

/**
 * One fault the fault suite injects into a request (issue 12): where it happens (before or after the request
 * reaches the emulator) decides whether the call may have taken effect.
 */
enum Fault {
    /** Passed through untouched. */
    NONE(false),
    /** The connection breaks before the request is forwarded: nothing happened, but the client cannot tell. */
    DROP_BEFORE(false),
    /** The request is carried out, then the connection breaks before the answer. */
    DROP_AFTER(true),
    /** HTTP 500 after the request was carried out. */
    HTTP_500_AFTER(true),
    /** HTTP 502 from a gateway that never forwarded the request. */
    HTTP_502_BEFORE(false),
    /** HTTP 503 after the request was carried out. */
    HTTP_503_AFTER(true),
    /** HTTP 429 from a gateway's rate limit: refused before anything was done. */
    HTTP_429(false),
    /** VK error 6 (too many requests per second): refused before anything was done. */
    VK_6(false),
    /** VK error 9 (flood control): refused before anything was done. */
    VK_9(false),
    /** VK error 10 (internal server error) after the request was carried out. */
    VK_10_AFTER(true),
    /** The answer comes later than the client's timeout; the request was carried out first. */
    DELAY_AFTER(true),
    /** The request reaches the emulator only after the client's timeout (it may arrive after a retry). */
    DELAY_BEFORE(true),
    /** The request is carried out; the answer's body is cut to half its length. */
    TRUNCATE(true),
    /** The request is carried out; the answer is replaced by a prefix of JSON that never closes. */
    CUT_JSON(true);

    private final boolean forwards;

    Fault(boolean forwards) {
        this.forwards = forwards;
    }

    /**
     * Tells whether the emulator receives the request under this fault.
     *
     * @return whether it is forwarded
     */
    boolean forwards() {
        return this == NONE || forwards;
    }
}
