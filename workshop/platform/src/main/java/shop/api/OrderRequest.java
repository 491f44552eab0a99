package shop.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import shop.domain.Catalog;
import shop.domain.Order;
import shop.domain.OrderLine;

/**
 * Reads the body of POST /orders, field by field, so that every mistake is named:
 * <pre>{"customer": "alice", "lines": [{"sku": "BOOK-1", "quantity": 2}], "id": "optional", "impl": "optional"}</pre>
 */
public record OrderRequest(Order order, Optional<String> impl, boolean idGiven) {
    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 1_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static OrderRequest parse(JsonNode body, Catalog catalog, Set<String> impls) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, null, "the body must be a JSON object with customer and lines");
        }
        String customer = text(body, "customer", "customer")
                .orElseThrow(() -> ApiError.badField("customer", "required, a non-empty string"));
        Optional<String> id = text(body, "id", "id");
        id.filter(value -> !ID.matcher(value).matches()).ifPresent(value -> {
            throw ApiError.badField("id", "1 to 64 letters, digits, '.', '_' or '-', was \"" + value + "\"");
        });
        Optional<String> impl = text(body, "impl", "impl");
        impl.filter(value -> !impls.contains(value)).ifPresent(value -> {
            throw ApiError.badField("impl", "unknown flow \"" + value + "\"; running: " + impls);
        });
        List<OrderLine> lines = lines(body.get("lines"), catalog);
        Order order = new Order(id.orElseGet(() -> UUID.randomUUID().toString()), customer, lines);
        return new OrderRequest(order, impl, id.isPresent());
    }

    private static List<OrderLine> lines(JsonNode node, Catalog catalog) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiError.badField("lines", "required, a non-empty array of {\"sku\", \"quantity\"}");
        }
        if (node.size() > MAX_LINES) {
            throw ApiError.badField("lines", "at most " + MAX_LINES + " lines, was " + node.size());
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "lines[" + i + "]";
            JsonNode line = node.get(i);
            if (!line.isObject()) {
                throw ApiError.badField(at, "must be an object with sku and quantity");
            }
            String sku = text(line, "sku", at + ".sku").orElseThrow(() -> ApiError.badField(at + ".sku", "required, a string"));
            long price = catalog.priceCents(sku).orElseThrow(() ->
                    ApiError.badField(at + ".sku", "unknown SKU \"" + sku + "\"; known: " + catalog.skus()));
            JsonNode quantity = line.get("quantity");
            if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber()) {
                throw ApiError.badField(at + ".quantity", "required, a whole number");
            }
            if (quantity.intValue() < 1 || quantity.intValue() > MAX_QUANTITY) {
                throw ApiError.badField(at + ".quantity",
                        "must be between 1 and " + MAX_QUANTITY + ", was " + quantity.intValue());
            }
            lines.add(new OrderLine(sku, quantity.intValue(), price));
        }
        return lines;
    }

    private static Optional<String> text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badField(path, "must be a string");
        }
        return Optional.of(value.asText().trim()).filter(text -> !text.isEmpty());
    }
}
