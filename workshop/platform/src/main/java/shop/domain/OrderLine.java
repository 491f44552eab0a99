package shop.domain;

/** One line of an order: how many of one SKU, at the catalog price when the order was placed. */
public record OrderLine(String sku, int quantity, long unitPriceCents) {
    public long totalCents() {
        return unitPriceCents * quantity;
    }
}
