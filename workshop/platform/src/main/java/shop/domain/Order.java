package shop.domain;

import java.util.List;

/** An order as every flow sees it. Prices are in cents so sums are exact. */
public record Order(String id, String customer, List<OrderLine> lines) {
    public Order {
        lines = List.copyOf(lines);
    }

    public long totalCents() {
        return lines.stream().mapToLong(OrderLine::totalCents).sum();
    }
}
