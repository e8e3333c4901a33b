package org.sferum.sdk.emulator;

/**
 * A failure the emulator itself decides, with its VK error code: an invalid request (8) or an unknown method (3).
 * Failures of the platform's rules come from the engine as {@link org.sferum.sdk.error.SferumException}s instead.
 */
final class VkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int vkCode;

    /**
     * Creates the failure.
     *
     * @param vkCode the VK error code
     * @param detail what was wrong; never a token or a message text
     */
    VkFailure(int vkCode, String detail) {
        super(detail, null, false, false);
        this.vkCode = vkCode;
    }

    /**
     * Returns the VK error code.
     *
     * @return the code
     */
    int vkCode() {
        return vkCode;
    }
}
