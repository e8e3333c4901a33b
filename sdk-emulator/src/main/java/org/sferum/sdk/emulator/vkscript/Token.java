package org.sferum.sdk.emulator.vkscript;

/**
 * One token of a VKScript program.
 *
 * @param kind what the token is
 * @param text the token's text: the name, the punctuation, or a string literal's decoded value
 * @param number a number literal's value ({@code null} otherwise)
 * @param position the offset of the token's first character in the program
 */
record Token(Kind kind, String text, Number number, int position) {
    /** The kinds of tokens. */
    enum Kind {
        /** A name: a variable, a field, a keyword. */
        NAME,
        /** A number literal. */
        NUMBER,
        /** A string literal. */
        STRING,
        /** An operator or punctuation. */
        PUNCT,
        /** The end of the program. */
        END
    }

    /**
     * Tells whether this token is the given punctuation.
     *
     * @param punct the punctuation
     * @return whether it is
     */
    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    /**
     * Tells whether this token is the given name or keyword.
     *
     * @param name the name
     * @return whether it is
     */
    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /**
     * Describes the token for an error message.
     *
     * @return {@code end of code} or the token's text in quotes
     */
    String describe() {
        if (kind == Kind.END) {
            return "end of code";
        }
        String shown = kind == Kind.STRING ? '"' + text + '"' : text;
        return "'" + (shown.length() > 20 ? shown.substring(0, 20) + "…" : shown) + "'";
    }
}
