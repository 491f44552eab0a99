package shop.travel;

/**
 * How the shop finds the ways of booking a trip, as it finds order flows ({@link shop.flow.FlowFactory}): each
 * registers a factory in {@code META-INF/services/shop.travel.TripFlowFactory}. A trip flow runs whole in the shop,
 * beside the order flow of the same name.
 */
public interface TripFlowFactory {
    /** The {@code impl} name, the same as the order flow's: "direct", "choreography", "orchestration". */
    String name();

    /** Starts the trip flow in this process; closing it stops what it started. */
    TripFlow create(TripContext context);
}
