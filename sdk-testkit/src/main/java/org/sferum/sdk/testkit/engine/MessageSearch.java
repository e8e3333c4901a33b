package org.sferum.sdk.testkit.engine;

import java.util.Locale;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;

/**
 * Keyword matching for {@code messages.search} (F-CHAT-09): case-insensitive for Russian and English, with «ё»
 * matching «е» [choice], the whole query as one substring of the text.
 */
final class MessageSearch {
    private final String needle;

    private MessageSearch(String needle) {
        this.needle = needle;
    }

    /**
     * Checks a query and prepares it.
     *
     * @param query the words to look for
     * @return the matcher
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a missing, blank or too long query
     */
    static MessageSearch of(String query) {
        if (query == null || query.isBlank()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the search query must not be empty");
        }
        if (query.codePointCount(0, query.length()) > Draft.MAX_TEXT_LENGTH) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "the search query is longer than " + Draft.MAX_TEXT_LENGTH + " characters");
        }
        return new MessageSearch(fold(query.strip()));
    }

    /**
     * Tells whether a text contains the query.
     *
     * @param text the message text
     * @return whether it matches
     */
    boolean matches(String text) {
        return fold(text).contains(needle);
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
