package shop.flow;

import shop.testkit.OrderFlowScenarios;

/** The baseline runs the same scenarios as the Kafka and Temporal flows. */
class DirectFlowScenariosTest extends OrderFlowScenarios {
    @Override
    protected OrderFlow startFlow(ShopContext context) {
        return new DirectFlow(context.domain(), context.listener());
    }
}
