package shop.choreography.fraud;

import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import shop.flow.FraudPolicy;
import shop.flow.OrderFlow;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.testkit.FraudScenarios;
import shop.testkit.SharedKafka;

/**
 * Part B, choreography: every scenario of the shared suite still passes with the fraud check in the middle, and the
 * three fraud scenarios pass too (small order not held, big order approved, big order timed out and refunded).
 */
@ExtendWith(SharedKafka.class)
class ChoreographyFraudScenariosTest extends FraudScenarios {
    @Override
    protected String kafkaBootstrapServers() {
        FirstOpenTodo.ofTheFraudChoreography("these scenarios run the five services together"); // before the broker starts
        return SharedKafka.bootstrapServers();
    }

    @Override
    protected ReviewableFlow startReviewableFlow(ShopContext context, FraudPolicy policy) {
        return new FraudChoreographyFlow(context, "fraud-choreography-" + UUID.randomUUID() + ".", policy);
    }

    /** Stops every service in the middle of the batch, the fraud service included, and starts them again. */
    @Override
    protected OrderFlow restart(OrderFlow running) {
        ((FraudChoreographyFlow) running).restartServices();
        return running;
    }
}
