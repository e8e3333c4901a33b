package org.sferum.sdk.testkit.emulator.vkscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed program over Jackson nodes. Every statement, operator, assignment and call counts as one operation;
 * more than {@link VkScript#MAX_OPERATIONS} or more than {@link VkScript#MAX_API_CALLS} API calls end the program with
 * error 13. A failed API call gives {@code false} and adds its error to {@code execute_errors}.
 */
final class Interpreter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonNode> variables = new HashMap<>();
    private final ApiGateway api;
    private final ArrayNode errors = NODES.arrayNode();
    private int operations;
    private int calls;

    /** Thrown by {@code return} to leave the program. */
    private static final class ReturnSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode value;

        ReturnSignal(JsonNode value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /**
     * Creates an interpreter.
     *
     * @param args the program's {@code Args}
     * @param api where API calls go
     */
    Interpreter(Map<String, String> args, ApiGateway api) {
        this.api = api;
        ObjectNode argsNode = NODES.objectNode();
        args.forEach(argsNode::put);
        variables.put("Args", argsNode);
    }

    /**
     * Runs a program.
     *
     * @param program the program
     * @return its result
     */
    VkScript.Result run(Node.Block program) {
        try {
            exec(program);
            return new VkScript.Result(NullNode.getInstance(), errors);
        } catch (ReturnSignal r) {
            return new VkScript.Result(r.value, errors);
        }
    }

    private void count() {
        if (++operations > VkScript.MAX_OPERATIONS) {
            throw VkScriptException.runtime("Too many operations");
        }
    }

    private void exec(Node node) {
        if (node instanceof Node.Block block) {
            for (Node statement : block.statements()) {
                exec(statement);
            }
            return;
        }
        count();
        if (node instanceof Node.VarDecl decl) {
            for (int i = 0; i < decl.names().size(); i++) {
                Node init = decl.inits().get(i);
                variables.put(decl.names().get(i), init == null ? NullNode.getInstance() : eval(init));
            }
        } else if (node instanceof Node.ExprStmt stmt) {
            eval(stmt.expr());
        } else if (node instanceof Node.If stmt) {
            if (Values.truthy(eval(stmt.test()))) {
                exec(stmt.then());
            } else if (stmt.otherwise() != null) {
                exec(stmt.otherwise());
            }
        } else if (node instanceof Node.While loop) {
            while (Values.truthy(eval(loop.test()))) {
                exec(loop.body());
                count();
            }
        } else if (node instanceof Node.Return ret) {
            throw new ReturnSignal(eval(ret.value()));
        } else {
            throw new IllegalStateException("not a statement: " + node.getClass().getSimpleName());
        }
    }

    private JsonNode eval(Node node) {
        if (node instanceof Node.Literal literal) {
            return literal.value();
        }
        if (node instanceof Node.Var var) {
            JsonNode value = variables.get(var.name());
            if (value == null) {
                throw VkScriptException.runtime("Variable " + Values.shortName(var.name()) + " is not defined");
            }
            return value;
        }
        if (node instanceof Node.ArrayLit array) {
            ArrayNode out = NODES.arrayNode();
            for (Node item : array.items()) {
                out.add(eval(item));
            }
            return out;
        }
        if (node instanceof Node.ObjectLit object) {
            ObjectNode out = NODES.objectNode();
            for (int i = 0; i < object.keys().size(); i++) {
                out.set(object.keys().get(i), eval(object.values().get(i)));
            }
            return out;
        }
        if (node instanceof Node.Member member) {
            return Values.field(eval(member.target()), member.name());
        }
        if (node instanceof Node.Index index) {
            return Values.index(eval(index.target()), eval(index.index()));
        }
        if (node instanceof Node.Project project) {
            count();
            return Values.project(eval(project.target()), project.name());
        }
        count();
        if (node instanceof Node.Unary unary) {
            JsonNode value = eval(unary.operand());
            return switch (unary.op()) {
                case "!" -> BooleanNode.valueOf(!Values.truthy(value));
                case "-" -> Values.arithmetic("-", Values.number(0L), value);
                default -> Values.number(Values.toDouble(value));
            };
        }
        if (node instanceof Node.Binary binary) {
            return Values.binary(binary.op(), eval(binary.left()), eval(binary.right()));
        }
        if (node instanceof Node.Logical logical) {
            JsonNode left = eval(logical.left());
            boolean and = logical.op().equals("&&");
            return Values.truthy(left) == and ? eval(logical.right()) : left;
        }
        if (node instanceof Node.Conditional conditional) {
            return Values.truthy(eval(conditional.test())) ? eval(conditional.then()) : eval(conditional.otherwise());
        }
        if (node instanceof Node.Assign assign) {
            JsonNode value = eval(assign.value());
            if (!assign.op().equals("=")) {
                value = Values.binary(assign.op().substring(0, 1), eval(assign.target()), value);
            }
            store(assign.target(), value);
            return value;
        }
        if (node instanceof Node.Update update) {
            JsonNode old = Values.number(Values.toDouble(eval(update.target())));
            JsonNode updated = Values.arithmetic(update.op().equals("++") ? "+" : "-", old, Values.number(1L));
            store(update.target(), updated);
            return update.prefix() ? updated : old;
        }
        if (node instanceof Node.FunctionCall function) {
            JsonNode arg = function.args().isEmpty() ? NullNode.getInstance() : eval(function.args().get(0));
            return function.name().equals("parseInt") ? Values.parseInt(arg) : Values.parseDouble(arg);
        }
        if (node instanceof Node.MethodCall call) {
            JsonNode target = eval(call.target());
            JsonNode[] args = new JsonNode[call.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = eval(call.args().get(i));
            }
            return Methods.call(target, call.name(), args);
        }
        if (node instanceof Node.ApiCall call) {
            return apiCall(call);
        }
        throw new IllegalStateException("not an expression: " + node.getClass().getSimpleName());
    }

    private void store(Node target, JsonNode value) {
        if (target instanceof Node.Var var) {
            variables.put(var.name(), value);
        } else if (target instanceof Node.Member member) {
            JsonNode object = eval(member.target());
            if (!(object instanceof ObjectNode fields)) {
                throw VkScriptException.runtime("Cannot set field " + Values.shortName(member.name())
                        + " of a value that is not an object");
            }
            fields.set(member.name(), value);
        } else {
            Node.Index index = (Node.Index) target;
            JsonNode container = eval(index.target());
            JsonNode key = eval(index.index());
            if (container instanceof ArrayNode array && key.isNumber()) {
                int i = key.asInt();
                if (i < 0 || i > array.size() + VkScript.MAX_OPERATIONS) {
                    throw VkScriptException.runtime("Array index out of range");
                }
                while (array.size() <= i) {
                    array.add(NullNode.getInstance());
                }
                array.set(i, value);
            } else if (container instanceof ObjectNode object) {
                object.set(Values.text(key), value);
            } else {
                throw VkScriptException.runtime("Cannot set an element of a value that is not an array or an object");
            }
        }
    }

    private JsonNode apiCall(Node.ApiCall call) {
        Map<String, String> params = new LinkedHashMap<>();
        List<Node> args = call.args();
        if (!args.isEmpty()) {
            JsonNode given = eval(args.get(0));
            if (given instanceof ObjectNode object) {
                object.fields().forEachRemaining(field -> {
                    if (!field.getValue().isNull()) {
                        params.put(field.getKey(), Values.wire(field.getValue()));
                    }
                });
            } else if (!given.isNull()) {
                throw VkScriptException.runtime("Parameters of API." + call.method() + " must be an object");
            }
        }
        if (++calls > VkScript.MAX_API_CALLS) {
            throw VkScriptException.runtime("Too many API calls");
        }
        ObjectNode envelope = api.call(call.method(), params);
        JsonNode error = envelope.get("error");
        if (error != null) {
            ObjectNode entry = errors.addObject();
            entry.put("method", call.method());
            entry.set("error_code", error.path("error_code"));
            if (error.has("error_subcode")) {
                entry.set("error_subcode", error.get("error_subcode"));
            }
            entry.set("error_msg", error.path("error_msg"));
            return BooleanNode.FALSE;
        }
        JsonNode response = envelope.get("response");
        return response == null ? NullNode.getInstance() : response;
    }
}
