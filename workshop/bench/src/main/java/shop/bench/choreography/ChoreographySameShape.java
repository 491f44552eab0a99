package shop.bench.choreography;

import java.util.Set;
import java.util.UUID;

import shop.choreography.flow.ChoreographyFlow;
import shop.flow.OrderFlow;
import shop.flow.SameShapeBaseline;
import shop.flow.ShopContext;

/**
 * The choreography with its business logic taken out: the same topic and partitions, the same four consumer groups
 * with the same consumers per group, the same producer and consumer settings, the same loop hooks and projection,
 * and handlers that only pass the order on ({@link PassOnHandlers}).
 */
public final class ChoreographySameShape implements SameShapeBaseline {
    @Override
    public String impl() {
        return ChoreographyFlow.NAME;
    }

    @Override
    public String what() {
        return "same topic, groups and 4 hand-offs, handlers that only pass the order on";
    }

    @Override
    public OrderFlow start(ShopContext context) {
        ChoreographyFlow.Parts parts = new ChoreographyFlow.Parts(ChoreographyFlow.SERVICES, PassOnHandlers.REACTIONS,
                ChoreographyFlow.LAB_05.views());
        return new ChoreographyFlow(context, "bench-shape-" + UUID.randomUUID() + ".",
                Set.copyOf(ChoreographyFlow.SERVICES), parts);
    }
}
