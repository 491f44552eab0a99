package shop.flow;

import java.util.List;

/**
 * How the shop finds flow implementations: each one registers a factory in
 * {@code META-INF/services/shop.flow.FlowFactory}, so a new flow plugs in without changing the app.
 */
public interface FlowFactory {
    /** The {@code impl} name: "direct", "choreography", "orchestration". */
    String name();

    /** Starts the whole flow in this process, except the services in {@link ShopContext#skippedServices()}. */
    OrderFlow create(ShopContext context);

    /** Parts that can run as a process of their own ({@code run --service NAME}), e.g. "payment" or "worker". */
    default List<String> services() {
        return List.of();
    }

    /** Starts one part alone; closing the result stops it. */
    default AutoCloseable startService(String service, ShopContext context) {
        throw new IllegalArgumentException(name() + " has no service \"" + service + "\"; it has " + services());
    }
}
