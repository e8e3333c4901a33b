package org.sferum.sdk.emulator.vkscript;

import java.util.ArrayList;
import java.util.List;

/** Splits a VKScript program into tokens; a character it cannot read is a compile error (VK error 12). */
final class Lexer {
    private static final String[] PUNCTS = {
        "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "++", "--",
        "{", "}", "[", "]", "(", ")", ";", ",", ".", ":", "@", "+", "-", "*", "/", "%", "<", ">", "!", "=", "?"
    };

    private final String code;
    private int at;

    private Lexer(String code) {
        this.code = code;
    }

    /**
     * Tokenizes a program.
     *
     * @param code the program
     * @return the tokens, ending with {@link Token.Kind#END}
     * @throws VkScriptException (12) on a character or literal it cannot read
     */
    static List<Token> tokens(String code) {
        Lexer lexer = new Lexer(code);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        skipSpaceAndComments();
        if (at >= code.length()) {
            return new Token(Token.Kind.END, "", null, at);
        }
        int start = at;
        char c = code.charAt(at);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (at < code.length() && (Character.isLetterOrDigit(code.charAt(at)) || code.charAt(at) == '_'
                    || code.charAt(at) == '$')) {
                at++;
            }
            return new Token(Token.Kind.NAME, code.substring(start, at), null, start);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return string(start, c);
        }
        for (String punct : PUNCTS) {
            if (code.startsWith(punct, at)) {
                at += punct.length();
                return new Token(Token.Kind.PUNCT, punct, null, start);
            }
        }
        throw VkScriptException.compile("unexpected character '" + (c >= ' ' && c <= '~' ? c : '?') + "'",
                code, start);
    }

    private void skipSpaceAndComments() {
        while (at < code.length()) {
            char c = code.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (code.startsWith("//", at)) {
                while (at < code.length() && code.charAt(at) != '\n') {
                    at++;
                }
            } else if (code.startsWith("/*", at)) {
                int end = code.indexOf("*/", at + 2);
                if (end < 0) {
                    throw VkScriptException.compile("unterminated comment", code, at);
                }
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private Token number(int start) {
        while (at < code.length() && Character.isDigit(code.charAt(at))) {
            at++;
        }
        boolean fraction = at + 1 < code.length() && code.charAt(at) == '.' && Character.isDigit(code.charAt(at + 1));
        if (fraction) {
            at++;
            while (at < code.length() && Character.isDigit(code.charAt(at))) {
                at++;
            }
        }
        String text = code.substring(start, at);
        if (at < code.length() && (Character.isLetter(code.charAt(at)) || code.charAt(at) == '_')) {
            throw VkScriptException.compile("malformed number", code, start);
        }
        Number value;
        if (fraction) {
            value = Double.parseDouble(text);
        } else {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                value = Double.parseDouble(text);
            }
        }
        return new Token(Token.Kind.NUMBER, text, value, start);
    }

    private Token string(int start, char quote) {
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= code.length() || code.charAt(at) == '\n') {
                throw VkScriptException.compile("unterminated string", code, start);
            }
            char c = code.charAt(at++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, value.toString(), null, start);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= code.length()) {
                throw VkScriptException.compile("unterminated string", code, start);
            }
            char escaped = code.charAt(at++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    if (at + 4 > code.length()) {
                        throw VkScriptException.compile("malformed \\u escape", code, at - 2);
                    }
                    try {
                        value.append((char) Integer.parseInt(code.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw VkScriptException.compile("malformed \\u escape", code, at - 2);
                    }
                    at += 4;
                }
                default -> value.append(escaped);
            }
        }
    }
}
