package shop.choreography.flow;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.observe.FirstOpenTodo;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;
import shop.testkit.OrderFlowScenarios;
import shop.testkit.SharedKafka;

/** The choreography runs the same scenarios as the direct and Temporal flows, on a real broker. */
@ExtendWith(SharedKafka.class)
class ChoreographyScenariosTest extends OrderFlowScenarios {
    @Override
    protected String kafkaBootstrapServers() {
        return SharedKafka.bootstrapServers();
    }

    @Override
    protected OrderFlow startFlow(ShopContext context) {
        FirstOpenTodo.ofTheChoreography("the shared scenarios run on the choreography");
        return new ChoreographyFlow(context, "scenarios-" + UUID.randomUUID() + ".", Set.copyOf(ChoreographyFlow.SERVICES));
    }

    /** Stops every service in the middle of the batch and starts it again: the events wait in the log. */
    @Override
    protected OrderFlow restart(OrderFlow running) {
        ((ChoreographyFlow) running).restartServices();
        return running;
    }
}
