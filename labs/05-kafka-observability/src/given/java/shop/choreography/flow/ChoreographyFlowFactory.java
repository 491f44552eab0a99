package shop.choreography.flow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;

/** Plugs the choreography into the shop: {@code run --impl choreography}, and each service alone with {@code --service}. */
public final class ChoreographyFlowFactory implements FlowFactory {
    /** The shop's topics have no prefix: "order-events" and "order-events.dead-letters". */
    public static final String TOPIC_PREFIX = "";

    @Override
    public String name() {
        return ChoreographyFlow.NAME;
    }

    @Override
    public OrderFlow create(ShopContext context) {
        Set<String> here = ChoreographyFlow.SERVICES.stream().filter(context::runsHere).collect(Collectors.toSet());
        return new ChoreographyFlow(context, TOPIC_PREFIX, here);
    }

    @Override
    public List<String> services() {
        return ChoreographyFlow.SERVICES;
    }

    @Override
    public AutoCloseable startService(String service, ShopContext context) {
        if (!services().contains(service)) {
            return FlowFactory.super.startService(service, context);
        }
        return new ChoreographyService(service, context, TOPIC_PREFIX);
    }
}
