package shop.bench.choreography;

import shop.choreography.flow.ChoreographyFlow;
import shop.flow.RawBaseline;
import shop.flow.ShopContext;

/** For {@code ./shop bench}: the same events per order, produced and consumed once on the same broker, no handlers. */
public final class ChoreographyBaseline implements RawBaseline {
    @Override
    public String impl() {
        return ChoreographyFlow.NAME;
    }

    @Override
    public Result measure(ShopContext context, int orders) {
        double perSecond = ChoreographyBenchmark.rawOrdersPerSecond(context.kafkaBootstrapServers(), orders);
        return new Result("Kafka, the same " + ChoreographyBenchmark.EVENTS_PER_ORDER
                + " events per order produced and consumed once, no handlers; orders/s", perSecond);
    }
}
