package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VKScript's values (Jackson nodes) and its operators: JavaScript's rules, as far as VKScript uses them. */
final class Values {
    private static final Pattern INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern DOUBLE = Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    /** The longest text a program may build, so that a loop of {@code s = s + s} cannot fill the heap. */
    static final int MAX_TEXT = 1 << 20;
    /** The largest array a program may build. */
    static final int MAX_ARRAY = 100_000;

    private Values() {
    }

    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return true;
    }

    static JsonNode number(long value) {
        return LongNode.valueOf(value);
    }

    /** A number node: integral values within the exact range of a double become integers, as JSON prints them. */
    static JsonNode number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw VkScriptException.runtime("Arithmetic result is not a finite number");
        }
        if (value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
            return LongNode.valueOf((long) value);
        }
        return DoubleNode.valueOf(value);
    }

    static double toDouble(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isNull() || value.isMissingNode()) {
            return 0;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return 0;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw VkScriptException.runtime("Value is not a number");
            }
        }
        throw VkScriptException.runtime("Value is not a number");
    }

    /** The text form of a value: strings as they are, integral numbers without a fraction, the rest as JSON. */
    static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return number(value.doubleValue()).asText();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(text(item)));
            return String.join(",", parts);
        }
        return value.toString();
    }

    /** A parameter's wire form: arrays comma-joined, booleans {@code 1}/{@code 0}, objects as JSON. */
    static String wire(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(wire(item)));
            return String.join(",", parts);
        }
        return text(value);
    }

    static JsonNode binary(String op, JsonNode left, JsonNode right) {
        switch (op) {
            case "+":
                return plus(left, right);
            case "-":
            case "*":
            case "/":
            case "%":
                return arithmetic(op, left, right);
            case "==":
                return BooleanNode.valueOf(looseEquals(left, right));
            case "!=":
                return BooleanNode.valueOf(!looseEquals(left, right));
            case "===":
                return BooleanNode.valueOf(strictEquals(left, right));
            case "!==":
                return BooleanNode.valueOf(!strictEquals(left, right));
            default:
                return BooleanNode.valueOf(compare(op, left, right));
        }
    }

    private static JsonNode plus(JsonNode left, JsonNode right) {
        if (left.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            out.addAll((ArrayNode) left);
            if (right.isArray()) {
                out.addAll((ArrayNode) right);
            } else {
                out.add(right);
            }
            if (out.size() > MAX_ARRAY) {
                throw VkScriptException.runtime("Array is too big");
            }
            return out;
        }
        if (left.isTextual() || right.isTextual()) {
            String joined = text(left) + text(right);
            if (joined.length() > MAX_TEXT) {
                throw VkScriptException.runtime("String is too long");
            }
            return TextNode.valueOf(joined);
        }
        if (left.isObject() || right.isObject() || right.isArray()) {
            throw VkScriptException.runtime("Operator + cannot join these values");
        }
        return arithmetic("+", left, right);
    }

    static JsonNode arithmetic(String op, JsonNode left, JsonNode right) {
        if (left.isContainerNode() || right.isContainerNode()) {
            throw VkScriptException.runtime("Operator " + op + " requires numbers");
        }
        double a = toDouble(left);
        double b = toDouble(right);
        boolean integers = isInteger(left) && isInteger(right);
        switch (op) {
            case "+":
                return integers ? exact(Math::addExact, left, right) : number(a + b);
            case "-":
                return integers ? exact(Math::subtractExact, left, right) : number(a - b);
            case "*":
                return number(a * b);
            case "/":
                if (b == 0) {
                    throw VkScriptException.runtime("Division by zero");
                }
                return number(a / b);
            default:
                if (b == 0) {
                    throw VkScriptException.runtime("Division by zero");
                }
                return number(a % b);
        }
    }

    private static JsonNode exact(long value) {
        return LongNode.valueOf(value);
    }

    /** Runs integer arithmetic, refusing an overflow as a runtime error. */
    private static JsonNode exact(LongBinaryOperator op, JsonNode left, JsonNode right) {
        try {
            return exact(op.applyAsLong(left.asLong(), right.asLong()));
        } catch (ArithmeticException e) {
            throw VkScriptException.runtime("Integer overflow");
        }
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() || value.isBoolean() || value.isNull();
    }

    private static boolean looseEquals(JsonNode left, JsonNode right) {
        boolean leftNull = left.isNull() || left.isMissingNode();
        boolean rightNull = right.isNull() || right.isMissingNode();
        if (leftNull || rightNull) {
            return leftNull && rightNull;
        }
        if (left.isContainerNode() || right.isContainerNode()) {
            return left == right;
        }
        if (left.isTextual() && right.isTextual()) {
            return left.textValue().equals(right.textValue());
        }
        try {
            return toDouble(left) == toDouble(right);
        } catch (VkScriptException e) {
            return false;
        }
    }

    private static boolean strictEquals(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return left.doubleValue() == right.doubleValue();
        }
        if (left.isContainerNode() || right.isContainerNode()) {
            return left == right;
        }
        return left.getNodeType() == right.getNodeType() && left.equals(right);
    }

    private static boolean compare(String op, JsonNode left, JsonNode right) {
        int order;
        if (left.isTextual() && right.isTextual()) {
            order = left.textValue().compareTo(right.textValue());
        } else {
            double a;
            double b;
            try {
                a = toDouble(left);
                b = toDouble(right);
            } catch (VkScriptException e) {
                return false;
            }
            order = Double.compare(a, b);
        }
        return switch (op) {
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    /** {@code x.name}: an object's field, an array's or a string's {@code length}; {@code null} otherwise. */
    static JsonNode field(JsonNode target, String name) {
        if (target.isObject()) {
            JsonNode value = target.get(name);
            return value == null ? NullNode.getInstance() : value;
        }
        if (name.equals("length")) {
            if (target.isArray()) {
                return LongNode.valueOf(target.size());
            }
            if (target.isTextual()) {
                return LongNode.valueOf(target.textValue().length());
            }
        }
        return NullNode.getInstance();
    }

    /** {@code x[i]}: an array's element, an object's field, a string's character; {@code null} otherwise. */
    static JsonNode index(JsonNode target, JsonNode index) {
        if (target.isArray() && index.isNumber()) {
            JsonNode value = target.get(index.asInt());
            return value == null || index.doubleValue() != index.asInt() ? NullNode.getInstance() : value;
        }
        if (target.isObject()) {
            return field(target, text(index));
        }
        if (target.isTextual() && index.isIntegralNumber()) {
            int i = index.asInt();
            String s = target.textValue();
            return i >= 0 && i < s.length() ? TextNode.valueOf(s.substring(i, i + 1)) : NullNode.getInstance();
        }
        return NullNode.getInstance();
    }

    /** {@code x@.name}: the field of every element of an array, in order. */
    static JsonNode project(JsonNode target, String name) {
        if (target.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            target.forEach(item -> out.add(field(item, name)));
            return out;
        }
        if (target.isObject()) {
            return field(target, name);
        }
        return NullNode.getInstance();
    }

    static JsonNode parseInt(JsonNode value) {
        if (value.isNumber()) {
            return number((double) (long) value.doubleValue());
        }
        Matcher m = INTEGER.matcher(text(value));
        if (!m.find()) {
            return LongNode.valueOf(0);
        }
        try {
            return LongNode.valueOf(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return number(Double.parseDouble(m.group(1)));
        }
    }

    static JsonNode parseDouble(JsonNode value) {
        if (value.isNumber()) {
            return value;
        }
        Matcher m = DOUBLE.matcher(text(value));
        return m.find() ? number(Double.parseDouble(m.group(1))) : LongNode.valueOf(0);
    }

    /** A client-supplied name cut for an error message. */
    static String shortName(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
