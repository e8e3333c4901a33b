package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The JavaScript methods VKScript has on arrays ({@code push}, {@code pop}, {@code shift}, {@code unshift},
 * {@code slice}, {@code splice}, {@code indexOf}, {@code join}) and on strings ({@code substr}, {@code slice},
 * {@code split}, {@code indexOf}). A method of the wrong value is error 13, "Method slice requires an array".
 */
final class Methods {
    private Methods() {
    }

    static JsonNode call(JsonNode target, String name, JsonNode[] args) {
        if (target instanceof ArrayNode array) {
            return arrayMethod(array, name, args);
        }
        if (target.isTextual()) {
            return stringMethod(target.textValue(), name, args);
        }
        throw VkScriptException.runtime("Method " + Values.shortName(name) + " requires an array");
    }

    private static JsonNode arg(JsonNode[] args, int i) {
        return i < args.length ? args[i] : NullNode.getInstance();
    }

    private static int intArg(JsonNode[] args, int i, int fallback) {
        JsonNode value = arg(args, i);
        return value.isNull() ? fallback : (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, Values.toDouble(value)));
    }

    /** A JavaScript start or end index: negative counts from the end; clamped to the length. */
    private static int relative(int index, int length) {
        return index < 0 ? Math.max(0, length + index) : Math.min(index, length);
    }

    private static JsonNode arrayMethod(ArrayNode array, String name, JsonNode[] args) {
        switch (name) {
            case "push":
                for (JsonNode arg : args) {
                    array.add(arg);
                }
                checkSize(array);
                return LongNode.valueOf(array.size());
            case "pop":
                return array.isEmpty() ? NullNode.getInstance() : array.remove(array.size() - 1);
            case "shift":
                return array.isEmpty() ? NullNode.getInstance() : array.remove(0);
            case "unshift":
                for (int i = args.length - 1; i >= 0; i--) {
                    array.insert(0, args[i]);
                }
                checkSize(array);
                return LongNode.valueOf(array.size());
            case "slice": {
                int start = relative(intArg(args, 0, 0), array.size());
                int end = relative(intArg(args, 1, array.size()), array.size());
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                for (int i = start; i < end; i++) {
                    out.add(array.get(i));
                }
                return out;
            }
            case "splice": {
                int start = relative(intArg(args, 0, 0), array.size());
                int count = Math.max(0, Math.min(intArg(args, 1, array.size() - start), array.size() - start));
                ArrayNode removed = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < count; i++) {
                    removed.add(array.remove(start));
                }
                for (int i = args.length - 1; i >= 2; i--) {
                    array.insert(start, args[i]);
                }
                checkSize(array);
                return removed;
            }
            case "indexOf":
                for (int i = 0; i < array.size(); i++) {
                    if (Values.binary("===", array.get(i), arg(args, 0)).booleanValue()) {
                        return LongNode.valueOf(i);
                    }
                }
                return LongNode.valueOf(-1);
            case "join": {
                String separator = args.length == 0 ? "," : Values.text(args[0]);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(separator);
                    }
                    out.append(array.get(i).isNull() ? "" : Values.text(array.get(i)));
                    if (out.length() > Values.MAX_TEXT) {
                        throw VkScriptException.runtime("String is too long");
                    }
                }
                return TextNode.valueOf(out.toString());
            }
            default:
                throw VkScriptException.runtime("Method " + Values.shortName(name) + " is not supported for arrays");
        }
    }

    private static void checkSize(ArrayNode array) {
        if (array.size() > Values.MAX_ARRAY) {
            throw VkScriptException.runtime("Array is too big");
        }
    }

    private static JsonNode stringMethod(String text, String name, JsonNode[] args) {
        switch (name) {
            case "substr": {
                int start = relative(intArg(args, 0, 0), text.length());
                int length = Math.max(0, intArg(args, 1, text.length() - start));
                return TextNode.valueOf(text.substring(start, Math.min(text.length(), start + length)));
            }
            case "slice": {
                int start = relative(intArg(args, 0, 0), text.length());
                int end = relative(intArg(args, 1, text.length()), text.length());
                return TextNode.valueOf(start < end ? text.substring(start, end) : "");
            }
            case "indexOf":
                return LongNode.valueOf(text.indexOf(Values.text(arg(args, 0))));
            case "split": {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                String separator = args.length == 0 ? null : Values.text(args[0]);
                if (separator == null) {
                    out.add(text);
                } else if (separator.isEmpty()) {
                    text.chars().limit(Values.MAX_ARRAY).forEach(c -> out.add(String.valueOf((char) c)));
                } else {
                    int from = 0;
                    int found;
                    while ((found = text.indexOf(separator, from)) >= 0) {
                        out.add(text.substring(from, found));
                        from = found + separator.length();
                    }
                    out.add(text.substring(from));
                }
                return out;
            }
            default:
                throw VkScriptException.runtime("Method " + Values.shortName(name) + " is not supported for strings");
        }
    }
}
