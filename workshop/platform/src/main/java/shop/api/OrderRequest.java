package shop.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Lines with the same SKU are merged into one. Limits: {@value #MAX_LINES} lines per order, {@value #MAX_QUANTITY}
 * units per SKU, {@value #MAX_CUSTOMER_LENGTH} characters of customer name.
 */
public record OrderRequest(Order order, Optional<String> impl, boolean idGiven) {
    public static final int MAX_LINES = 20;
    public static final int MAX_QUANTITY = 100;
    public static final int MAX_CUSTOMER_LENGTH = 200;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ORDER_SHAPE = "an order has customer, lines, id and impl";
    private static final String LINE_SHAPE = "a line has sku and quantity";

    public static OrderRequest parse(JsonNode body, Catalog catalog, Set<String> impls) {
        JsonFields fields = JsonFields.of(body, "", "a JSON object with customer and lines");
        fields.allowOnly(Set.of("customer", "lines", "id", "impl"), ORDER_SHAPE);
        String customer = fields.requiredText("customer");
        if (customer.isBlank() || customer.codePointCount(0, customer.length()) > MAX_CUSTOMER_LENGTH) {
            throw ApiError.badField("customer", "must be 1 to " + MAX_CUSTOMER_LENGTH + " characters, not blank");
        }
        Optional<String> id = optionalId(fields);
        Optional<String> impl = optionalImpl(fields, impls);
        List<OrderLine> lines = lines(fields.required("lines", "a non-empty array of {\"sku\", \"quantity\"}"), catalog);
        Order order = new Order(id.orElseGet(() -> UUID.randomUUID().toString()), customer, lines);
        return new OrderRequest(order, impl, id.isPresent());
    }

    /** The optional "id" of a request that creates something (an order, a trip). */
    static Optional<String> optionalId(JsonFields fields) {
        Optional<String> id = fields.optionalText("id");
        id.filter(value -> !ID.matcher(value).matches()).ifPresent(value -> {
            throw ApiError.badField("id", value.isEmpty() ? "must not be empty; leave it out to get a fresh id"
                    : "1 to 64 letters, digits, '.', '_' or '-', was \"" + Printable.of(value) + "\"");
        });
        return id;
    }

    /** The optional "impl": one of the flows running. */
    static Optional<String> optionalImpl(JsonFields fields, Set<String> impls) {
        Optional<String> impl = fields.optionalText("impl");
        impl.filter(value -> !impls.contains(value)).ifPresent(value -> {
            throw ApiError.badField("impl", "unknown flow \"" + Printable.of(value) + "\"; running: " + impls);
        });
        return impl;
    }

    private static List<OrderLine> lines(JsonNode node, Catalog catalog) {
        if (!node.isArray() || node.isEmpty()) {
            throw ApiError.badField("lines", "required, a non-empty array of {\"sku\", \"quantity\"}");
        }
        if (node.size() > MAX_LINES) {
            throw ApiError.badField("lines", "at most " + MAX_LINES + " lines per order, was " + node.size());
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "lines[" + i + "]";
            JsonFields line = JsonFields.of(node.get(i), at, "an object with sku and quantity");
            line.allowOnly(Set.of("sku", "quantity"), LINE_SHAPE);
            String sku = line.requiredText("sku");
            if (catalog.priceCents(sku).isEmpty()) {
                throw ApiError.badField(at + ".sku", "unknown SKU \"" + Printable.of(sku) + "\"; known: " + catalog.skus());
            }
            long quantity = JsonFields.wholeNumber(line.required("quantity", "a whole number"), at + ".quantity", 1,
                    MAX_QUANTITY);
            quantities.merge(sku, quantity, Long::sum);
        }
        List<OrderLine> merged = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            if (quantity > MAX_QUANTITY) {
                throw ApiError.badField("lines", "the lines for " + sku + " add up to " + quantity + " units; at most "
                        + MAX_QUANTITY + " per SKU");
            }
            merged.add(new OrderLine(sku, quantity.intValue(), catalog.priceCents(sku).orElseThrow()));
        });
        return merged;
    }
}
