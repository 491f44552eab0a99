package shop.flow;

/**
 * What {@code ./shop bench} compares a flow against: its infrastructure doing the same amount of work with no
 * business logic (Kafka records produced and consumed, Temporal workflows of no-op activities). A flow's
 * benchmark code registers one in {@code META-INF/services/shop.flow.RawBaseline}.
 */
public interface RawBaseline {
    /** The flow this is the baseline of, e.g. "choreography". */
    String impl();

    /** Runs the baseline for {@code orders} orders' worth of work on the context's infrastructure. */
    Result measure(ShopContext context, int orders) throws Exception;

    /** @param what e.g. "Kafka, the same events produced and consumed once; orders/s" */
    record Result(String what, double perSecond) {}
}
