package org.sferum.sdk.emulator.vkscript;

/**
 * Why a VKScript program failed as a whole: VK error 12 ("Unable to compile code", with the line and column of the
 * problem) or VK error 13 ("Runtime error occurred during code invocation": too many API calls or operations, a
 * value of the wrong type). The message is the detail the emulator appends to the code's meaning; it quotes at most
 * a short token of the program, never a parameter of the call.
 */
public final class VkScriptException extends RuntimeException {
    /** VK {@code error_code} 12: Unable to compile code. */
    public static final int COMPILE_ERROR = 12;
    /** VK {@code error_code} 13: Runtime error occurred during code invocation. */
    public static final int RUNTIME_ERROR = 13;

    private static final long serialVersionUID = 1L;

    private final int vkCode;

    private VkScriptException(int vkCode, String detail) {
        super(detail, null, false, false);
        this.vkCode = vkCode;
    }

    /**
     * A compile error at a position of the program.
     *
     * @param what what was wrong
     * @param code the program
     * @param position the offset of the problem
     * @return the exception (error 12)
     */
    static VkScriptException compile(String what, String code, int position) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < position && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new VkScriptException(COMPILE_ERROR, what + " at line " + line + ", column " + column);
    }

    /**
     * A runtime error.
     *
     * @param what what was wrong
     * @return the exception (error 13)
     */
    static VkScriptException runtime(String what) {
        return new VkScriptException(RUNTIME_ERROR, what);
    }

    /**
     * Returns the VK error code: {@value #COMPILE_ERROR} or {@value #RUNTIME_ERROR}.
     *
     * @return the code
     */
    public int vkCode() {
        return vkCode;
    }
}
