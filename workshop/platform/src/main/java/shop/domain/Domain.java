package shop.domain;

/** The shop's business services, written once and shared by every way of coordinating them. */
public final class Domain {
    public static final int DEFAULT_STOCK_PER_SKU = 100_000;

    private final Catalog catalog;
    private final Faults faults;
    private final Payments payments;
    private final Inventory inventory;
    private final Shipping shipping;

    public Domain(Catalog catalog, int initialStockPerSku) {
        this.catalog = catalog;
        this.faults = new Faults();
        this.payments = new Payments(faults);
        this.inventory = new Inventory(faults, catalog, initialStockPerSku);
        this.shipping = new Shipping(faults);
    }

    public static Domain demo() {
        return new Domain(Catalog.demo(), DEFAULT_STOCK_PER_SKU);
    }

    public Catalog catalog() { return catalog; }
    public Faults faults() { return faults; }
    public Payments payments() { return payments; }
    public Inventory inventory() { return inventory; }
    public Shipping shipping() { return shipping; }
}
