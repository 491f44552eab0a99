package shop.api;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON object of a request, read strictly: no unknown fields, no nulls, no coercion (a string is not a number,
 * 1 is not true, 1.5 is not a whole number), and no control characters in text. Every error names the field by its
 * path, e.g. {@code lines[2].quantity}.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** @param path where the object sits ("" for the body); @param shape what it should look like, for the error */
    static JsonFields of(JsonNode node, String path, String shape) {
        if (node == null || !node.isObject()) {
            throw new ApiError(400, path.isEmpty() ? "body" : path, (path.isEmpty() ? "body" : path) + ": must be " + shape);
        }
        return new JsonFields(node, path);
    }

    void allowOnly(Set<String> names, String shape) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw ApiError.badField(at(Printable.of(name)), "unknown field; " + shape);
            }
        }
    }

    Optional<JsonNode> optional(String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isNull()) {
            throw ApiError.badField(at(name), "must not be null; leave the field out instead");
        }
        return Optional.ofNullable(value);
    }

    JsonNode required(String name, String what) {
        return optional(name).orElseThrow(() -> ApiError.badField(at(name), "required, " + what));
    }

    Optional<String> optionalText(String name) {
        return optional(name).map(value -> text(value, at(name)));
    }

    String requiredText(String name) {
        return text(required(name, "a string"), at(name));
    }

    Optional<Double> optionalRate(String name) {
        return optional(name).map(value -> {
            if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
                throw ApiError.badField(at(name), "must be a number from 0 to 1, was " + shown(value));
            }
            return value.asDouble();
        });
    }

    Optional<Long> optionalWholeNumber(String name, long min, long max) {
        return optional(name).map(value -> wholeNumber(value, at(name), min, max));
    }

    Optional<Boolean> optionalBoolean(String name) {
        return optional(name).map(value -> {
            if (!value.isBoolean()) {
                throw ApiError.badField(at(name), "must be true or false, was " + shown(value));
            }
            return value.booleanValue();
        });
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static long wholeNumber(JsonNode value, String field, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw ApiError.badField(field, "must be a whole number from " + min + " to " + max + ", was " + shown(value));
        }
        return value.longValue();
    }

    /** Text as sent: no trimming, and no control characters, line separators or broken surrogate pairs. */
    static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw ApiError.badField(field, "must be a string, was " + shown(value));
        }
        String text = value.textValue();
        int bad = text.codePoints().filter(JsonFields::unprintable).findFirst().orElse(-1);
        if (bad >= 0) {
            throw ApiError.badField(field, String.format("must not contain control characters, found U+%04X", bad));
        }
        return text;
    }

    private static boolean unprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A value as the client sent it, short, for error messages. */
    static String shown(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + Printable.of(value.textValue()) + "\"";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return Printable.of(value.asText());
    }
}
