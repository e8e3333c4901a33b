package org.sferum.sdk.emulator;

/**
 * Parses the numbers of request parameters as VK does: an optional {@code -} and ASCII digits only. Java's
 * {@link Long#parseLong} also reads other scripts' digits (a {@code peer_id} of {@code ٢٠٠٠٠٠٠٠٠١} would be
 * 2000000001), which VK answers with error 100.
 */
final class AsciiNumbers {
    private AsciiNumbers() {
    }

    /**
     * Parses a decimal integer of ASCII digits.
     *
     * @param text the text
     * @return the number
     * @throws NumberFormatException when the text is empty, has any other character, or overflows
     */
    static long parseLong(String text) {
        if (!isAscii(text)) {
            throw new NumberFormatException("not an ASCII decimal integer");
        }
        return Long.parseLong(text);
    }

    /**
     * Parses a decimal integer of ASCII digits that fits an {@code int}.
     *
     * @param text the text
     * @return the number
     * @throws NumberFormatException when the text is empty, has any other character, or overflows
     */
    static int parseInt(String text) {
        if (!isAscii(text)) {
            throw new NumberFormatException("not an ASCII decimal integer");
        }
        return Integer.parseInt(text);
    }

    private static boolean isAscii(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
