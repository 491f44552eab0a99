package shop.flow;

/**
 * What {@code ./shop bench} compares a flow with first: the same flow with its business logic taken out. The same
 * topics, consumer groups and hand-offs (choreography), or the same workflow shape and activities on the same worker
 * settings (orchestration), whose steps do nothing. The ratio to it is what the flow's own code costs; the
 * {@link RawBaseline} (produce once, a no-op workflow) stays beside it as the infrastructure's bare speed.
 * Registered in {@code META-INF/services/shop.flow.SameShapeBaseline}.
 */
public interface SameShapeBaseline {
    /** The flow this is the baseline of, e.g. "choreography". */
    String impl();

    /** e.g. "the same 4 consumer groups and hand-offs, handlers that only pass the order on" */
    String what();

    /** Starts the empty flow on the context's infrastructure, with the context's parallelism. */
    OrderFlow start(ShopContext context);
}
