package shop.flow;

/**
 * How the shop finds flow implementations: each one registers a factory in
 * {@code META-INF/services/shop.flow.FlowFactory}, so a new flow plugs in without changing the app.
 */
public interface FlowFactory {
    String name();

    OrderFlow create(ShopContext context);
}
