package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bodies for POST /orders and PUT /faults that must each be refused: name to body text. */
final class MalformedBodies {
    static final String VALID_ORDER = "{\"customer\":\"ada\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values of every JSON type and some edge numbers; which ones a field must refuse is up to the field. */
    private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "1e400", "-0.0",
            "123456789012345678901234567890", "\"\"", "\" \"", "\"x\"", "[]", "{}", "[1]", "{\"a\":1}");

    private MalformedBodies() {}

    static Map<String, String> malformedJson() {
        Map<String, String> bodies = new LinkedHashMap<>();
        List.of("", " ", "{", "}", "[", "]", "{\"customer\":}", "{\"customer\":\"ada\",}", "{'customer':'ada'}",
                "{customer:\"ada\"}", "{\"customer\":\"ada\" \"lines\":[]}", "nul", "tru", "NaN", "Infinity", "-", "01",
                "1.", ".5", "\"a string\"", "42", "true", "null", "[]", "{}", "[" + VALID_ORDER + "]",
                VALID_ORDER + " x", VALID_ORDER + "}", VALID_ORDER + VALID_ORDER, VALID_ORDER + "[", VALID_ORDER + " 1",
                "/* c */" + VALID_ORDER, VALID_ORDER + "// c", "{\"customer\":\"a\\x\"}", "{\"customer\":\"\\u12\"}",
                "{\"customer\":\"unterminated}", "{\"customer\":\"a\u0001b\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}",
                "{\"customer\":\"a\nb\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}",
                VALID_ORDER.replace("1}", "01}"), VALID_ORDER.replace("1}", "+1}"), VALID_ORDER.replace("1}", "0x10}"),
                VALID_ORDER.replace("\"ada\"", "'ada'"), "[".repeat(5_000), "{\"a\":".repeat(2_000),
                "{\"customer\":\"ada\",\"customer\":\"bob\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}",
                VALID_ORDER.replace("\"quantity\":1", "\"quantity\":1,\"quantity\":2"),
                VALID_ORDER.replace("1}", "1" + "0".repeat(100) + "}"))
                .forEach(body -> bodies.put("malformed JSON: " + shorten(body), body));
        return bodies;
    }

    static Map<String, String> wrongOrders() {
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, List<String>> refused = new LinkedHashMap<>();
        refused.put("customer", without(VALUES, "\"x\""));
        refused.put("lines", VALUES);
        refused.put("lines[0]", VALUES);
        refused.put("lines[0].sku", VALUES);
        refused.put("lines[0].quantity", VALUES);
        refused.put("id", without(VALUES, "\"x\""));
        refused.put("impl", VALUES);
        refused.forEach((field, values) -> values.forEach(value ->
                bodies.put("order " + field + " = " + shorten(value), withField(field, value))));
        List.of("\"\\u0000ada\"", "\"ada\\u0007\"", "\"a\\u001fb\"", "\"a\\u007fb\"", "\"a\\u0085b\"", "\"a\\u2028b\"",
                "\"a\\u2029b\"", "\"a\\ud800b\"", "\"a\\udc00\"", "\"\\t\"").forEach(value ->
                bodies.put("order customer = " + value, withField("customer", value)));
        List.of("\"BOOK-1\\u0000\"", "\"\\tBOOK-1\"", "\"BOOK-1\\r\\n\"", "\" BOOK-1\"", "\"book-1\"", "\"NOPE\"")
                .forEach(value -> bodies.put("order sku = " + value, withField("lines[0].sku", value)));
        List.of("\"\\u0000a\"", "\"a/b\"", "\"a b\"", "\"" + "a".repeat(65) + "\"").forEach(value ->
                bodies.put("order id = " + shorten(value), withField("id", value)));
        bodies.put("order impl = \"direct\\n\"", withField("impl", "\"direct\\n\""));
        List.of("101", "1000", "2147483648", "9223372036854775808", "-9223372036854775809", "1.0", "1e2").forEach(value ->
                bodies.put("order quantity = " + value, withField("lines[0].quantity", value)));
        bodies.put("order customer of 201 characters", withField("customer", "\"" + "a".repeat(201) + "\""));
        bodies.put("order customer of 60,000 characters", withField("customer", "\"" + "a".repeat(60_000) + "\""));
        bodies.put("order of 21 lines", order(o -> o.set("lines", lines(21, 1))));
        bodies.put("order of 1,000 lines", order(o -> o.set("lines", lines(1_000, 1))));
        bodies.put("order of 2 lines adding up to 101", order(o -> o.set("lines", lines(2, 50).add(line(1)))));
        bodies.put("order with an unknown field", order(o -> o.put("colour", "red")));
        bodies.put("order line with an unknown field", order(o -> ((ObjectNode) o.get("lines").get(0)).put("price", 1)));
        bodies.put("order missing customer", order(o -> o.remove("customer")));
        bodies.put("order missing lines", order(o -> o.remove("lines")));
        bodies.put("order line missing quantity", order(o -> ((ObjectNode) o.get("lines").get(0)).remove("quantity")));
        return bodies;
    }

    static Map<String, String> wrongFaults() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String rate : List.of("declineRate", "carrierUnavailableRate")) {
            List.of("\"0.5\"", "null", "true", "-0.1", "1.5", "1e400", "[]", "{}").forEach(value ->
                    bodies.put("faults " + rate + " = " + value, "{\"" + rate + "\":" + value + "}"));
        }
        List.of("\"MUG-1\"", "null", "5", "[\"NOPE\"]", "[1]", "[null]", "{}", "[\"MUG-1\\u0000\"]").forEach(value ->
                bodies.put("faults outOfStock = " + value, "{\"outOfStock\":" + value + "}"));
        List.of("null", "[]", "\"x\"", "{\"BILLING\":{}}", "{\"PAYMENT\":null}", "{\"PAYMENT\":[]}",
                "{\"PAYMENT\":{\"down\":1}}", "{\"PAYMENT\":{\"down\":\"true\"}}", "{\"PAYMENT\":{\"down\":null}}",
                "{\"PAYMENT\":{\"latencyMs\":1.5}}", "{\"PAYMENT\":{\"latencyMs\":-1}}", "{\"PAYMENT\":{\"latencyMs\":60001}}",
                "{\"PAYMENT\":{\"latencyMs\":\"5\"}}", "{\"payment\":{\"transientErrorRate\":2}}",
                "{\"PAYMENT\":{\"speed\":1}}", "{\"payment\":{},\"PAYMENT\":{}}", "{\"\":{}}")
                .forEach(value -> bodies.put("faults services = " + value, "{\"services\":" + value + "}"));
        bodies.put("faults with an unknown field", "{\"declineRatio\":0.5}");
        bodies.put("faults as an array", "[{\"declineRate\":0.5}]");
        bodies.put("faults with trailing data", "{\"declineRate\":0.5} {}");
        return bodies;
    }

    /** The valid order with one field's value replaced by {@code value}, exactly as written (escapes and all). */
    private static String withField(String field, String value) {
        String placeholder = "@@value@@";
        return order(order -> {
            JsonNode parsed = JSON.getNodeFactory().textNode(placeholder);
            switch (field) {
                case "lines" -> order.set("lines", parsed);
                case "lines[0]" -> ((ArrayNode) order.get("lines")).set(0, parsed);
                case "lines[0].sku", "lines[0].quantity" ->
                        ((ObjectNode) order.get("lines").get(0)).set(field.substring("lines[0].".length()), parsed);
                default -> order.set(field, parsed);
            }
        }).replace("\"" + placeholder + "\"", value);
    }

    private static String order(Consumer<ObjectNode> change) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(VALID_ORDER);
            change.accept(order);
            return JSON.writeValueAsString(order);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode lines(int count, int quantity) {
        ArrayNode lines = JSON.createArrayNode();
        IntStream.range(0, count).forEach(i -> lines.add(line(quantity)));
        return lines;
    }

    private static ObjectNode line(int quantity) {
        return JSON.createObjectNode().put("sku", "BOOK-1").put("quantity", quantity);
    }

    private static List<String> without(List<String> values, String value) {
        return values.stream().filter(v -> !v.equals(value)).collect(Collectors.toList());
    }

    static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
