package org.sferum.sdk.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text (a form body or a query string), always as UTF-8. */
final class UrlForm {
    private UrlForm() {
    }

    /**
     * Decodes pairs into a map; a later pair with the same name replaces an earlier one.
     *
     * @param encoded the encoded text, possibly {@code null} or empty
     * @param into where to put the pairs
     * @throws VkFailure with code 8 when an escape is malformed
     */
    static void decodeInto(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                into.put(name, value);
            }
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new VkFailure(VkErrorTable.INVALID_REQUEST,
                    "the parameters are not valid application/x-www-form-urlencoded UTF-8");
        }
    }
}
