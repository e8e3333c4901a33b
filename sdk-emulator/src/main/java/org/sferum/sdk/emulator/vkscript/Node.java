package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A node of a parsed VKScript program: the statements and expressions the interpreter walks. */
interface Node {
    /** A literal value: a number, a string, {@code true}, {@code false}, {@code null}. */
    record Literal(JsonNode value) implements Node {
    }

    /** A variable (or {@code Args}). */
    record Var(String name) implements Node {
    }

    /** An array literal {@code [a, b]}. */
    record ArrayLit(List<Node> items) implements Node {
    }

    /** An object literal {@code {"a": 1, b: 2}}. */
    record ObjectLit(List<String> keys, List<Node> values) implements Node {
    }

    /** A field {@code x.name} (and {@code x.length}). */
    record Member(Node target, String name) implements Node {
    }

    /** An index {@code x[i]}. */
    record Index(Node target, Node index) implements Node {
    }

    /** The projection {@code x@.name}: the field of every element of an array. */
    record Project(Node target, String name) implements Node {
    }

    /** A method of a value: {@code a.push(x)}, {@code s.split(",")}. */
    record MethodCall(Node target, String name, List<Node> args) implements Node {
    }

    /** A built-in function: {@code parseInt(x)}, {@code parseDouble(x)}. */
    record FunctionCall(String name, List<Node> args, int position) implements Node {
    }

    /** An API call {@code API.section.method({...})}. */
    record ApiCall(String method, List<Node> args) implements Node {
    }

    /** A prefix operator: {@code !}, {@code -}, {@code +}. */
    record Unary(String op, Node operand) implements Node {
    }

    /** A binary operator other than {@code &&} and {@code ||}. */
    record Binary(String op, Node left, Node right) implements Node {
    }

    /** {@code &&} or {@code ||}, evaluated lazily. */
    record Logical(String op, Node left, Node right) implements Node {
    }

    /** {@code c ? a : b}. */
    record Conditional(Node test, Node then, Node otherwise) implements Node {
    }

    /** An assignment {@code =}, {@code +=}, … to a variable, a field or an index. */
    record Assign(String op, Node target, Node value) implements Node {
    }

    /** {@code ++} or {@code --}, before or after its target. */
    record Update(String op, Node target, boolean prefix) implements Node {
    }

    /** {@code var a = 1, b;}. */
    record VarDecl(List<String> names, List<Node> inits) implements Node {
    }

    /** An expression used as a statement. */
    record ExprStmt(Node expr) implements Node {
    }

    /** {@code if (c) a else b}; {@code otherwise} may be {@code null}. */
    record If(Node test, Node then, Node otherwise) implements Node {
    }

    /** {@code while (c) body}. */
    record While(Node test, Node body) implements Node {
    }

    /** {@code return x;}. */
    record Return(Node value) implements Node {
    }

    /** A block {@code { … }} or the whole program. */
    record Block(List<Node> statements) implements Node {
    }
}
