package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser of VKScript. Nesting deeper than {@value #MAX_DEPTH} levels (brackets, blocks, prefix
 * operators, chains of binary operators) is a compile error, so that no program can exhaust the thread's stack, here
 * or in the interpreter that walks the tree.
 */
final class Parser {
    /** The deepest nesting a program may have. */
    static final int MAX_DEPTH = 200;

    private static final Set<String> ASSIGNMENTS = Set.of("=", "+=", "-=", "*=", "/=", "%=");
    private static final Set<String> FUNCTIONS = Set.of("parseInt", "parseDouble");

    private final String code;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(String code) {
        this.code = code;
        this.tokens = Lexer.tokens(code);
    }

    /**
     * Parses a program.
     *
     * @param code the program
     * @return its statements as one block
     * @throws VkScriptException (12) on a syntax error, with its line and column
     */
    static Node.Block parse(String code) {
        Parser parser = new Parser(code);
        List<Node> statements = new ArrayList<>();
        while (parser.peek().kind() != Token.Kind.END) {
            statements.add(parser.statement());
        }
        return new Node.Block(statements);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            at++;
            return true;
        }
        return false;
    }

    private Token expect(String punct) {
        if (!peek().is(punct)) {
            throw unexpected("'" + punct + "'");
        }
        return take();
    }

    private String name() {
        if (peek().kind() != Token.Kind.NAME) {
            throw unexpected("a name");
        }
        return take().text();
    }

    private VkScriptException unexpected(String wanted) {
        Token token = peek();
        return VkScriptException.compile("unexpected " + token.describe() + ", expected " + wanted, code,
                token.position());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw VkScriptException.compile("nesting deeper than " + MAX_DEPTH + " levels", code,
                    peek().position());
        }
    }

    private Node statement() {
        enter();
        try {
            Token token = peek();
            if (token.is("{")) {
                take();
                List<Node> statements = new ArrayList<>();
                while (!peek().is("}")) {
                    if (peek().kind() == Token.Kind.END) {
                        throw unexpected("'}'");
                    }
                    statements.add(statement());
                }
                take();
                return new Node.Block(statements);
            }
            if (token.is(";")) {
                take();
                return new Node.Block(List.of());
            }
            if (token.isName("var")) {
                take();
                List<String> names = new ArrayList<>();
                List<Node> inits = new ArrayList<>();
                do {
                    names.add(name());
                    inits.add(accept("=") ? assignment() : null);
                } while (accept(","));
                endOfStatement();
                return new Node.VarDecl(names, inits);
            }
            if (token.isName("if")) {
                take();
                expect("(");
                Node test = expression();
                expect(")");
                Node then = statement();
                Node otherwise = null;
                if (peek().isName("else")) {
                    take();
                    otherwise = statement();
                }
                return new Node.If(test, then, otherwise);
            }
            if (token.isName("while")) {
                take();
                expect("(");
                Node test = expression();
                expect(")");
                return new Node.While(test, statement());
            }
            if (token.isName("return")) {
                take();
                Node value = peek().is(";") || peek().is("}") || peek().kind() == Token.Kind.END
                        ? new Node.Literal(NullNode.getInstance()) : expression();
                endOfStatement();
                return new Node.Return(value);
            }
            Node expr = expression();
            endOfStatement();
            return new Node.ExprStmt(expr);
        } finally {
            depth--;
        }
    }

    /** A statement ends with {@code ;}, or just before {@code }} or the end of the program. */
    private void endOfStatement() {
        if (!accept(";") && !peek().is("}") && peek().kind() != Token.Kind.END) {
            throw unexpected("';'");
        }
    }

    private Node expression() {
        return assignment();
    }

    private Node assignment() {
        enter();
        try {
            Node left = conditional();
            Token token = peek();
            if (token.kind() == Token.Kind.PUNCT && ASSIGNMENTS.contains(token.text())) {
                if (!(left instanceof Node.Var || left instanceof Node.Member || left instanceof Node.Index)) {
                    throw VkScriptException.compile("invalid assignment target", code, token.position());
                }
                take();
                return new Node.Assign(token.text(), left, assignment());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Node conditional() {
        Node test = binary(0);
        if (!accept("?")) {
            return test;
        }
        enter();
        try {
            Node then = assignment();
            expect(":");
            return new Node.Conditional(test, then, assignment());
        } finally {
            depth--;
        }
    }

    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("==", "!=", "===", "!=="), Set.of("<", ">", "<=", ">="),
            Set.of("+", "-"), Set.of("*", "/", "%"));

    private Node binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Node left = binary(level + 1);
        int chained = 0;
        try {
            while (peek().kind() == Token.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
                String op = take().text();
                enter();
                chained++;
                Node right = binary(level + 1);
                left = op.equals("&&") || op.equals("||") ? new Node.Logical(op, left, right)
                        : new Node.Binary(op, left, right);
            }
            return left;
        } finally {
            depth -= chained;
        }
    }

    private Node unary() {
        Token token = peek();
        if (token.is("!") || token.is("-") || token.is("+") || token.is("++") || token.is("--")) {
            take();
            enter();
            try {
                Node operand = unary();
                if (token.is("++") || token.is("--")) {
                    return new Node.Update(token.text(), assignable(operand, token), true);
                }
                return new Node.Unary(token.text(), operand);
            } finally {
                depth--;
            }
        }
        Node value = postfix();
        Token after = peek();
        if (after.is("++") || after.is("--")) {
            take();
            return new Node.Update(after.text(), assignable(value, after), false);
        }
        return value;
    }

    private Node assignable(Node target, Token op) {
        if (!(target instanceof Node.Var || target instanceof Node.Member || target instanceof Node.Index)) {
            throw VkScriptException.compile("invalid target of " + op.text(), code, op.position());
        }
        return target;
    }

    private Node postfix() {
        Node value = primary();
        int chained = 0;
        try {
            while (true) {
                if (accept(".")) {
                    String field = name();
                    value = peek().is("(") ? new Node.MethodCall(value, field, arguments())
                            : new Node.Member(value, field);
                } else if (peek().is("@")) {
                    take();
                    expect(".");
                    value = new Node.Project(value, name());
                } else if (accept("[")) {
                    enter();
                    chained++;
                    Node index = expression();
                    expect("]");
                    value = new Node.Index(value, index);
                    continue;
                } else {
                    return value;
                }
                enter();
                chained++;
            }
        } finally {
            depth -= chained;
        }
    }

    private List<Node> arguments() {
        expect("(");
        enter();
        try {
            List<Node> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(assignment());
                } while (accept(","));
                expect(")");
            }
            return args;
        } finally {
            depth--;
        }
    }

    private Node primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                take();
                Number number = token.number();
                return new Node.Literal(number instanceof Long l ? LongNode.valueOf(l)
                        : DoubleNode.valueOf(number.doubleValue()));
            }
            case STRING -> {
                take();
                return new Node.Literal(TextNode.valueOf(token.text()));
            }
            case NAME -> {
                return named(token);
            }
            default -> {
                if (token.is("(")) {
                    take();
                    enter();
                    try {
                        Node inner = expression();
                        expect(")");
                        return inner;
                    } finally {
                        depth--;
                    }
                }
                if (token.is("[")) {
                    return arrayLiteral();
                }
                if (token.is("{")) {
                    return objectLiteral();
                }
                throw unexpected("a value");
            }
        }
    }

    private Node named(Token token) {
        take();
        switch (token.text()) {
            case "true":
                return new Node.Literal(BooleanNode.TRUE);
            case "false":
                return new Node.Literal(BooleanNode.FALSE);
            case "null":
                return new Node.Literal(NullNode.getInstance());
            case "API":
                expect(".");
                String method = name();
                if (accept(".")) {
                    method = method + "." + name();
                }
                if (!peek().is("(")) {
                    throw unexpected("'(' after API." + method);
                }
                return new Node.ApiCall(method, arguments());
            case "var":
            case "if":
            case "else":
            case "while":
            case "return":
                throw VkScriptException.compile("unexpected '" + token.text() + "'", code, token.position());
            default:
                if (FUNCTIONS.contains(token.text()) && peek().is("(")) {
                    return new Node.FunctionCall(token.text(), arguments(), token.position());
                }
                return new Node.Var(token.text());
        }
    }

    private Node arrayLiteral() {
        expect("[");
        enter();
        try {
            List<Node> items = new ArrayList<>();
            if (!accept("]")) {
                do {
                    if (peek().is("]")) {
                        break;
                    }
                    items.add(assignment());
                } while (accept(","));
                expect("]");
            }
            return new Node.ArrayLit(items);
        } finally {
            depth--;
        }
    }

    private Node objectLiteral() {
        expect("{");
        enter();
        try {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            if (!accept("}")) {
                do {
                    if (peek().is("}")) {
                        break;
                    }
                    Token key = peek();
                    if (key.kind() == Token.Kind.END || key.kind() == Token.Kind.PUNCT) {
                        throw unexpected("a field name");
                    }
                    take();
                    keys.add(key.text());
                    expect(":");
                    values.add(assignment());
                } while (accept(","));
                expect("}");
            }
            return new Node.ObjectLit(keys, values);
        } finally {
            depth--;
        }
    }
}
