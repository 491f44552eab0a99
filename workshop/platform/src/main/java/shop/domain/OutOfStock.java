package shop.domain;

public final class OutOfStock extends BusinessFailure {
    public OutOfStock(String sku) {
        super("out of stock: " + sku);
    }

    @Override
    public String reason() {
        return "out-of-stock";
    }
}
