package shop.observe;

/**
 * The meter vocabulary every flow shares, so one Grafana panel can compare them by the {@code impl} tag.
 * Names are Micrometer's (dots); Prometheus shows them with underscores and unit suffixes, e.g.
 * {@code shop.orders.placed} becomes {@code shop_orders_placed_total}.
 */
public final class MeterNames {
    private MeterNames() {}

    /** Counter, tags: impl. */
    public static final String ORDERS_PLACED = "shop.orders.placed";
    /** Counter, tags: impl. */
    public static final String ORDERS_COMPLETED = "shop.orders.completed";
    /** Counter, tags: impl. */
    public static final String ORDERS_REJECTED = "shop.orders.rejected";
    /** Counter, tags: impl. An order rejected after a refund, release or cancel. */
    public static final String ORDERS_COMPENSATED = "shop.orders.compensated";
    /**
     * Counter, tags: impl. Of the rejected orders, those whose run was ended from outside (a terminated workflow):
     * nothing was undone, so each one may have left money charged or stock reserved.
     */
    public static final String ORDERS_TERMINATED = "shop.orders.terminated";
    /** Timer with histogram, tags: impl, status. From placed to final state. */
    public static final String ORDER_DURATION = "shop.order.duration";
    /** Timer with histogram, tags: impl, service (the domain service that ran the step), step, outcome. */
    public static final String STEP_DURATION = "shop.step.duration";
    /** Gauge, tags: impl. Placed but not yet final. */
    public static final String ORDERS_IN_FLIGHT = "shop.orders.in.flight";

    public static final String TAG_IMPL = "impl";
    public static final String TAG_STATUS = "status";
    /** The domain service a step belongs to: payment, inventory, shipping, fraud. */
    public static final String TAG_SERVICE = "service";
    public static final String TAG_STEP = "step";
    public static final String TAG_OUTCOME = "outcome";
}
