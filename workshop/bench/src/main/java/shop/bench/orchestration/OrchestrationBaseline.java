package shop.bench.orchestration;

import shop.flow.RawBaseline;
import shop.flow.ShopContext;
import shop.orchestration.flow.OrchestrationFlow;

/** For {@code ./shop bench}: workflows of three no-op activities on the same Temporal server. */
public final class OrchestrationBaseline implements RawBaseline {
    @Override
    public String impl() {
        return OrchestrationFlow.NAME;
    }

    @Override
    public Result measure(ShopContext context, int orders) throws InterruptedException {
        double perSecond = OrchestrationBenchmark.noOpWorkflows(context.temporalTarget(), orders).perSecond();
        return new Result("Temporal, workflows of 3 no-op activities; workflows/s", perSecond);
    }
}
